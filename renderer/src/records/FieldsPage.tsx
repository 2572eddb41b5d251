/**
 * The administrator's Fields page (DESIGN §6): per kind of record, every field with its purpose,
 * legal basis, sensitivity and retention. Optional fields can be switched off — after a
 * confirmation that says how many records hold a value, because their values are then deleted —
 * and custom fields can be added. The core refuses a field without a purpose or a legal basis; this
 * form shows that refusal rather than guarding it itself.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ApiError, InputProblem } from '../../../shared/errors';
import type { FieldInfo } from '../../../shared/recordTypes';
import { CUSTOM_SEARCHABLE_TYPES, ENTITY_NAMES, LEGAL_BASIS_LABELS, LEGAL_BASES, SENSITIVITIES, type EntityName, type LegalBasis, type Localized, type Sensitivity } from '../../../shared/registry';
import { call, fieldErrorsFrom } from '../api';
import { BusyButton } from '../components/BusyButton';
import { CheckboxField } from '../components/CheckboxField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import { LANGUAGES, type Language, type Message, type Reason, type Translate } from '../i18n/translate';
import { entityPlural } from './display';
import { useFields } from './fields';
import { isStepUpCancelled, useStepUp } from '../stepUp';

const SENSITIVITY_LABELS: Record<Sensitivity, MessageKey> = {
  normal: 'fields.sensitivity.normal',
  personal: 'fields.sensitivity.personal',
  special: 'fields.sensitivity.special',
};

const CUSTOM_TYPES = ['text', 'longText', 'email', 'phone', 'url', 'date', 'integer', 'boolean'] as const;
type CustomType = (typeof CUSTOM_TYPES)[number];
const TYPE_LABELS: Record<CustomType, MessageKey> = {
  text: 'fields.type.text',
  longText: 'fields.type.longText',
  email: 'fields.type.email',
  phone: 'fields.type.phone',
  url: 'fields.type.url',
  date: 'fields.type.date',
  integer: 'fields.type.integer',
  boolean: 'fields.type.boolean',
};

/**
 * The core's reason for a text given in both languages (`label: { en, nl }`), put on the language
 * at fault. The wall's VALIDATION error names the top-level field only (`label`, never `label.nl`:
 * dispatch.ts, inputProblems.ts), with the limit broken in `details.fieldProblems`: the text over
 * that limit is the one meant. Any other reason (both left empty, a name taken) goes on both.
 * `sent`: the texts as they were sent.
 */
export function reasonsByLanguage(details: unknown, field: string, sent: Localized): Partial<Record<Language, Reason>> {
  const reason = fieldErrorsFrom(details)[field];
  if (reason === undefined) return {};
  const problems = (details as { fieldProblems?: Record<string, Partial<InputProblem>> } | null | undefined)?.fieldProblems;
  const problem = problems?.[field];
  const max = problem?.kind === 'tooLong' && typeof problem.max === 'number' ? problem.max : null;
  const over = LANGUAGES.filter((language) => max !== null && sent[language].length > max);
  return Object.fromEntries((over.length > 0 ? over : LANGUAGES).map((language) => [language, reason]));
}

export function sensitivityLabel(sensitivity: Sensitivity, t: Translate): string {
  return t(SENSITIVITY_LABELS[sensitivity]);
}

interface Pending {
  field: FieldInfo;
  valueCount: number;
}

/** A text about one field: its label is picked when shown, so it follows a language switch too. */
type FieldMessage = Message & { field: FieldInfo };

