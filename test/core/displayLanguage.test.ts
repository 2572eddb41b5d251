/**
 * The window's language kept for the app's next start (electron/core/install/displayLanguage.ts):
 * saved through the dispatcher before or after sign-in, read back by main before Chromium starts,
 * and turned into Chromium's locale only where the system's locale does not speak it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumLocaleFor, DISPLAY_FILE, readDisplayLanguage } from '../../electron/core/install/displayLanguage';
import { ADMIN, signedInAdmin, tempDir, testCore } from '../support/install';

describe('the display language', () => {
  it('is saved before any install exists, and the setup that follows is not disturbed by it', async () => {
    const t = testCore();
    expect(await t.call('app.setDisplayLanguage', { language: 'nl' })).toEqual({ ok: true, value: { saved: true } });
    expect(JSON.parse(readFileSync(join(t.dataDir, DISPLAY_FILE), 'utf8'))).toEqual({ language: 'nl' });
    expect(readDisplayLanguage(t.dataDir)).toBe('nl');

    const created = await t.call('setup.createInstall', { ...ADMIN, enrolTotp: true });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    expect(readDisplayLanguage(t.dataDir)).toBe('nl');
  });

  it('is saved while signed in, replacing the earlier choice; any other value is refused and changes nothing', async () => {
    const t = await signedInAdmin();
    expect((await t.call('app.setDisplayLanguage', { language: 'en' })).ok).toBe(true);
    expect((await t.call('app.setDisplayLanguage', { language: 'nl' })).ok).toBe(true);
    expect(readDisplayLanguage(t.dataDir)).toBe('nl');
    expect(await t.call('app.setDisplayLanguage', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('app.setDisplayLanguage', { language: 'nl', path: '/etc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(readDisplayLanguage(t.dataDir)).toBe('nl');
  });

  it('reads as no choice when the file is missing, damaged or names another language', () => {
    const dir = tempDir();
    expect(readDisplayLanguage(dir)).toBeNull();
    writeFileSync(join(dir, DISPLAY_FILE), '{"language": "nl"');
    expect(readDisplayLanguage(dir)).toBeNull();
    writeFileSync(join(dir, DISPLAY_FILE), '{"language": "fr"}');
    expect(readDisplayLanguage(dir)).toBeNull();
    writeFileSync(join(dir, DISPLAY_FILE), '"nl"');
    expect(readDisplayLanguage(dir)).toBeNull();
  });

  it('starts Chromium in the chosen language only where the system does not speak it', () => {
    // Dutch chosen on an English computer: dates day first, in Dutch.
    expect(chromiumLocaleFor('nl', 'en-US')).toBe('nl-NL');
    // English chosen on a Dutch or Belgian computer: English, still day first.
    expect(chromiumLocaleFor('en', 'nl-NL')).toBe('en-GB');
    expect(chromiumLocaleFor('en', 'nl_BE')).toBe('en-GB');
    // The system speaks it already: its own way of writing dates stays (nl-BE, en-US).
    expect(chromiumLocaleFor('nl', 'nl-BE')).toBeNull();
    expect(chromiumLocaleFor('en', 'en-US')).toBeNull();
    // Nothing chosen yet: the system's.
    expect(chromiumLocaleFor(null, 'de-DE')).toBeNull();
  });
});
