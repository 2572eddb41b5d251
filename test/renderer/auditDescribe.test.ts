/**
 * The Audit log page's words (renderer/src/audit): a label in both languages for every action the
 * core writes, targets and details in words, and a broken chain's reason in Dutch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionText, detailsText, targetText, verdictText, whoText } from '../../renderer/src/audit/describe';
import { actionKey } from '../../renderer/src/audit/strings';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The actions written as literals: `action: '…'`, a ternary of two, and throttled failures. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources('electron/core')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/action: '([a-z]+\.[\w.]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/action: [^,]*\? '([a-z]+\.[\w.]+)' : '([a-z]+\.[\w.]+)'/g)) found.add(m[1]!).add(m[2]!);
    for (const m of text.matchAll(/recordFailure\([^,]+, '([a-z]+\.[\w.]+)'/g)) found.add(m[1]!);
  }
  // Written through a variable: `import.${reason}` (records/import/run.ts) and `how.action` (kluis.ts).
  for (const action of ['import.cancelled', 'import.failed', 'import.locked', 'session.signIn', 'session.unlock']) found.add(action);
  return found;
}

describe('audit entries in words', () => {
  it('has a label for every action the core writes, and shows an unknown one as it is', () => {
    const actions = writtenActions();
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((action) => actionKey(action) === null)).toEqual([]);
    expect(actionText('session.signIn', 'en')).toBe('Signed in');
    expect(actionText('session.signIn', 'nl')).toBe('Aangemeld');
    expect(actionText('something.new', 'nl')).toBe('something.new');
  });

  it('names the actor, Kluis for its own entries, and a removed user by id', () => {
    expect(whoText({ actor: 1, actorName: 'Anna' }, 'en')).toBe('Anna');
    expect(whoText({ actor: null, actorName: null }, 'nl')).toBe('Kluis');
    expect(whoText({ actor: 7, actorName: null }, 'nl')).toBe('Gebruiker 7 (verwijderd)');
  });

  it('puts targets and details in words', () => {
    expect(targetText('contact:12', 'en')).toBe('Contact 12');
    expect(targetText('contact:12', 'nl')).toBe('Contactpersoon 12');
    expect(targetText('user:3', 'nl')).toBe('Gebruiker 3');
    expect(targetText('field:contact.email', 'en')).toMatch(/^Field Contact – /);
    expect(targetText('planet:9', 'en')).toBe('planet:9');
    expect(targetText(null, 'en')).toBe('—');
    expect(detailsText({ entity: 'contact', imported: 12_345, recoveryCode: true }, 'nl')).toBe('entity: contact, imported: 12.345, recoveryCode: ja');
    expect(detailsText({}, 'en')).toBe('—');
  });

  it('reads a verdict in either language, with grouped digits', () => {
    expect(verdictText({ ok: true, entries: 1234 }, 'en')).toBe('The log is intact: 1,234 entries checked.');
    expect(verdictText({ ok: true, entries: 1234 }, 'nl')).toBe('Het logboek is intact: 1.234 regels gecontroleerd.');
    expect(verdictText({ ok: false, entries: 4, brokenAt: 5, reason: 'entry 5 was altered' }, 'nl')).toBe('Het logboek klopt niet vanaf regel 5: regel 5 is gewijzigd.');
    const cut = { ok: false as const, entries: 2, brokenAt: 3, reason: 'the log ends at entry 2, but vault.json recorded 9 entries: the tail was cut' };
    expect(verdictText(cut, 'en')).toBe(`The log is broken at entry 3: ${cut.reason}.`);
    expect(verdictText(cut, 'nl')).toBe('Het logboek klopt niet vanaf regel 3: het logboek eindigt bij regel 2, maar vault.json noteerde 9 regels: het einde is weggeknipt.');
    expect(verdictText({ ok: false, entries: 0, brokenAt: 1, reason: 'something else' }, 'nl')).toBe('Het logboek klopt niet vanaf regel 1: something else.');
  });
});
