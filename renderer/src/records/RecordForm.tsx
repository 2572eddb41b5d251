/**
 * The create and edit form of any record, built from the enabled fields the core reports. The core
 * checks every value; its VALIDATION answer names the fields (details.fieldErrors), and each error
 * shows under its field, the first one focused. A new record is sent only the fields filled in; an
 * edit only the fields that changed, with their values as the form was opened: a field someone
 * changed since comes back as a CONFLICT under that field, and saving again replaces it.
 *
 * Escape in a form that can be cancelled cancels it: at once when nothing was changed, after a
 * "Discard your changes?" when something was, so a stray Escape never loses typing. A form that
 * stays open (the timeline's "Log a call …") has nothing to cancel: there Escape after a change asks
 * the same and then empties it, and does nothing otherwise. Escape inside a dialog (or a list that
 * closes on it, as a picker's) is theirs alone.
 */
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { FieldInfo, RecordView } from '../../../shared/recordTypes';
import type { EntityName } from '../../../shared/registry';
import { call, fieldErrorsFrom } from '../api';
import { BusyButton } from '../components/BusyButton';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Reason } from '../i18n/translate';
import { FieldInput, sameDraft, toDraft, toStored, type DraftValue } from './FieldInput';
import { useUnsavedInput } from './unsavedInput';
import type { Preset } from './navigation';

interface RecordFormProps {
  entity: EntityName;
  fields: FieldInfo[];
  /** The record being edited; absent for a new one. */
  record?: RecordView;
  preset?: Preset | undefined;
  /** Values a new record always gets, without a control (the record an activity is logged on). */
  fixedValues?: Record<string, string | number | boolean | null>;
  submitLabel: string;
  busyLabel: string;
  onSaved: (record: RecordView) => void;
  onCancel?: () => void;
  /** For a form without Cancel that stays open: called once a change is discarded with Escape, to empty it. */
  onDiscard?: () => void;
  /**
   * Focus the first field when the form appears: it replaces the button that opened it (Edit) or
   * a form just sent, and focus left on a removed element falls back to the page's start.
   */
  focusFirstField?: boolean;
  /** Extra controls after the fields (e.g. a note). */
  children?: ReactNode;
  /**
   * Values that follow others until the user sets them (whether a logged activity is done follows
   * its kind and day): called after every change with the drafts and the fields the user changed.
   */
  derive?: (drafts: Drafts, touched: ReadonlySet<string>) => Drafts;
}

export type Drafts = Record<string, DraftValue>;

/** The purposes people consented to, for a field that names one (a campaign's required consent); none while not asked. */
function useConsentPurposes(wanted: boolean): string[] {
  const [purposes, setPurposes] = useState<string[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void call('consents.purposes', { entity: 'consent' }).then((result) => {
      if (current && result.ok) setPurposes(result.value.map((p) => p.purpose));
    });
    return () => {
      current = false;
    };
  }, [wanted]);
  return purposes;
}

