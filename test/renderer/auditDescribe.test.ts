/**
 * The Audit log page's words (renderer/src/audit): a label in both languages for every action the
 * core writes, targets and details in words, and a broken chain's reason, from its code, in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditBreak, AuditBreakCode } from '../../shared/apiTypes';
import type { FieldInfo } from '../../shared/recordTypes';
import { auditBreakText } from '../../shared/auditBreakText';
import { BUILT_IN_ROLES } from '../../shared/access';
import { api } from '../../shared/api';
import { actionText, detailsText, reasonText, targetText, verdictText, whoText } from '../../renderer/src/audit/describe';
import { isKnownDetail } from '../../renderer/src/audit/detailWords';
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
    expect(detailsText({ entity: 'contact', imported: 12_345, recoveryCode: true }, 'nl')).toBe('soort: contactpersonen, geïmporteerd: 12.345, met een herstelcode: ja');
    expect(detailsText({ entity: 'invoice', count: 2 }, 'en')).toBe('kind: invoices, records: 2');
    expect(detailsText({ something: 'new' }, 'nl')).toBe('something: new');
    expect(detailsText({}, 'en')).toBe('—');
  });

  it('names every detail the core writes in words, in both languages, never as a code name', () => {
    // Erasure counts what went per kind; a role is named as the Users page names it.
    expect(detailsText({ contacts: 1, activity: 2, consent: 1, unlinked: 1 }, 'nl')).toBe(
      'contactpersonen: 1, activiteiten: 2, toestemmingen: 1, koppelingen verbroken: 1',
    );
    expect(detailsText({ role: 'privacy' }, 'nl')).toBe('rol: Functionaris gegevensbescherming');
    // Before the install's roles are known, a custom role is shown as written, not as removed.
    expect(detailsText({ role: 'custom-front-desk' }, 'en')).toBe('role: custom-front-desk');
    expect(detailsText({ withIt: 2, initial: true }, 'en')).toBe('along with it: 2, first password: yes');
    const written = new Set<string>();
    for (const file of sources('electron/core')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/details: \{([^}]*)\}/g)) {
        for (const part of m[1]!.split(',')) {
          const name = /^\s*(\w+)\s*(?::|$)/.exec(part)?.[1];
          if (name && !part.trim().startsWith('...')) written.add(name);
        }
      }
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((name) => !isKnownDetail(name))).toEqual([]);
  });

  it('puts the codes a detail holds in words, and a changed policy as the policy form asks it, in both languages', () => {
    // policy.updated writes the form's input as it is (`details: { ...input }`): every setting is named.
    const settings = Object.keys(api['policy.update'].input.shape);
    expect(settings.length).toBeGreaterThan(3);
    expect(settings.filter((name) => !isKnownDetail(name))).toEqual([]);
    const policy = { bulkConfirmThreshold: 10, idleLockSeconds: 900, trashRetentionDays: 30, unlockRequiresCode: false };
    expect(detailsText(policy, 'en')).toBe(
      'Ask to type the number when deleting at least this many records: 10, Lock after this many minutes without activity: 15, Keep deleted records in the trash for this many days: 30, Ask for a code to unlock: no',
    );
    expect(detailsText(policy, 'nl')).not.toMatch(/[a-z][A-Z]|\b900\b/);
    expect(detailsText({ idleLockSeconds: 90 }, 'nl')).toMatch(/: 1,5$/);
    expect(detailsText({ keyMode: 'keychain' }, 'en')).toBe('key mode: OS keychain');
    expect(detailsText({ keyMode: 'passphrase-only' }, 'nl')).toBe('sleutelmodus: alleen wachtwoorden');
    expect(detailsText({ channel: 'users.create', code: 'FORBIDDEN' }, 'nl')).toBe('verzoek: users.create, weigering: niet toegestaan');
    expect(detailsText({ legalBasis: 'legitimateInterest' }, 'nl')).toBe('grondslag: Gerechtvaardigd belang');
    expect(detailsText({ legalBasis: 'contract' }, 'en')).toBe('legal basis: Contract');
    expect(detailsText({ field: 'job_title' }, 'en')).toBe('field: Job title');
    // A reveal is of a masked value: the contact's e-mail, not an organisation's general one.
    expect(detailsText({ field: 'email' }, 'nl')).toBe('veld: E-mailadres');
    expect(detailsText({ field: 'x_hobby' }, 'en')).toBe('field: x_hobby');
    expect(detailsText({ reason: 'idle' }, 'nl')).toBe('reden: geen activiteit');
    expect(detailsText({ reason: 'accountDisabled' }, 'en')).toBe('reason: account disabled');
    // A seed's counts are by table.
    expect(detailsText({ organisations: 3, invoices: 2 }, 'nl')).toBe('organisaties: 3, facturen: 2');
  });

  it('names a custom role by its name from the install’s roles, and marks one that is gone, in both languages', () => {
    const office = BUILT_IN_ROLES.find((role) => role.id === 'office')!;
    const roles = [...BUILT_IN_ROLES, { ...office, id: 'custom-front-desk', name: { en: 'Front desk', nl: 'Balie' }, builtIn: false }];
    // A user's access changed to a custom role: its name, never its id.
    expect(detailsText({ role: 'custom-front-desk', teams: 1, overrides: 0 }, 'en', { roles, fields: null })).toBe('role: Front desk, teams: 1, personal exceptions: 0');
    expect(detailsText({ role: 'custom-front-desk' }, 'nl', { roles, fields: null })).toBe('rol: Balie');
    expect(detailsText({ role: 'sales' }, 'nl', { roles, fields: null })).toBe('rol: Buitendienst');
    expect(detailsText({ role: 'custom-night-shift' }, 'en', { roles, fields: null })).toBe('role: custom-night-shift (removed)');
    expect(detailsText({ role: 'custom-night-shift' }, 'nl', { roles, fields: null })).toBe('rol: custom-night-shift (verwijderd)');
    expect(targetText('role:custom-front-desk', 'en', { roles, fields: null })).toBe('Role Front desk');
    expect(targetText('role:custom-front-desk', 'nl', { roles, fields: null })).toBe('Rol Balie');
    expect(targetText('role:custom-night-shift', 'nl', { roles, fields: null })).toBe('Rol custom-night-shift (verwijderd)');
    expect(targetText('role:custom-front-desk', 'en')).toBe('Role custom-front-desk');
  });

  it('names a custom field by its label from the install’s fields, of the kind of record the entry concerns', () => {
    const hobby: FieldInfo = {
      entity: 'contact',
      key: 'x_hobby',
      type: 'text',
      label: { en: 'Hobby', nl: 'Hobby of sport' },
      purpose: { en: 'Small talk', nl: 'Een praatje' },
      legalBasis: 'consent',
      sensitivity: 'personal',
      retention: { en: 'Until withdrawn', nl: 'Tot intrekking' },
      optional: true,
      required: false,
      custom: true,
      enabled: true,
      searchable: false,
    };
    // Another kind of record with a field of the same key, so the entry's own kind has to be the one read.
    const dealHobby: FieldInfo = { ...hobby, entity: 'deal', label: { en: 'Client’s hobby', nl: 'Hobby van de klant' }, sensitivity: 'normal' };
    const names = { roles: null, fields: [dealHobby, hobby] };
    expect(targetText('field:contact.x_hobby', 'en', names)).toBe('Field Contact – Hobby');
    expect(targetText('field:deal.x_hobby', 'nl', names)).toMatch(/– Hobby van de klant$/);
    expect(detailsText({ field: 'x_hobby' }, 'nl', names, 'contact:12')).toBe('veld: Hobby of sport');
    expect(detailsText({ field: 'x_hobby' }, 'en', names, 'deal:3')).toBe('field: Client’s hobby');
    // Before the fields are known (or if they cannot be loaded), the key as written.
    expect(targetText('field:contact.x_hobby', 'en')).toBe('Field Contact – x_hobby');
    expect(detailsText({ field: 'x_hobby' }, 'en', { roles: null, fields: null }, 'contact:12')).toBe('field: x_hobby');
  });

  it('reads a verdict in either language, with grouped digits', () => {
    expect(verdictText({ ok: true, entries: 1234 }, 'en')).toBe('The log is intact: 1,234 entries checked.');
    expect(verdictText({ ok: true, entries: 1234 }, 'nl')).toBe('Het logboek is intact: 1.234 regels gecontroleerd.');
    expect(verdictText({ ok: false, entries: 4, brokenAt: 5, reason: { code: 'altered', entry: 5 } }, 'nl')).toBe('Het logboek klopt niet vanaf regel 5: regel 5 is gewijzigd.');
    const cut = { ok: false as const, entries: 12_344, brokenAt: 12_345, reason: { code: 'tailCut' as const, last: 12_344, recorded: 12_350 } };
    expect(verdictText(cut, 'en')).toBe('The log is broken at entry 12,345: the log ends at entry 12,344, but vault.json recorded 12,350 entries: the tail was cut.');
    expect(verdictText(cut, 'nl')).toBe(
      'Het logboek klopt niet vanaf regel 12.345: het logboek eindigt bij regel 12.344, maar vault.json noteerde 12.350 regels: het einde is weggeknipt.',
    );
  });

  it('words every reason code, in English as the CLI does (but with grouped digits) and in Dutch', () => {
    const reasons: AuditBreak[] = [
      { code: 'missing', entry: 3 },
      { code: 'notFollowing', entry: 2, previous: 1 },
      { code: 'altered', entry: 2 },
      { code: 'tailCut', last: 7, recorded: 9 },
      { code: 'headDiffers', entry: 9 },
    ];
    const codes: Record<AuditBreakCode, true> = { missing: true, notFollowing: true, altered: true, tailCut: true, headDiffers: true };
    expect(reasons.map((r) => r.code).sort()).toEqual(Object.keys(codes).sort());
    for (const reason of reasons) expect(reasonText(reason, 'en')).toBe(auditBreakText(reason));
    expect(reasons.map((reason) => reasonText(reason, 'nl'))).toEqual([
      'regel 3 ontbreekt',
      'regel 2 sluit niet aan op regel 1',
      'regel 2 is gewijzigd',
      'het logboek eindigt bij regel 7, maar vault.json noteerde 9 regels: het einde is weggeknipt',
      'regel 9 wijkt af van het laatste punt dat vault.json noteerde',
    ]);
  });
});
