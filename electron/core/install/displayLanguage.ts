/**
 * The language the window was last shown in, kept in the data folder so that the app can start
 * Chromium in it. A date field's format (dd-mm-jjjj or mm/dd/yyyy) follows Chromium's own locale,
 * which is fixed when the app starts (`--lang`), not the page's language; without this a Dutch window
 * on an English (US) computer would ask for dates month first. Not secret — 'en' or 'nl' — and read
 * before any sign-in, as it has to be. A missing or unreadable file is no choice: the system's locale.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageLanguage } from '../../../shared/coreMessages';

export const DISPLAY_FILE = 'display.json';

const LANGUAGES: readonly MessageLanguage[] = ['en', 'nl'];

/** The locale Chromium starts in for a chosen language that the system's locale does not speak. */
const CHROMIUM_LOCALES: Record<MessageLanguage, string> = { en: 'en-GB', nl: 'nl-NL' };

export function readDisplayLanguage(dataDir: string): MessageLanguage | null {
  try {
    const { language } = JSON.parse(readFileSync(join(dataDir, DISPLAY_FILE), 'utf8')) as { language?: unknown };
    return LANGUAGES.find((known) => known === language) ?? null;
  } catch {
    return null;
  }
}

/** Written whole or not at all (a new file renamed over the old), so a crash never leaves half of it. */
export function writeDisplayLanguage(dataDir: string, language: MessageLanguage): void {
  if (readDisplayLanguage(dataDir) === language) return;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DISPLAY_FILE);
  writeFileSync(`${file}.new`, `${JSON.stringify({ language })}\n`, { mode: 0o600 });
  renameSync(`${file}.new`, file);
}

/**
 * The locale to start Chromium in: null (the system's) when nothing was chosen or the system's
 * locale speaks the chosen language already, so an nl-BE or en-US computer keeps its own way of
 * writing dates; otherwise the chosen language's (en-GB for English: day first, as in Dutch).
 */
export function chromiumLocaleFor(chosen: MessageLanguage | null, systemLocale: string): string | null {
  if (chosen === null) return null;
  return systemLocale.toLowerCase().split(/[-_]/)[0] === chosen ? null : CHROMIUM_LOCALES[chosen];
}