export function RecordForm({
  entity,
  fields,
  record,
  preset,
  fixedValues,
  submitLabel,
  busyLabel,
  onSaved,
  onCancel,
  onDiscard,
  focusFirstField = false,
  children,
  derive,
}: RecordFormProps) {
  const { t, language, reasonTexts } = useI18n();
  const formId = useId();
  const idFor = (key: string) => `${formId}-${key}`;

  const [initial] = useState<Drafts>(() => {
    const drafts: Drafts = {};
    for (const field of fields) {
      const stored = record ? record.values[field.key] : preset?.values[field.key];
      const refs = record ? record.refs : (preset?.refs ?? {});
      drafts[field.key] = toDraft(field, stored, refs, language);
    }
    return drafts;
  });
  // The values as the form was opened with them, whatever the page shows of the record later.
  const [openedWith] = useState(() => record?.values ?? {});
  const [drafts, setDrafts] = useState<Drafts>(initial);
  const [touched] = useState(() => new Set<string>());
  const [errors, setErrors] = useState<Record<string, Reason>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  // Fields someone changed since the form opened, which the user was told of: saving again replaces them.
  const [replacing, setReplacing] = useState<ReadonlySet<string>>(() => new Set());
  // A form without Cancel that stays open for the next entry (a timeline's "Log a call"): unchanged,
  // it holds nothing but what was just saved, so Ctrl+Z on its select is about that save (undoShortcuts).
  const staysOpen = onDiscard !== undefined && onCancel === undefined;
  const changed = fields.some((field) => !sameDraft(drafts[field.key] ?? null, initial[field.key] ?? null));
  // Escape after a change: asking whether to discard it. Once discarded, the form holds nothing.
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  // What the user typed and has not saved outlives an undo on the page (unsavedInput.tsx).
  useUnsavedInput(changed && !discarded);

  useEffect(() => {
    const first = fields[0];
    if (focusFirstField && first) document.getElementById(idFor(first.key))?.focus();
    // Only when the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const consentPurposes = useConsentPurposes(fields.some((field) => field.suggests === 'consentPurposes'));

  function focusFirst(found: Record<string, Reason>) {
    const first = fields.find((field) => found[field.key]);
    if (first) document.getElementById(idFor(first.key))?.focus();
  }

  /**
   * What the core alone checks (an e-mail address, a day not after today), asked for where the form
   * already found a required field empty, so every problem shows at the first Save. Only then: the
   * core refuses a required field sent empty as well, so nothing is written. The fields the form
   * could not read (an amount) are not sent; its own reasons stand where both have one.
   */
  async function coreChecksToo(local: Record<string, Reason>, values: Record<string, string | number | boolean | null>): Promise<Record<string, Reason> | null> {
    const empty = Object.keys(local).filter((key) => typeof local[key] === 'object' && 'id' in local[key] && local[key].id === 'records.required');
    if (empty.length === 0) return {};
    const sent = { ...values, ...Object.fromEntries(empty.map((key) => [key, null])) };
    setBusy(true);
    const result = record ? await call('records.update', { entity, id: record.id, values: sent }) : await call('records.create', { entity, values: sent });
    setBusy(false);
    // Saved after all (a field the form thought required, the core did not): as a Save would have.
    if (result.ok) {
      onSaved(result.value);
      return null;
    }
    if (result.error.code !== 'VALIDATION') return {};
    return Object.fromEntries(Object.entries(fieldErrorsFrom(result.error.details)).filter(([key]) => fields.some((field) => field.key === key)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const values: Record<string, string | number | boolean | null> = record ? {} : { ...fixedValues };
    const local: Record<string, Reason> = {};
    for (const field of fields) {
      const draft = drafts[field.key] ?? null;
      if (record && sameDraft(draft, initial[field.key] ?? null)) continue;
      const stored = toStored(field, draft, language);
      if ('error' in stored) local[field.key] = stored.error;
      // A required field left empty is refused here too, in the core's words, so every problem of
      // the form shows at once rather than the rest only once the values above are right.
      else if (stored.value === null && field.required && !(!record && fixedValues && field.key in fixedValues)) local[field.key] = { id: 'records.required' };
      // So is a text too long for its field: else "at most 200 characters" showed only once the
      // required fields were filled in (3 December, from a user walk).
      else if (field.maxLength && typeof stored.value === 'string' && stored.value.length > field.maxLength) {
        local[field.key] = { id: 'records.tooLong', values: { max: field.maxLength } };
      }
      // A new record is sent only what was filled in: nothing is stored for an empty field anyway.
      else if (record || stored.value !== null) values[field.key] = stored.value;
    }
    if (Object.keys(local).length > 0) {
      const fromCore = await coreChecksToo(local, values);
      if (fromCore === null) return;
      const all = { ...fromCore, ...local };
      flushSync(() => setErrors(all));
      focusFirst(all);
      return;
    }
    if (record && Object.keys(values).length === 0) {
      onSaved(record);
      return;
    }
    // Enter in a field sends the form, and the fields are disabled while it goes: a refusal that
    // names no field gives the focus back to where the user was.
    const from = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBusy(true);
    // An edit says what the form was opened with, so a change made since (in another window, by a
    // colleague) is refused rather than overwritten unseen, unless the user was told and saves again.
    const expected = record ? Object.fromEntries(Object.keys(values).filter((key) => !replacing.has(key)).map((key) => [key, openedWith[key] ?? null])) : {};
    const result = record
      ? await call('records.update', { entity, id: record.id, values, expected })
      : await call('records.create', { entity, values });
    if (result.ok) {
      setBusy(false);
      onSaved(result.value);
      return;
    }
    const found = result.error.code === 'VALIDATION' || result.error.code === 'CONFLICT' ? fieldErrorsFrom(result.error.details) : {};
    if (result.error.code === 'CONFLICT') setReplacing(new Set([...replacing, ...Object.keys(found)]));
    const known = Object.fromEntries(Object.entries(found).filter(([key]) => fields.some((field) => field.key === key)));
    const unknown = Object.keys(found).filter((key) => !(key in known));
    const foundTexts = reasonTexts(found);
    flushSync(() => {
      setBusy(false);
      setErrors(known);
      if (Object.keys(known).length === 0 || unknown.length > 0) {
        setFormError(
          unknown.length > 0
            ? { key: 'form.failed', params: { message: unknown.map((key) => `${key}: ${foundTexts[key]}`).join('; ') } }
            : { key: 'form.failed', params: { message: result.error } },
        );
      }
    });
    if (Object.keys(known).length > 0) focusFirst(known);
    else if (!document.activeElement || document.activeElement === document.body) from?.focus();
  }

  function escape(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape' || event.defaultPrevented || busy) return;
    // Inside a dialog (a step-up, a confirm), Escape closes that dialog and nothing else.
    if (event.target instanceof Element && event.target.closest('dialog')) return;
    if (changed && (onCancel || onDiscard)) {
      event.preventDefault();
      setAskingToDiscard(true);
    } else if (onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  function discard() {
    // The form lets go of its input first, so leaving the page does not ask a second time.
    flushSync(() => {
      setAskingToDiscard(false);
      setDiscarded(true);
    });
    if (onCancel) onCancel();
    else onDiscard?.();
  }

  const errorTexts = reasonTexts(errors);

  return (
    <>
      <form onSubmit={submit} onKeyDown={escape} noValidate aria-busy={busy} className="record-form" data-pristine={staysOpen && !changed ? '' : undefined}>
        {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
        <div className="record-form-fields">
          {fields.map((field) => (
            <FieldInput
              key={field.key}
              field={field}
              id={idFor(field.key)}
              value={drafts[field.key] ?? null}
              suggestions={field.suggests === 'consentPurposes' ? consentPurposes : undefined}
              disabled={busy}
              error={errorTexts[field.key]}
              onChange={(value) => {
                touched.add(field.key);
                setDrafts((previous) => {
                  const next = { ...previous, [field.key]: value };
                  return derive ? derive(next, touched) : next;
                });
                setErrors(({ [field.key]: _dropped, ...rest }) => rest);
              }}
            />
          ))}
        </div>
        {children}
        <div className="button-row">
          <BusyButton type="submit" className="button-primary" busy={busy}>
            {busy ? busyLabel : submitLabel}
          </BusyButton>
          {onCancel && (
            <BusyButton className="button-quiet" onClick={onCancel} busy={busy}>
              {t('common.cancel')}
            </BusyButton>
          )}
        </div>
      </form>
      {askingToDiscard && (
        <ConfirmDialog
          title={t('form.discardTitle')}
          text={t('form.discardText')}
          confirmLabel={t('form.discardConfirm')}
          cancelLabel={t('form.keepEditing')}
          onConfirm={discard}
          onCancel={() => setAskingToDiscard(false)}
        />
      )}
    </>
  );
}
