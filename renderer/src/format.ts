/** Small display formats shared by several screens. */
import type { Language } from './i18n/translate';

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
