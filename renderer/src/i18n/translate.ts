/** Pure text lookup, kept apart from React so it is trivial to test. */
import type { ApiError } from '../../../shared/errors';
import { coreErrorText } from './core';
import { en, type MessageKey, type Messages } from './en';
import { nl } from './nl';

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language names itself, so a reader who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands' };

const MESSAGES: Record<Language, Messages> = { en, nl };

/** A core error as a value in a text: shown in the language of the moment it is shown. */
export type CoreErrorParam = Pick<ApiError, 'message' | 'messageId' | 'values'>;
export type TranslateParams = Record<string, string | number | CoreErrorParam>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/**
 * A text kept by key rather than as a string, so a message that outlives a screen (the reason a
 * sign-in failed, say) still follows a language switch — the core's part of it too.
 */
export interface Message {
  key: MessageKey;
  params?: TranslateParams;
}

export function translate(language: Language, key: MessageKey, params: TranslateParams = {}): string {
  return fillPlaceholders(MESSAGES[language][key], language, params);
}

/** Puts the values into a template's `{name}` placeholders; a core error in `language`. */
export function fillPlaceholders(template: string, language: Language, params: TranslateParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'object' ? coreErrorText(value, language) : String(value);
  });
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Dutch for anyone whose browser or OS prefers it (nl, nl-NL, nl-BE), English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
