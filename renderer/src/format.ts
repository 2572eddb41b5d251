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

/**
 * An amount as typed ("1234", "1.234,50", "1,234.50", "€ 12,5") in cents, or null when it is not an
 * amount. The last separator followed by one or two digits is the decimal one; others group digits.
 */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0€]/g, '');
  const match = /^(-?)([\d.,]+)$/.exec(cleaned);
  if (!match) return null;
  const [, sign, body = ''] = match;
  const lastSeparator = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  let whole = body;
  let fraction = '';
  if (lastSeparator >= 0) {
    const after = body.slice(lastSeparator + 1);
    if (after.length === 1 || after.length === 2) {
      whole = body.slice(0, lastSeparator);
      fraction = after;
    }
  }
  const digits = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits) && !(digits === '' && fraction !== '')) return null;
  const cents = Number(digits || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' ? -cents : cents;
}