export function FieldsPage({ takeFocus }: { takeFocus: boolean }) {
  const { t, language } = useI18n();
  const { state, reload } = useFields();
  const { callWithStepUp } = useStepUp();
  const [entity, setEntity] = useState<EntityName>('contact');
  const [pending, setPending] = useState<Pending | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [status, setStatus] = useState<FieldMessage | null>(null);
  const [error, setError] = useState<FieldMessage | null>(null);

  async function setEnabled(field: FieldInfo, enabled: boolean, confirmValueCount?: number) {
    setPending(null);
    setStatus(null);
    setError(null);
    setBusyKey(field.key);
    // Switching off deletes values for good: the core asks for a fresh code first.
    const result = await callWithStepUp('fields.setEnabled', {
      entity: field.entity,
      field: field.key,
      enabled,
      ...(confirmValueCount !== undefined ? { confirmValueCount } : {}),
    });
    setBusyKey(null);
    if (result.ok) {
      setStatus(
        result.value.enabled
          ? { key: 'fields.switchedOn', field }
          : result.value.purged === 0
            ? { key: 'fields.switchedOffNone', field }
            : result.value.purged === 1
              ? { key: 'fields.switchedOffOne', field }
              : { key: 'fields.switchedOff', field, params: { count: result.value.purged } },
      );
      await reload();
      return;
    }
    const valueCount = (result.error.details as { valueCount?: unknown } | null | undefined)?.valueCount;
    if (!enabled && result.error.code === 'CONFLICT' && typeof valueCount === 'number') {
      // The core says how many values would go; the user decides with that number in front of them.
      setPending({ field, valueCount });
      return;
    }
    if (isStepUpCancelled(result.error)) return;
    setError({ key: 'fields.switchFailed', field, params: { message: result.error } });
  }

  const fields = state.kind === 'ready' ? state.fields.filter((field) => field.entity === entity) : [];
  const fieldText = (message: FieldMessage) => t(message.key, { ...message.params, field: message.field.label[language] });

  return (
    <section className="page page-wide">
      <PageHeading takeFocus={takeFocus}>{t('fields.title')}</PageHeading>
      <p>{t('fields.intro')}</p>
      <div className="narrow-form">
        <SelectField
          label={t('fields.entity')}
          value={entity}
          onChange={(event) => {
            setEntity(event.currentTarget.value as EntityName);
            setStatus(null);
            setError(null);
          }}
          options={ENTITY_NAMES.map((name) => ({ value: name, label: entityPlural(name, language) }))}
        />
      </div>
      {status && <Notice tone="info">{fieldText(status)}</Notice>}
      {error && <Notice tone="error">{fieldText(error)}</Notice>}
      {state.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.kind === 'failed' && <Notice tone="error">{t('fields.loadFailed', { message: state.error })}</Notice>}
      {state.kind === 'ready' && (
        <div className="table-scroll">
          <table className="table fields-table">
            <caption>{t('fields.caption', { what: entityPlural(entity, language) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.col.field')}</th>
                <th scope="col">{t('fields.col.purpose')}</th>
                <th scope="col">{t('fields.col.legalBasis')}</th>
                <th scope="col">{t('fields.col.sensitivity')}</th>
                <th scope="col">{t('fields.col.retention')}</th>
                <th scope="col">{t('fields.col.inUse')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => {
                const label = field.label[language];
                return (
                  <tr key={field.key} className={field.enabled ? undefined : 'field-off'}>
                    <th scope="row">
                      {label}
                      {field.custom && <span className="tag">{t('fields.custom')}</span>}
                      {field.searchable && <span className="tag">{t('fields.searched')}</span>}
                    </th>
                    <td>{field.purpose[language]}</td>
                    <td>{LEGAL_BASIS_LABELS[field.legalBasis]?.[language] ?? field.legalBasis}</td>
                    <td className={field.sensitivity === 'special' ? 'sensitivity-special' : undefined}>{sensitivityLabel(field.sensitivity, t)}</td>
                    <td>{field.retention[language]}</td>
                    <td>
                      {field.optional ? (
                        <BusyButton
                          role="switch"
                          className="switch"
                          aria-checked={field.enabled}
                          aria-label={t('fields.switchLabel', { field: label })}
                          busy={busyKey === field.key}
                          onClick={() => void setEnabled(field, !field.enabled)}
                        >
                          <span className="switch-track" aria-hidden="true">
                            <span className="switch-thumb" />
                          </span>
                          <span className="switch-text" aria-hidden="true">
                            {field.enabled ? t('fields.on') : t('fields.off')}
                          </span>
                        </BusyButton>
                      ) : (
                        <span className="muted">{t('fields.alwaysOn')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <AddFieldForm
        entity={entity}
        onAdded={async (field) => {
          setStatus({ key: 'fields.added', field });
          setError(null);
          await reload();
        }}
      />

      {pending && (
        <ConfirmDialog
          title={t('fields.offTitle', { field: pending.field.label[language] })}
          text={
            pending.valueCount === 0
              ? t('fields.offTextNone')
              : pending.valueCount === 1
                ? t('fields.offTextOne')
                : t('fields.offText', { count: pending.valueCount })
          }
          confirmLabel={t(pending.valueCount === 0 ? 'fields.offConfirmNone' : 'fields.offConfirm')}
          onConfirm={() => void setEnabled(pending.field, false, pending.valueCount)}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}

type AddField = 'labelEn' | 'labelNl' | 'purposeEn' | 'purposeNl' | 'legalBasis' | 'retentionEn' | 'retentionNl' | 'type' | 'sensitivity';
/** The core's reason per field, kept as it came and worded when shown (Reason). */
type AddFieldRefusals = Partial<Record<AddField, Reason>>;

function AddFieldForm({ entity, onAdded }: { entity: EntityName; onAdded: (field: FieldInfo) => Promise<void> }) {
  const { t, language, reasonTexts } = useI18n();
  const id = useId();
  const [labelEn, setLabelEn] = useState('');
  const [labelNl, setLabelNl] = useState('');
  const [type, setType] = useState<CustomType>('text');
  const [purposeEn, setPurposeEn] = useState('');
  const [purposeNl, setPurposeNl] = useState('');
  const [legalBasis, setLegalBasis] = useState<LegalBasis | ''>('');
  const [sensitivity, setSensitivity] = useState<Sensitivity>('normal');
  const [retentionEn, setRetentionEn] = useState('');
  const [retentionNl, setRetentionNl] = useState('');
  const [searchable, setSearchable] = useState(false);
  // Offered only where the core allows it: text-like fields that are not special-category data.
  const mayBeSearchable = CUSTOM_SEARCHABLE_TYPES.includes(type) && sensitivity !== 'special';
  const [refusals, setRefusals] = useState<AddFieldRefusals>({});
  const errors = reasonTexts(refusals);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    setBusy(true);
    // No checks of our own: the core is the wall, and says what is missing.
    const label = { en: labelEn, nl: labelNl };
    const purpose = { en: purposeEn, nl: purposeNl };
    const retention = { en: retentionEn, nl: retentionNl };
    const result = await call('fields.addCustom', {
      entity,
      label,
      type,
      purpose,
      legalBasis,
      sensitivity,
      retention,
      searchable: mayBeSearchable && searchable,
    });
    if (result.ok) {
      flushSync(() => {
        setBusy(false);
        setRefusals({});
        setLabelEn('');
        setLabelNl('');
        setPurposeEn('');
        setPurposeNl('');
        setLegalBasis('');
        setRetentionEn('');
        setRetentionNl('');
        setSearchable(false);
      });
      await onAdded(result.value);
      return;
    }
    const found = fieldErrorsFrom(result.error.details);
    // Each language's text has its own field: a reason goes on the one at fault.
    const labels = reasonsByLanguage(result.error.details, 'label', label);
    const purposes = reasonsByLanguage(result.error.details, 'purpose', purpose);
    const retentions = reasonsByLanguage(result.error.details, 'retention', retention);
    const next: AddFieldRefusals = {
      labelEn: labels.en,
      labelNl: labels.nl,
      purposeEn: purposes.en,
      purposeNl: purposes.nl,
      legalBasis: found.legalBasis,
      retentionEn: retentions.en,
      retentionNl: retentions.nl,
      type: found.type,
      sensitivity: found.sensitivity,
    };
    flushSync(() => {
      setBusy(false);
      setRefusals(next);
      setFormError(result.error);
    });
    const order: AddField[] = ['labelEn', 'labelNl', 'type', 'purposeEn', 'purposeNl', 'legalBasis', 'sensitivity', 'retentionEn', 'retentionNl'];
    const first = order.find((key) => next[key]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('fields.addTitle', { what: entityPlural(entity, language) })}</h3>
      <p className="muted">{t('fields.addIntro')}</p>
      {formError && <Notice tone="error">{t('fields.addFailed', { message: formError })}</Notice>}
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="add-field-form">
        <TextField data-field="labelEn" label={t('fields.labelEn')} value={labelEn} error={errors.labelEn} readOnly={busy} onChange={(event) => setLabelEn(event.currentTarget.value)} />
        <TextField data-field="labelNl" label={t('fields.labelNl')} value={labelNl} error={errors.labelNl} readOnly={busy} onChange={(event) => setLabelNl(event.currentTarget.value)} />
        <SelectField
          data-field="type"
          label={t('fields.type')}
          value={type}
          error={errors.type}
          disabled={busy}
          onChange={(event) => setType(event.currentTarget.value as CustomType)}
          options={CUSTOM_TYPES.map((option) => ({ value: option, label: t(TYPE_LABELS[option]) }))}
        />
        <TextAreaField
          data-field="purposeEn"
          label={t('fields.purposeEn')}
          hint={t('fields.purposeHint')}
          rows={2}
          value={purposeEn}
          error={errors.purposeEn}
          readOnly={busy}
          onChange={(event) => setPurposeEn(event.currentTarget.value)}
        />
        <TextAreaField
          data-field="purposeNl"
          label={t('fields.purposeNl')}
          rows={2}
          value={purposeNl}
          error={errors.purposeNl}
          readOnly={busy}
          onChange={(event) => setPurposeNl(event.currentTarget.value)}
        />
        <SelectField
          data-field="legalBasis"
          label={t('fields.legalBasis')}
          value={legalBasis}
          error={errors.legalBasis}
          disabled={busy}
          onChange={(event) => setLegalBasis(event.currentTarget.value as LegalBasis | '')}
          options={[
            { value: '', label: t('form.choose') },
            ...LEGAL_BASES.map((basis) => ({ value: basis, label: LEGAL_BASIS_LABELS[basis][language] })),
          ]}
        />
        <SelectField
          data-field="sensitivity"
          label={t('fields.sensitivity')}
          value={sensitivity}
          error={errors.sensitivity}
          disabled={busy}
          onChange={(event) => setSensitivity(event.currentTarget.value as Sensitivity)}
          options={SENSITIVITIES.map((option) => ({ value: option, label: sensitivityLabel(option, t) }))}
        />
        <TextField
          data-field="retentionEn"
          label={t('fields.retentionEn')}
          hint={t('fields.retentionHint')}
          value={retentionEn}
          error={errors.retentionEn}
          readOnly={busy}
          onChange={(event) => setRetentionEn(event.currentTarget.value)}
        />
        <TextField
          data-field="retentionNl"
          label={t('fields.retentionNl')}
          value={retentionNl}
          error={errors.retentionNl}
          readOnly={busy}
          onChange={(event) => setRetentionNl(event.currentTarget.value)}
        />
        {mayBeSearchable && (
          <CheckboxField label={t('fields.searchable')} checked={searchable} disabled={busy} onChange={(event) => setSearchable(event.currentTarget.checked)} />
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('fields.adding') : t('fields.add')}
        </button>
      </form>
    </section>
  );
}
