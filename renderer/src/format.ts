/** Small display formats shared by several screens. */
import type { Language } from './i18n/translate';
import { localDay } from '../../shared/localDay';

/** A TOTP secret in blocks of four, the way authenticator apps show it and people type it. */
export function groupInFours(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

const LOCALES: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

/** A moment from the core (ISO 8601) in the user's own time zone and language. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Cents as euros with two decimals, the way the language writes money (€ 1.234,50 / €1,234.50). */
export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** A calendar day from the core (YYYY-MM-DD), written the way the language does; no time zone shift. */
export function formatDay(day: string, language: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A whole number with the language's digit grouping. */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(count);
}

/** Today on this computer's calendar, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return localDay(now);
}

/** Cents as a plain amount to edit: 1234.5 euros is "1234.50" in English and "1234,50" in Dutch. */
export function moneyInputValue(cents: number, language: Language): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return sign + (language === 'nl' ? text.replace('.', ',') : text);
}

/** How a language writes the parts of an amount: the decimal comma or point, and the other that groups thousands. */
const SEPARATORS: Record<Language, { decimal: string; group: string }> = {
  en: { decimal: '.', group: ',' },
  nl: { decimal: ',', group: '.' },
};

/**
 * Whole units as typed: plain digits, or thousands grouped by `group` in threes ("12.345"). A first
 * group of 0 groups nothing: "0,001" in English is no thousand, it is a decimal mistyped.
 */
function wholeDigits(text: string, group: string): string | null {
  if (/^\d+$/.test(text)) return text;
  const groups = text.split(group);
  return /^[1-9]\d{0,2}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g)) ? groups.join('') : null;
}

/**
 * An amount as typed in the reader's language, in cents, or null when it is not an amount — never a
 * guess that could be off by a thousand. Dutch writes "1.234,50", English "1,234.50"; either may
 * leave out the grouping, and a euro sign and spaces are ignored; ",-" after whole euros is read as Dutch writes it. Cents have two digits at most:
 * "9,995" in Dutch is refused, not read as 9995 euros. Where the reader's decimal separator is not
 * used at all, the other one followed by one or two digits is taken as the decimal one ("12.50" in
 * Dutch, as people type on a keyboard's number pad); followed by three it groups ("1.234").
 */
export function parseMoney(text: string, language: Language): number | null {
  const read = readMoney(text, language);
  return 'cents' in read ? read.cents : null;
}

/** Whole euros as Dutch writes a price, ",-" after them ("€ 1.250,-"); also with a dash or a point. */
const WHOLE_EUROS = /^(-?)([\d.,]*\d)([.,])[-\u2013\u2014]{1,2}$/;

/**
 * parseMoney, saying why not: `tooLarge` for an amount written well but past what can be counted in
 * cents exactly (about 90 trillion euros), so the form says that rather than "two decimals".
 */
export function readMoney(text: string, language: Language): { cents: number } | { problem: 'invalid' | 'tooLarge' } {
  const invalid = { problem: 'invalid' } as const;
  const cleaned = text.replace(/[\s\u00a0€]/g, '');
  const price = WHOLE_EUROS.exec(cleaned);
  if (price) {
    // The mark before the dash is the decimal one, whatever the reader's language: the other groups.
    const [, sign, body = '', mark] = price;
    const euros = wholeDigits(body, mark === ',' ? '.' : ',');
    if (euros === null) return invalid;
    const cents = Number(euros) * 100;
    if (!Number.isSafeInteger(cents)) return { problem: 'tooLarge' };
    return { cents: sign === '-' ? -cents : cents };
  }
  const match = /^(-?)([\d.,]+)$/.exec(cleaned);
  if (!match) return invalid;
  const [, sign, body = ''] = match;
  let { decimal, group } = SEPARATORS[language];
  if (!body.includes(decimal) && new RegExp(`^\\d+\\${group}\\d{1,2}$`).test(body)) [decimal, group] = [group, decimal];
  const parts = body.split(decimal);
  if (parts.length > 2) return invalid;
  const [whole = '', fraction = ''] = parts;
  if (parts.length === 2 && !/^\d{1,2}$/.test(fraction)) return invalid;
  const euros = whole === '' && fraction !== '' ? '0' : wholeDigits(whole, group);
  if (euros === null) return invalid;
  const cents = Number(euros) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return { problem: 'tooLarge' };
  return { cents: sign === '-' ? -cents : cents };
}

/**
 * A whole number as typed in the reader's language, or null: plain digits, or thousands grouped in
 * threes as the language groups them ("12.345" in Dutch, "12,345" in English), as the import reads a
 * Dutch file. The other separator is a decimal, so "12,5" in Dutch is refused, never read as 125.
 */
export function parseWholeNumber(text: string, language: Language): number | null {
  const match = /^([+-]?)(.+)$/.exec(text.replace(/[\s\u00a0]/g, ''));
  const digits = match ? wholeDigits(match[2] ?? '', SEPARATORS[language].group) : null;
  if (digits === null) return null;
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return match?.[1] === '-' ? -value : value;
}
