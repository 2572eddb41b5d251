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
    return typeof value === 'object' ? value[language] : String(value);
  });
}

/** The same words in lower case, for a kind of record in the middle of a sentence ("no such contact"). */
export function lowerCase(words: Localized): Localized {
  return { en: words.en.toLowerCase(), nl: words.nl.toLowerCase() };
}
