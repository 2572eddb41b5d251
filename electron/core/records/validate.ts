/**
 * Checks record values against the fields in force. A value for a field that is off, unknown or
 * custom-but-removed is refused, never silently stored: minimisation is enforced here, in the core.
 */
import type { ActiveField } from './fields';

export type StoredValue = string | number | null;
export type FieldErrors = Record<string, string[]>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()./-]{3,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** One value → what is stored, or an error message. */
export function checkValue(field: ActiveField, raw: unknown): { value: StoredValue } | { error: string } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return field.required ? { error: 'This field is required' } : { value: null };
  }
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url': {
      if (typeof raw !== 'string') return { error: 'Expected text' };
      const text = raw.trim();
      if (field.maxLength && text.length > field.maxLength) return { error: `Use at most ${field.maxLength} characters` };
      if (field.type === 'email' && !EMAIL.test(text)) return { error: 'Not a valid e-mail address' };
      if (field.type === 'phone' && !PHONE.test(text)) return { error: 'Not a valid phone number' };
      if (field.type === 'url' && !/^https?:\/\/[^\s]+$/i.test(text)) return { error: 'Use a web address starting with http:// or https://' };
      return { value: text };
    }
    case 'date':
      return typeof raw === 'string' && isRealDate(raw.trim()) ? { value: raw.trim() } : { error: 'Use a date as YYYY-MM-DD' };
    case 'money':
    case 'integer':
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? { value: raw } : { error: 'Expected a whole number' };
    case 'enum':
      return typeof raw === 'string' && field.options?.includes(raw) ? { value: raw } : { error: `Choose one of: ${field.options?.join(', ')}` };
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw ? 1 : 0 } : { error: 'Expected yes or no' };
    case 'reference':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0 ? { value: raw } : { error: 'Choose a record' };
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
      errors[key] = ['This field is not in use'];
      continue;
    }
    const checked = checkValue(field, raw);
    if ('error' in checked) errors[key] = [checked.error];
    else (field.custom ? custom : builtIn)[key] = checked.value;
  }
  if (mode === 'create') {
    for (const field of fields) {
      if (field.required && !(field.key in values)) errors[field.key] = ['This field is required'];
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, builtIn, custom };
}
