/**
 * The values a core message names, and how a template takes them. A value is shown as it is (a
 * name, a number), or — when it is a word the reader's language decides (a kind of record, a field,
 * what an undo would reverse) — as a Localized pair the core fills in both languages.
 */
import type { Localized } from '../registry/types';

export type MessageLanguage = keyof Localized;
export type MessageValue = string | number | Localized;
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** `{name}` placeholders in a template, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/** Fills a template's placeholders in `language`; a placeholder without a value stays as written. */
export function formatMessage(template: string, values: MessageValues | undefined, language: MessageLanguage): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values?.[name];
    if (value === undefined) return placeholder;
    if (typeof value === 'number') return numberText(value, language);
    return typeof value === 'object' ? value[language] : String(value);
  });
}

const GROUPED_DIGITS: Record<MessageLanguage, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }),
};

/**
 * A whole number of five digits or more with its thousands grouped as the reader writes them
 * ("10,000", "10.000"); smaller ones as they are, so a year or a four-digit code stays "2026".
 */
function numberText(value: number, language: MessageLanguage): string {
  return Number.isInteger(value) && Math.abs(value) >= 10_000 ? GROUPED_DIGITS[language].format(value) : String(value);
}

/** The same words in lower case, for a kind of record in the middle of a sentence ("no such contact"). */
export function lowerCase(words: Localized): Localized {
  return { en: words.en.toLowerCase(), nl: words.nl.toLowerCase() };
}
