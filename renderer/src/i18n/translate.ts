/** Pure text lookup, kept apart from React so it is trivial to test. */
import { en, type MessageKey, type Messages } from './en';
import { nl } from './nl';

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language names itself, so a reader who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands' };

const MESSAGES: Record<Language, Messages> = { en, nl };

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/**
 * A text kept by key rather than as a string, so a message that outlives a screen (the reason a
 * sign-in failed, say) still follows a language switch.
 */
export interface Message {
  key: MessageKey;
  params?: TranslateParams;
}

export function translate(language: Language, key: MessageKey, params: TranslateParams = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Dutch for anyone whose browser or OS prefers it (nl, nl-NL, nl-BE), English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
