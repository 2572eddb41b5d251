/**
 * One form control for one registry field, chosen by its type, with its label, its purpose hint
 * (DESIGN §6) and the core's error for it. Values are kept as the user types them (DraftValue) and
 * turned into what the core stores in `toStored`.
 */
import type { FieldInfo, RecordView, StoredValue } from '../../../shared/recordTypes';
import { EARLIEST_DAY, LATEST_DAY } from '../../../shared/registry';
import { moneyInputValue, parseWholeNumber, readMoney, todayIso } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { translate, type Language, type Message } from '../i18n/translate';
import { optionLabel } from './display';
import { PurposeHint } from './PurposeHint';
import { ReferencePicker, type RefValue } from './ReferencePicker';

export type DraftValue = string | boolean | RefValue | null;

/** The value a control starts with, from a stored value. */
export function toDraft(field: FieldInfo, value: StoredValue | boolean | undefined, refs: RecordView['refs'], language: Language): DraftValue {
  switch (field.type) {
    case 'boolean':
      return value === true || value === 1;
    case 'reference': {
      if (typeof value !== 'number') return null;
      // A link to a record the user may not read, or one in the trash: kept on save, its title not shown.
      return refs[field.key] ?? { id: value, title: translate(language, 'form.linkUnavailable') };
    }
    case 'money':
      return typeof value === 'number' ? moneyInputValue(value, language) : '';
    default:
      return value === null || value === undefined || typeof value === 'boolean' ? '' : String(value);
  }
}

/** What the core is sent for a control's value, or an error the form can show at once. */
export function toStored(field: FieldInfo, draft: DraftValue, language: Language): { value: string | number | boolean | null } | { error: Message } {
  switch (field.type) {
    case 'boolean':
      return { value: draft === true };
    case 'reference':
      return { value: draft && typeof draft === 'object' ? draft.id : null };
    case 'money': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (text === '') return { value: null };
      const read = readMoney(text, language);
      if ('cents' in read) return { value: read.cents };
      return { error: { key: read.problem === 'tooLarge' ? 'form.moneyTooLarge' : 'form.moneyInvalid' } };
    }
    case 'integer': {
      const text = typeof draft === 'string' ? draft.trim() : '';
      if (text === '') return { value: null };
      const value = parseWholeNumber(text, language);
      return value === null ? { error: { key: 'form.integerInvalid' } } : { value };
    }
    default: {
      const text = typeof draft === 'string' ? draft.trim() : '';
      return { value: text === '' ? null : text };
    }
  }
}

/** Equal drafts mean nothing changed, so an edit sends only what the user touched. */
export function sameDraft(a: DraftValue, b: DraftValue): boolean {
  if (a && b && typeof a === 'object' && typeof b === 'object') return a.id === b.id;
  return a === b;
}

const INPUT_TYPES: Partial<Record<FieldInfo['type'], string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
  date: 'date',
};

interface FieldInputProps {
  field: FieldInfo;
  id: string;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  error?: string | undefined;
  disabled?: boolean;
  /** Values to offer as one types (a campaign's required consent: the purposes people consented to). */
  suggestions?: readonly string[] | undefined;
}

export function FieldInput({ field, id, value, onChange, error, disabled, suggestions }: FieldInputProps) {
  const { t, language } = useI18n();
  const label = field.label[language];
  const purposeId = `${id}-purpose`;
  const errorId = `${id}-error`;
  const describedBy = [purposeId, field.type === 'money' ? `${id}-unit` : null, error ? errorId : null].filter(Boolean).join(' ');
  const invalid = error ? true : undefined;
  const text = typeof value === 'string' ? value : '';
  const wide = field.type === 'longText';

  const errorText = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );

  if (field.type === 'boolean') {
    return (
      <div className="field record-field record-field-check">
        <div className="field-label-row">
          <label className="checkbox">
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              disabled={disabled}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => onChange(event.currentTarget.checked)}
            />
            <span>{label}</span>
          </label>
          <PurposeHint id={purposeId} purpose={field.purpose[language]} />
        </div>
        {errorText}
      </div>
    );
  }

  let control;
  if (field.type === 'reference' && field.references) {
    control = (
      <ReferencePicker
        id={id}
        target={field.references}
        value={value && typeof value === 'object' ? value : null}
        onChange={onChange}
        label={label}
        describedBy={describedBy}
        invalid={Boolean(error)}
        required={field.required}
        disabled={disabled}
      />
    );
  } else if (field.type === 'enum') {
    control = (
      <select
        id={id}
        value={text}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={field.required || undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {(!field.required || text === '') && <option value="">{field.required ? t('form.choose') : t('form.notChosen')}</option>}
        {(field.options ?? []).map((option) => (
          <option key={option} value={option}>
            {optionLabel(field, option, language)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'longText') {
    control = (
      <textarea
        id={id}
        rows={4}
        value={text}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={field.required || undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  } else {
    const input = (
      <input
        id={id}
        type={INPUT_TYPES[field.type] ?? 'text'}
        // The date picker offers no day the core would refuse (records.dayTooEarly). Without a max,
        // Chromium's year takes six digits: a typed year waits for more (the field stays empty), and
        // "31022026" became year 22026. A day something happened is not after today.
        min={field.type === 'date' ? EARLIEST_DAY : undefined}
        max={field.type === 'date' ? (field.notAfterToday ? todayIso() : LATEST_DAY) : undefined}
        inputMode={field.type === 'money' ? 'decimal' : field.type === 'integer' ? 'numeric' : undefined}
        autoComplete="off"
        list={suggestions && suggestions.length > 0 ? `${id}-suggestions` : undefined}
        value={text}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={field.required || undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
    control =
      field.type === 'money' ? (
        <div className="money-input">
          <span className="money-unit" aria-hidden="true">
            €
          </span>
          {input}
          <span id={`${id}-unit`} className="visually-hidden">
            {t('form.moneyHint')}
          </span>
        </div>
      ) : suggestions && suggestions.length > 0 ? (
        <>
          {input}
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        </>
      ) : (
        input
      );
  }

  return (
    <div className={wide ? 'field record-field record-field-wide' : 'field record-field'}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {field.required && <span className="field-required">{t('form.required')}</span>}
        <PurposeHint id={purposeId} purpose={field.purpose[language]} />
      </div>
      {control}
      {errorText}
    </div>
  );
}
