/**
 * Checks record values against the fields in force. A value for a field that is off, unknown or
 * custom-but-removed is refused, never silently stored: minimisation is enforced here, in the core.
 */
import type { CoreMessage, CoreMessageId, MessageValues } from '../../../shared/coreMessages';
import { EARLIEST_DAY, optionList } from '../../../shared/registry';
import { localDay } from '../../../shared/localDay';
import type { ActiveField } from './fields';
import { parseCountry, withScheme } from './import/convert';

export type StoredValue = string | number | null;
/** Why each refused field was refused, by field key (see fieldErrorDetails in errors.ts). */
export type FieldErrors = Record<string, CoreMessage>;

/** An address as people type one: no spaces, brackets, quotes or list separators around or in it. */
const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+$/;
/** "Jan de Vries <jan@vries.nl>" or "<jan@vries.nl>", as a mail program copies an address. */
const NAMED_ADDRESS = /^[^<>]*<\s*([^<>\s]+)\s*>$/;
const PHONE = /^[+0-9 ()./-]{3,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A reason per field, as a catalogue message (details.fieldMessages and the import's row reports). */
function invalid(id: CoreMessageId, values?: MessageValues): { error: CoreMessage } {
  return { error: values === undefined ? { id } : { id, values } };
}

/** One value → what is stored, or an error message. */
export function checkValue(field: ActiveField, raw: unknown): { value: StoredValue } | { error: CoreMessage } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    if (field.required) return invalid('records.required');
    // A column that always holds a value (a deal's value) takes its default, never NULL.
    return field.defaultValue === undefined ? { value: null } : checkValue(field, field.defaultValue);
  }
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url': {
      if (typeof raw !== 'string') return invalid('records.expectedText');
      let text = raw.trim();
      // A form takes what an import takes: "Nederland" for NL, "bakkerij.nl" for a web address.
      if (field.key === 'country' && !field.custom) {
        const code = parseCountry(text);
        if (code === null) return invalid('records.expectedCountryCode');
        text = code;
      }
      // A line break belongs only in a long text: one pasted or imported into a name is a space.
      if (field.type !== 'longText') text = text.replace(/\s*[\r\n]+\s*/g, ' ');
      if (field.type === 'url') text = withScheme(text);
      if (field.type === 'email') text = NAMED_ADDRESS.exec(text)?.[1] ?? text;
      if (field.maxLength && text.length > field.maxLength) return invalid('records.tooLong', { max: field.maxLength });
      if (field.type === 'email' && !EMAIL.test(text)) return invalid('records.badEmail');
      if (field.type === 'phone' && !PHONE.test(text)) return invalid('records.badPhone');
      if (field.type === 'url' && !/^https?:\/\/[^\s]+$/i.test(text)) return invalid('records.badUrl');
      return { value: text };
    }
    case 'date': {
      const day = typeof raw === 'string' ? raw.trim() : '';
      if (!isRealDate(day)) return invalid('records.badDate');
      // Year 1 is a real day, and no day a CRM records: a typo, or a record that proves nothing.
      if (day < EARLIEST_DAY) return invalid('records.dayTooEarly');
      return field.notAfterToday && day > localDay() ? invalid('records.dayInFuture') : { value: day };
    }
    case 'money':
      // A deal's value and an invoice's amount: a credit is not modelled, so below zero is a typo.
      if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw < 0) return invalid('records.negativeAmount');
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? { value: raw } : invalid('records.expectedWholeNumber');
    case 'integer':
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? { value: raw } : invalid('records.expectedWholeNumber');
    case 'enum':
      return typeof raw === 'string' && field.options?.includes(raw) ? { value: raw } : invalid('records.chooseOption', { options: optionList(field) });
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw ? 1 : 0 } : invalid('records.expectedYesNo');
    case 'reference':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0 ? { value: raw } : invalid('records.chooseRecord');
  }
}

/**
 * Checks every given value; on create, also that every required field has one. Returns the clean
 * values (built-in and custom apart) or the errors per field.
 */
export function checkValues(
  fields: readonly ActiveField[],
  values: Record<string, unknown>,
  mode: 'create' | 'update',
): { ok: true; builtIn: Record<string, StoredValue>; custom: Record<string, StoredValue> } | { ok: false; errors: FieldErrors } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const errors: FieldErrors = {};
  const builtIn: Record<string, StoredValue> = {};
  const custom: Record<string, StoredValue> = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      errors[key] = { id: 'records.fieldNotInUse' };
      continue;
    }
    const checked = checkValue(field, raw);
    if ('error' in checked) errors[key] = checked.error;
    else (field.custom ? custom : builtIn)[key] = checked.value;
  }
  if (mode === 'create') {
    for (const field of fields) {
      if (field.required && !(field.key in values)) errors[field.key] = { id: 'records.required' };
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, builtIn, custom };
}
