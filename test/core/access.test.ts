/**
 * Who may do what, enforced by the core: every built-in role against every channel; scope in every
 * read path (a property-based test over random users, teams, owners and overrides); task rights that
 * belong to one role; a per-user deny; and Explain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { BUILT_IN_ROLES, decideField, type Override, type RoleDefinition } from '../../shared/access';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/channels';
import type { Explanation, ListPage, RecordDetail, RecordView, SearchGroup } from '../../shared/api';
import { ENTITIES, type EntityName } from '../../shared/registry';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser } from '../support/install';
import { maskValue } from '../../electron/core/records/service';
import { localDay } from '../../shared/localDay';
import { inZoneWhereTodayIsNotUtcs } from '../support/timeZone';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

const codeOf = (result: { ok: boolean }) => (result.ok ? 'OK' : (result as unknown as { error: { code: string } }).error.code);

/** One plausible input per channel; ids that do not exist keep calls free of side effects. */
const SAMPLE_INPUT: Partial<Record<ChannelName, unknown>> = {
  'session.touch': {},
  'install.status': {},
  'install.check': {},
  // A folder that cannot be made: the call goes as far as its checks and writes nothing.
  'install.backup': { to: '/nonexistent-kluis-folder/backup' },
  'account.changePassword': { currentPassword: 'not-the-password-at-all', newPassword: 'another-long-password-here' },
  'account.regenerateRecoveryCodes': {},
  'account.recentSignIns': {},
  'account.recoveryCodesLeft': {},
  'users.list': {},
  'users.create': { username: 'xx', displayName: 'X', role: 'nosuchrole' },
  'users.disable': { userId: 9999 },
  'users.enable': { userId: 9999 },
  'users.resetPassword': { userId: 9999 },
  'users.resetMfa': { userId: 9999 },
  'policy.get': {},
  'policy.update': {},
  'audit.verify': {},
  'audit.list': { limit: 1 },
  'records.list': { entity: 'contact', limit: 1 },
  'records.count': { entity: 'contact' },
  'records.get': { entity: 'contact', id: 9999 },
  'records.create': { entity: 'contact', values: {} },
  'records.update': { entity: 'contact', id: 9999, values: {} },
  'records.deleteImpact': { entity: 'contact', ids: [9999], mode: 'trash' },
  'records.delete': { entity: 'contact', ids: [9999] },
  'history.list': {},
  'history.undo': {},
  'history.redo': {},
  'trash.list': {},
  'trash.restore': { items: [{ entity: 'contact', id: 9999 }] },
  'trash.purge': { entity: 'contact', ids: [9999], reviewedTotal: 1 },
  'privacy.erase': { entity: 'contact', id: 9999, reviewedTotal: 1 },
  'privacy.accessReport': { entity: 'contact', id: 9999 },
  'privacy.mentions': { entity: 'contact', id: 9999 },
  'privacy.retentionReview': {},
  'privacy.restrict': { entity: 'contact', id: 9999, ground: 'accuracyContested' },
  'privacy.liftRestriction': { entity: 'contact', id: 9999 },
  'privacy.recordObjection': { entity: 'contact', id: 9999 },
  'records.export': { entity: 'contact' },
  'export.cancel': { jobId: 'no-such-export' },
  'records.reveal': { entity: 'contact', id: 9999, field: 'phone' },
  'records.reassign': { entity: 'contact', id: 9999, ownerId: 1 },
  'search.query': { text: 'x' },
  'fields.list': {},
  'fields.setEnabled': { entity: 'contact', field: 'nosuchfield', enabled: true },
  'fields.addCustom': { entity: 'contact', label: { en: '', nl: '' }, type: 'text', purpose: { en: '', nl: '' }, sensitivity: 'normal', retention: { en: '', nl: '' } },
  'invoices.sendReminder': { id: 9999 },
  'invoices.nextNumber': { entity: 'invoice' },
  'import.preview': { entity: 'contact', file: '' },
  'import.run': { entity: 'contact', file: '', mapping: {}, duplicates: 'skip', jobId: 'abcdefgh' },
  'import.cancel': { jobId: 'abcdefgh' },
  'campaigns.publish': { id: 9999 },
  'consents.purposes': { entity: 'consent' },
  'campaigns.recipients': { entity: 'campaign', id: 9999 },
  'campaigns.exportRecipients': { entity: 'campaign', id: 9999 },
  'consents.recordWithdrawal': { entity: 'consent', id: 9999 },
  'roles.list': {},
  'roles.save': { id: 'admin', name: { en: 'x', nl: 'x' }, rights: BUILT_IN_ROLES[0]!.rights },
  'teams.list': {},
  'teams.create': { name: 'Team uit de test' },
  'users.access': { userId: 9999 },
  'users.setAccess': { userId: 9999, role: 'office', teamIds: [], overrides: [] },
  'access.explain': { userId: 9999, right: 'task:data.export' },
};

/** Channels about the session itself: no right gates them (tested in accounts and lock tests). */
const SESSION_CHANNELS = new Set<ChannelName>([
  'app.state',
  'app.setDisplayLanguage',
  'setup.createInstall',
  'session.signIn',
  'session.signOut',
  'session.verifyCode',
  'session.changeInitialPassword',
  'mfa.beginEnrolment',
  'mfa.confirmEnrolment',
  'session.unlock',
  'session.lock',
  'session.stepUp',
  'access.viewAs',
]);

/** Straight from the role's data, not through the evaluation code: may this role call this? */
function roleAllows(role: RoleDefinition, channel: ChannelName, entity: EntityName | undefined): boolean {
  const spec = api[channel] as { permission: string | null; record?: string };
  if (spec.permission && !(role.rights.tasks as string[]).includes(spec.permission)) return false;
  if (spec.record && entity) {
    const module = { contact: 'contacts', consent: 'contacts', organisation: 'organisations', deal: 'deals', activity: 'activities', invoice: 'finance', campaign: 'marketing' }[entity];
    if (!(role.rights.modules as string[]).includes(module)) return false;
    if ((role.rights.records[entity] as Record<string, string>)[spec.record] === 'none') return false;
  }
  return true;
}

/** A sample input about records of one kind: its `entity`, or that of each of its `items`. */
function aboutKind(sample: object, entity: EntityName): object {
  if ('items' in sample && Array.isArray(sample.items)) return { ...sample, items: sample.items.map((item: object) => ({ ...item, entity })) };
  return { ...sample, entity };
}

/**
 * The kinds of record a channel on records takes: every kind, or the one its schema fixes (an access
 * request is about a person, `entity: 'contact'`; another kind is refused as VALIDATION first).
 */
function kindsAccepted(channel: ChannelName): EntityName[] {
  const kinds = (Object.keys(ENTITIES) as EntityName[]).filter((entity) => api[channel].input.safeParse(aboutKind(SAMPLE_INPUT[channel] as object, entity)).success);
  expect(kinds, channel).not.toEqual([]);
  return kinds;
}

describe('every built-in role against every channel', () => {
  it('has a sample input for every channel that a right can gate', () => {
    const gated = CHANNEL_NAMES.filter((c) => !SESSION_CHANNELS.has(c));
    expect(gated.filter((c) => !(c in SAMPLE_INPUT))).toEqual([]);
  });

  it.each(BUILT_IN_ROLES.map((r) => [r.id, r] as const))('%s: allowed or FORBIDDEN exactly as the role defines', async (_id, role) => {
    const t = await signedInAdmin();
    if (role.id !== 'admin') await signInAsNewUser(t, `wie.${role.id}`, role.id);
    const mismatches: string[] = [];
    for (const channel of CHANNEL_NAMES.filter((c) => !SESSION_CHANNELS.has(c))) {
      const entities: (EntityName | undefined)[] = api[channel].record ? kindsAccepted(channel) : [undefined];
      for (const entity of entities) {
        const input = entity ? aboutKind(SAMPLE_INPUT[channel] as object, entity) : (SAMPLE_INPUT[channel] as object);
        const code = codeOf(await t.call(channel, input));
        const expected = roleAllows(role, channel, entity) ? 'not FORBIDDEN' : 'FORBIDDEN';
        const actual = code === 'FORBIDDEN' ? 'FORBIDDEN' : 'not FORBIDDEN';
        if (expected !== actual) mismatches.push(`${channel}${entity ? ` (${entity})` : ''}: expected ${expected}, got ${code}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('task rights of one role, and personal overrides', () => {
  it('only a Finance user sends a payment reminder; only a Marketing user publishes a campaign', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Smederij Koster' } }));
    const invoice = value<RecordView>(
      await t.call('records.create', { entity: 'invoice', values: { number: 'F-1', organisation_id: org.id, amount_cents: 5000, due_on: '2026-01-31', status: 'sent' } }),
    );
    const campaign = value<RecordView>(await t.call('records.create', { entity: 'campaign', values: { name: 'Voorjaarsactie', channel: 'social', status: 'draft', message: 'Nieuw!' } }));
    expect(codeOf(await t.call('invoices.sendReminder', { id: invoice.id }))).toBe('FORBIDDEN');
    expect(codeOf(await t.call('campaigns.publish', { id: campaign.id }))).toBe('FORBIDDEN');

    await signInAsNewUser(t, 'fenna', 'finance');
    expect(codeOf(await t.call('invoices.sendReminder', { id: invoice.id }))).toBe('OK');
    expect(codeOf(await t.call('campaigns.publish', { id: campaign.id }))).toBe('FORBIDDEN');
    await t.call('session.signOut');

    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    await signInAsNewUser(t, 'mark', 'marketing');
    expect(codeOf(await t.call('invoices.sendReminder', { id: invoice.id }))).toBe('FORBIDDEN');
    expect(value(await t.call('campaigns.publish', { id: campaign.id }))).toEqual({ publishedAt: expect.any(String) });
  });

  it('Finance addresses an invoice to a person, whose own data it only reads', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Smederij Koster' } }));
    const person = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Kees', last_name: 'Koster', organisation_id: org.id } }));
    await signInAsNewUser(t, 'fenna', 'finance');
    const invoice = value<RecordView>(
      await t.call('records.create', { entity: 'invoice', values: { number: 'F-9', organisation_id: org.id, contact_id: person.id, amount_cents: 5000, due_on: '2026-01-31', status: 'sent' } }),
    );
    expect(invoice.refs.contact_id).toEqual({ id: person.id, title: 'Kees Koster' });
    expect(codeOf(await t.call('records.update', { entity: 'invoice', id: invoice.id, values: { contact_id: null } }))).toBe('OK');
    expect(codeOf(await t.call('records.update', { entity: 'contact', id: person.id, values: { last_name: 'Smid' } }))).toBe('FORBIDDEN');
  });

  it('Marketing writes its own campaigns: name, channel, audience and message', async () => {
    const t = await signedInAdmin();
    await signInAsNewUser(t, 'mark', 'marketing');
    const made = value<RecordView>(
      await t.call('records.create', { entity: 'campaign', values: { name: 'Zomeractie', channel: 'social', audience: 'Klanten in Gouda', message: 'Ijs bij elk brood' } }),
    );
    expect(made.values).toMatchObject({ name: 'Zomeractie', status: 'draft' });
    expect(codeOf(await t.call('records.update', { entity: 'campaign', id: made.id, values: { message: 'Ijs bij elke taart' } }))).toBe('OK');
    expect(codeOf(await t.call('campaigns.publish', { id: made.id }))).toBe('OK');
    // What went out stays as it went out: message, channel and audience are fixed, each said under
    // its field; the name, which only tells campaigns apart, may still be corrected.
    const refused = await t.call('records.update', { entity: 'campaign', id: made.id, values: { message: 'Iets anders', audience: 'Iedereen', name: 'Zomeractie 2026' } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fieldMessages: { message: { id: 'records.fixedOncePublished' }, audience: { id: 'records.fixedOncePublished' } } } },
    });
    const kept = value<{ record: RecordView }>(await t.call('records.get', { entity: 'campaign', id: made.id })).record.values;
    expect(kept).toMatchObject({ name: 'Zomeractie', message: 'Ijs bij elke taart', audience: 'Klanten in Gouda' });
    // The same values again are no change, as a form that sends every field does.
    expect(codeOf(await t.call('records.update', { entity: 'campaign', id: made.id, values: { name: 'Zomeractie 2026', message: 'Ijs bij elke taart' } }))).toBe('OK');
    // Undoing the publication makes it a draft again, to be changed.
    value(await t.call('history.undo'));
    value(await t.call('history.undo'));
    expect(codeOf(await t.call('records.update', { entity: 'campaign', id: made.id, values: { message: 'Ijs bij elk gebak' } }))).toBe('OK');
  });

  it("a campaign is published on the publisher's own day, where UTC may already or still be on another", async () => {
    await inZoneWhereTodayIsNotUtcs(async () => {
      const t = await signedInAdmin();
      const campaign = value<RecordView>(await t.call('records.create', { entity: 'campaign', values: { name: 'Winteractie', channel: 'social', status: 'draft', message: 'Warm de winter door' } }));
      await signInAsNewUser(t, 'mark', 'marketing');
      expect(value(await t.call('campaigns.publish', { id: campaign.id }))).toEqual({ publishedAt: localDay() });
      const after = value<{ record: RecordView }>(await t.call('records.get', { entity: 'campaign', id: campaign.id }));
      expect(after.record.values.published_at).toBe(localDay());
    });
  });

  it('publishing happens only through the publish action: a plain create or update cannot set the status', async () => {
    const t = await signedInAdmin();
    const draft = value<RecordView>(await t.call('records.create', { entity: 'campaign', values: { name: 'Najaarsactie', channel: 'post', message: 'Hallo' } }));
    expect(draft.values.status).toBe('draft');
    const forged = await t.call('records.create', { entity: 'campaign', values: { name: 'X', channel: 'post', status: 'published' } });
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '"Status" changes only through its own action.', messageId: 'records.setByAction' } });
    expect(codeOf(await t.call('records.update', { entity: 'campaign', id: draft.id, values: { status: 'published' } }))).toBe('FORBIDDEN');
    expect(codeOf(await t.call('records.update', { entity: 'campaign', id: draft.id, values: { published_at: '2026-01-01' } }))).toBe('FORBIDDEN');
  });

  it('a per-user deny on data.export stops one Office user while the rest of the role can still export', async () => {
    const t = await signedInAdmin();
    await t.call('records.create', { entity: 'contact', values: { last_name: 'Dekker' } });
    const created = value<{ user: { id: number }; oneTimePassword: string }>(await t.call('users.create', { username: 'olga', displayName: 'Olga', role: 'office' }));
    value(await t.call('users.setAccess', { userId: created.user.id, role: 'office', teamIds: [], overrides: [{ right: 'task:data.export', effect: 'deny' }] }));

    await signInAsNewUser(t, 'otto', 'office');
    expect(value<{ count: number }>(await t.call('records.export', { entity: 'contact' })).count).toBe(1);
    await t.call('session.signOut');

    const { firstSignIn } = await import('../support/install');
    await firstSignIn(t, 'olga', created.oneTimePassword, 'olga-wandelt-door-het-vondelpark');
    expect(await t.call('records.export', { entity: 'contact' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You do not have the right "Export data".', messageId: 'common.noRight', values: { right: { en: 'Export data', nl: 'Gegevens exporteren' } } },
    });
  });

  it('takes one exception per right (two would leave which holds to chance) and a team listed twice as one', async () => {
    const t = await signedInAdmin();
    const created = value<{ user: { id: number } }>(await t.call('users.create', { username: 'olga', displayName: 'Olga', role: 'office' }));
    const team = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' }));
    const twice = await t.call('users.setAccess', {
      userId: created.user.id,
      role: 'office',
      teamIds: [],
      overrides: [
        { right: 'record:contact.read', effect: 'grant', scope: 'all' },
        { right: 'record:contact.read', effect: 'grant', scope: 'own' },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageId: 'access.exceptionTwice', message: '"record:contact.read" has more than one exception; keep one.' } });
    expect(value<{ overrides: unknown[] }>(await t.call('users.access', { userId: created.user.id })).overrides).toEqual([]);
    const saved = value<{ teamIds: number[] }>(await t.call('users.setAccess', { userId: created.user.id, role: 'office', teamIds: [team.id, team.id], overrides: [] }));
    expect(saved.teamIds).toEqual([team.id]);
  });

  it('Explain names the role for an allowed right and the override for a denied one', async () => {
    const t = await signedInAdmin();
    const created = value<{ user: { id: number } }>(await t.call('users.create', { username: 'olga', displayName: 'Olga', role: 'office' }));
    value(await t.call('users.setAccess', { userId: created.user.id, role: 'office', teamIds: [], overrides: [{ right: 'task:data.export', effect: 'deny' }] }));
    const allowed = value<Explanation>(await t.call('access.explain', { userId: created.user.id, right: 'record:contact.read' }));
    expect(allowed).toMatchObject({ allowed: true, value: 'all' });
    expect(allowed.reasons.map((r) => r.text.en)).toContain('The role "Office staff" gives "Read" on contacts with scope "All".');
    expect(allowed.reasons.map((r) => r.text.nl)).toContain('De rol "Kantoormedewerker" geeft "Lezen" op contactpersonen met bereik "Alle".');
    const denied = value<Explanation>(await t.call('access.explain', { userId: created.user.id, right: 'task:data.export' }));
    expect(denied).toMatchObject({ allowed: false, value: 'denied' });
    expect(denied.reasons.map((r) => r.text.en)).toEqual([
      'The role "Office staff" includes the task "Export data".',
      'A personal exception denies the task "Export data" (a deny always wins).',
    ]);
    expect(denied.reasons.map((r) => r.text.nl)).toEqual([
      'De rol "Kantoormedewerker" bevat de taak "Gegevens exporteren".',
      'Een persoonlijke uitzondering weigert de taak "Gegevens exporteren" (weigeren wint altijd).',
    ]);
    const field = value<Explanation>(await t.call('access.explain', { userId: created.user.id, right: 'field:contact.email' }));
    expect(field).toMatchObject({ allowed: true, value: 'edit' });
    expect(field.reasons.map((r) => r.text.nl)).toEqual(['De rol "Kantoormedewerker" zet persoonlijke velden op "Bewerken".']);
    for (const reason of [...allowed.reasons, ...denied.reasons, ...field.reasons]) {
      expect(reason.text.nl).not.toMatch(/data\.export|\b(read|edit|personal|contact|all)\b/);
    }
  });
});

describe('custom fields in rights', () => {
  it('are restricted per user like built-in ones: a personal deny hides a private mobile number, and Explain names it', async () => {
    const t = await signedInAdmin();
    const mobile = value<{ key: string }>(
      await t.call('fields.addCustom', {
        entity: 'contact',
        label: { en: 'Private mobile', nl: 'Privé mobiel' },
        type: 'phone',
        purpose: { en: 'Reaching the person out of hours', nl: 'De persoon buiten kantoortijd bereiken' },
        legalBasis: 'consent',
        sensitivity: 'personal',
        retention: { en: 'Until withdrawn', nl: 'Tot intrekking' },
      }),
    );
    const piet = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Jansen', [mobile.key]: '06-87654321' } }));
    const right = `field:contact.${mobile.key}`;
    // A right only for an install that has the field: another key is still no right.
    const unknown = await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [{ right: 'field:contact.x_nothing', effect: 'deny' }] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageId: 'access.notARight' } });

    // Office staff read it, as any personal field…
    await signInAsNewUser(t, 'otto', 'office');
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: piet.id })).record.values[mobile.key]).toBe('06-87654321');
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    // …but not one of them with a personal deny on it.
    const sam = await signInAsNewUser(t, 'sam', 'office', { overrides: [{ right, effect: 'deny' }] });
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: piet.id }));
    expect(detail.record.values).not.toHaveProperty(mobile.key);
    expect(JSON.stringify(value(await t.call('records.list', { entity: 'contact' })))).not.toContain('87654321');
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const explained = value<Explanation>(await t.call('access.explain', { userId: sam.id, right }));
    expect(explained).toMatchObject({ allowed: false, value: 'hidden' });
    // Named by its label, in each language, never by its key.
    expect(explained.reasons.map((reason) => reason.text.en).join(' ')).toContain('the field "Private mobile" of contacts');
    expect(explained.reasons.map((reason) => reason.text.nl).join(' ')).toContain('het veld "Privé mobiel" van contactpersonen');
  });
});

describe('custom roles', () => {
  it('refuse a role without a name in either language, and take the other language where one is blank', async () => {
    const t = await signedInAdmin();
    const rights = BUILT_IN_ROLES.find((r) => r.id === 'office')!.rights;
    const nameless = await t.call('roles.save', { name: { en: '  ', nl: '' }, rights });
    expect(nameless).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageId: 'access.roleNeedsName' } });
    expect(value<{ builtIn: boolean }[]>(await t.call('roles.list')).filter((r) => !r.builtIn)).toEqual([]);
    const dutchOnly = value<{ id: string; name: { en: string; nl: string } }>(await t.call('roles.save', { name: { en: '', nl: 'Balie' }, rights }));
    expect(dutchOnly).toMatchObject({ id: 'custom-balie', name: { en: 'Balie', nl: 'Balie' } });
    const renamedAway = await t.call('roles.save', { id: dutchOnly.id, name: { en: '', nl: ' ' }, rights });
    expect(renamedAway).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageId: 'access.roleNeedsName' } });
  });
});

describe('an admin and their own access', () => {
  it('refuses an own exception that takes away users.manage (it could never be taken back), but saves other own exceptions and teams', async () => {
    const t = await signedInAdmin();
    const self = t.core.requireActive().user.id;
    const lockOut = await t.call('users.setAccess', { userId: self, role: 'admin', teamIds: [], overrides: [{ right: 'task:users.manage', effect: 'deny' }] });
    expect(lockOut).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageId: 'access.ownOverrides' } });
    expect(value<{ overrides: unknown[] }>(await t.call('users.access', { userId: self })).overrides).toEqual([]);
    const exportDeny = { right: 'task:data.export', effect: 'deny' } as const;
    expect(value<{ overrides: unknown[] }>(await t.call('users.setAccess', { userId: self, role: 'admin', teamIds: [], overrides: [exportDeny] })).overrides).toEqual([exportDeny]);
    const team = value<{ id: number }>(await t.call('teams.create', { name: 'Kantoor' }));
    expect(value<{ teamIds: number[] }>(await t.call('users.setAccess', { userId: self, role: 'admin', teamIds: [team.id], overrides: [] })).teamIds).toEqual([team.id]);
  });
});

describe('scope and field rights in every read path (property-based)', () => {
  // Built-in roles, plus a custom one that reads only its own contacts and deals.
  const ROLES = ['office', 'sales', 'finance', 'marketing', 'privacy', 'readonly', 'custom-own-only'] as const;
  const OVERRIDES: Override[] = [
    { right: 'record:contact.read', effect: 'grant', scope: 'all' },
    { right: 'record:contact.read', effect: 'deny' },
    { right: 'field:contact.email', effect: 'deny' },
    { right: 'field:contact.birth_date', effect: 'grant', access: 'read' },
    { right: 'field:contact.phone', effect: 'grant', access: 'masked' },
    { right: 'module:deals', effect: 'deny' },
    { right: 'record:deal.read', effect: 'grant', scope: 'all' },
  ];

  it('never returns a record outside the scope or the value of a hidden field', async () => {
    const t = await signedInAdmin();
    // The admin sees birth dates masked; to plant them, the admin grants itself the right first.
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [{ right: 'field:contact.birth_date', effect: 'grant', access: 'edit' }] }));
    const sales = BUILT_IN_ROLES.find((r) => r.id === 'sales')!;
    const ownOnly = value<RoleDefinition>(
      await t.call('roles.save', {
        name: { en: 'Own only', nl: 'Alleen eigen' },
        rights: { ...sales.rights, records: { ...sales.rights.records, contact: { ...sales.rights.records.contact, read: 'own' }, deal: { ...sales.rights.records.deal, read: 'own' } } },
      }),
    );
    expect(ownOnly.id).toBe('custom-own-only');
    const team1 = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' })).id;
    const team2 = value<{ id: number }>(await t.call('teams.create', { name: 'Zuid' })).id;
    const userIds: number[] = [];
    for (const name of ['u.een', 'u.twee', 'u.drie']) {
      userIds.push(value<{ user: { id: number } }>(await t.call('users.create', { username: name, displayName: name, role: 'office' })).user.id);
    }
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Kwekerij Veenstra' } }));
    const contacts: { id: number; marker: string }[] = [];
    for (let i = 0; i < 9; i++) {
      const marker = `geheim${i}x`;
      const contact = value<RecordView>(
        await t.call('records.create', {
          entity: 'contact',
          values: { last_name: `Veenstra${i}`, email: `${marker}@veenstra.nl`, phone: `+3161234${String(i).padStart(4, '0')}`, birth_date: '1980-01-0' + (i + 1), organisation_id: org.id },
        }),
      );
      contacts.push({ id: contact.id, marker });
      value(await t.call('records.create', { entity: 'deal', values: { title: `Deal Veenstra${i}`, organisation_id: org.id, contact_id: contact.id, stage: 'lead', value_cents: 100 } }));
    }
    const { db } = t.core.requireActive();

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ role: fc.constantFrom(...ROLES), teams: fc.subarray([team1, team2]), overrides: fc.subarray(OVERRIDES, { maxLength: 3 }) }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.array(fc.record({ owner: fc.integer({ min: 0, max: 3 }), team: fc.constantFrom(null, team1, team2) }), { minLength: 18, maxLength: 18 }),
        async (users, ownership) => {
          // Arrange the world: each user's role, teams and overrides; each record's owner and team.
          db.transaction(() => {
            users.forEach((u, i) => {
              const id = userIds[i]!;
              db.prepare('UPDATE users SET role = ? WHERE id = ?').run(u.role, id);
              db.prepare('DELETE FROM user_teams WHERE user_id = ?').run(id);
              for (const team of u.teams) db.prepare('INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)').run(id, team);
              db.prepare('DELETE FROM user_overrides WHERE user_id = ?').run(id);
              for (const o of u.overrides) {
                db.prepare('INSERT OR IGNORE INTO user_overrides (user_id, "right", effect, scope, access) VALUES (?, ?, ?, ?, ?)').run(id, o.right, o.effect, o.scope ?? null, o.access ?? null);
              }
            });
            const rows = [
              ...(db.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: number }[]).map((r) => ['contacts', r.id] as const),
              ...(db.prepare('SELECT id FROM deals ORDER BY id').all() as { id: number }[]).map((r) => ['deals', r.id] as const),
            ];
            rows.forEach(([table, id], i) => {
              const o = ownership[i]!;
              db.prepare(`UPDATE ${table} SET owner_id = ?, team_id = ? WHERE id = ?`).run(o.owner === 0 ? 1 : userIds[o.owner - 1]!, o.team, id);
            });
          })();

          for (const [index, userId] of userIds.entries()) {
            const who = users[index]!;
            const role = who.role === ownOnly.id ? ownOnly : BUILT_IN_ROLES.find((r) => r.id === who.role)!;
            const overrides = who.overrides;
            const readsInFull = (entity: EntityName, key: string): boolean => {
              const sensitivity = ENTITIES[entity].fields.find((f) => f.key === key)!.sensitivity;
              return ['read', 'edit'].includes(decideField(role, overrides, entity, key, sensitivity).value);
            };
            value(await t.call('access.viewAs', { userId }));
            // The read scope, worked out here from the role's data and the overrides, independently of the core.
            const readScopeOf = (entity: 'contact' | 'deal') => {
              const moduleName = entity === 'contact' ? 'contacts' : 'deals';
              const moduleDenied = overrides.some((o) => o.right === `module:${moduleName}` && o.effect === 'deny');
              const moduleOk = !moduleDenied && (role.rights.modules as string[]).includes(moduleName);
              const denied = overrides.some((o) => o.right === `record:${entity}.read` && o.effect === 'deny');
              const grant = overrides.find((o) => o.right === `record:${entity}.read` && o.effect === 'grant')?.scope;
              const ranks = ['none', 'own', 'team', 'all'];
              const roleScope = role.rights.records[entity].read;
              return !moduleOk || denied ? 'none' : grant && ranks.indexOf(grant) > ranks.indexOf(roleScope) ? grant : roleScope;
            };
            for (const entity of ['contact', 'deal'] as const) {
              const table = ENTITIES[entity].table;
              const all = db.prepare(`SELECT id, owner_id, team_id FROM ${table} WHERE deleted_at IS NULL`).all() as { id: number; owner_id: number; team_id: number | null }[];
              const scope = readScopeOf(entity);
              const expected = new Set(
                all
                  .filter((r) => scope === 'all' || ((scope === 'own' || scope === 'team') && r.owner_id === userId) || (scope === 'team' && r.team_id !== null && who.teams.includes(r.team_id)))
                  .map((r) => r.id),
              );

              const list = await t.call('records.list', { entity, limit: 200 });
              const count = await t.call('records.count', { entity });
              if (scope === 'none') {
                expect(codeOf(list)).toBe('FORBIDDEN');
                expect(codeOf(count)).toBe('FORBIDDEN');
              } else {
                expect(new Set(value<ListPage>(list).rows.map((r) => r.id))).toEqual(expected);
                expect(value<{ count: number }>(count).count).toBe(expected.size);
              }
              const found = value<SearchGroup[]>(await t.call('search.query', { text: 'veenstra', limit: 100 }))
                .filter((g) => g.entity === entity)
                .flatMap((g) => g.hits.map((h) => h.id));
              // "veenstra" is in a contact's last name and e-mail address, in a deal's title: a hit
              // only through what the caller may read in full, or a search would tell a masked name.
              const matchable = entity === 'contact' ? readsInFull('contact', 'last_name') || readsInFull('contact', 'email') : readsInFull('deal', 'title');
              expect(new Set(found)).toEqual(matchable ? expected : new Set());
              for (const row of all) {
                const detail = await t.call('records.get', { entity, id: row.id });
                expect(codeOf(detail), `${entity} ${row.id}`).toBe(expected.has(row.id) ? 'OK' : scope === 'none' ? 'FORBIDDEN' : 'NOT_FOUND');
              }
            }
            // An export holds exactly the contacts inside both the read and the export scope, and nothing hidden.
            const exportScope = (() => {
              const moduleOk = !overrides.some((o) => o.right === 'module:contacts' && o.effect === 'deny') && (role.rights.modules as string[]).includes('contacts');
              const exportDenied = overrides.some((o) => o.right === 'record:contact.export' && o.effect === 'deny');
              return !moduleOk || exportDenied ? 'none' : role.rights.records.contact.export;
            })();
            const taskOk = (role.rights.tasks as string[]).includes('data.export');
            const exported = await t.call('records.export', { entity: 'contact' });
            if (!taskOk || exportScope === 'none') expect(codeOf(exported)).toBe('FORBIDDEN');
            else {
              const csv = value<{ csv: string }>(exported).csv;
              const rows = db.prepare('SELECT id, last_name, owner_id, team_id FROM contacts').all() as { id: number; last_name: string; owner_id: number; team_id: number | null }[];
              const within = (scope: string, row: { owner_id: number; team_id: number | null }) =>
                scope === 'all' || ((scope === 'own' || scope === 'team') && row.owner_id === userId) || (scope === 'team' && row.team_id !== null && who.teams.includes(row.team_id));
              for (const row of rows) {
                const inScope = within(exportScope, row) && within(readScopeOf('contact'), row);
                expect(csv.includes(`${row.last_name},`) || csv.includes(`${row.last_name}\r`), `export of ${row.last_name}`).toBe(inScope);
              }
              if (decideField(role, overrides, 'contact', 'email', 'personal').value === 'hidden') for (const c of contacts) expect(csv).not.toContain(c.marker);
              // A masked field is left out of an export like a hidden one: no values, no masks.
              if (['masked', 'hidden'].includes(decideField(role, overrides, 'contact', 'birth_date', 'special').value)) expect(csv).not.toContain('1980-01-0');
              if (['masked', 'hidden'].includes(decideField(role, overrides, 'contact', 'phone', 'personal').value)) expect(csv).not.toContain('+3161234');
              expect(csv).not.toContain('•');
            }
            // Related records of the organisation stay inside the scope too.
            const orgDetail = await t.call('records.get', { entity: 'organisation', id: org.id });
            if (orgDetail.ok) {
              for (const group of value<RecordDetail>(orgDetail).related) {
                const visible = new Set(value<ListPage>(await t.call('records.list', { entity: group.entity, limit: 200 })).rows.map((r) => r.id));
                for (const row of group.rows) expect(visible.has(row.id)).toBe(true);
                expect(group.count).toBe(visible.size);
              }
            }
            // Hidden fields: absent from every record, and their values nowhere in any answer.
            const hiddenEmail = decideField(role, overrides, 'contact', 'email', 'personal').value === 'hidden';
            const answers = JSON.stringify([
              await t.call('records.list', { entity: 'contact', limit: 200 }),
              await t.call('search.query', { text: 'veenstra' }),
              ...(await Promise.all(contacts.map((c) => t.call('records.get', { entity: 'contact', id: c.id })))),
            ]);
            if (hiddenEmail) for (const c of contacts) expect(answers).not.toContain(c.marker);
            const birthAccess = decideField(role, overrides, 'contact', 'birth_date', 'special').value;
            if (birthAccess === 'hidden') expect(answers).not.toContain('1980-01-0');
            const phoneAccess = decideField(role, overrides, 'contact', 'phone', 'personal').value;
            if (phoneAccess === 'masked' || phoneAccess === 'hidden') expect(answers).not.toContain('+3161234');
            // A masked name is masked in the title it is part of too: in lists, details and links.
            if (!readsInFull('contact', 'last_name')) {
              const list = await t.call('records.list', { entity: 'contact', limit: 200 });
              const titles = [
                ...(list.ok ? value<ListPage>(list).rows.map((r) => r.title) : []),
                ...(await Promise.all(contacts.map((c) => t.call('records.get', { entity: 'contact', id: c.id })))).flatMap((d) => (d.ok ? [value<RecordDetail>(d).record.title] : [])),
                ...(await Promise.all(
                  (db.prepare('SELECT id FROM deals').pluck().all() as number[]).map((id) => t.call('records.get', { entity: 'deal', id })),
                )).flatMap((d) => (d.ok ? [value<RecordDetail>(d).record.refs.contact_id?.title ?? ''] : [])),
              ];
              expect(titles.join(' ')).not.toContain('Veenstra');
            }
          }
          value(await t.call('access.viewAs', { userId: null }));
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('masked values', () => {
  it('show the last four digits of a phone number, and nothing of a date of birth or a name', async () => {
    const t = await signedInAdmin();
    // The admin sees birth dates masked; to plant one, the admin grants itself the right first.
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [{ right: 'field:contact.birth_date', effect: 'grant', access: 'edit' }] }));
    const contact = value<RecordView>(
      await t.call('records.create', { entity: 'contact', values: { first_name: 'Christiaan', last_name: 'Verstappen', phone: '+31612344821', birth_date: '1980-12-31' } }),
    );
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [] }));
    const asAdmin = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id })).record;
    expect(asAdmin.values).toMatchObject({ birth_date: '••••', phone: '+31612344821', last_name: 'Verstappen' });
    expect(asAdmin.title).toBe('Christiaan Verstappen');

    // Read-only sees personal fields masked: names, and the title they make, show nothing.
    const reader = value<{ user: { id: number } }>(await t.call('users.create', { username: 'lezer', displayName: 'Lezer', role: 'readonly' })).user;
    value(await t.call('access.viewAs', { userId: reader.id }));
    const asReader = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id })).record;
    expect(asReader.values).toMatchObject({ phone: '•••• 4821', first_name: '••••', last_name: '••••' });
    expect(asReader.title).toBe('••••');
    expect(value<SearchGroup[]>(await t.call('search.query', { text: 'verstappen' }))).toEqual([]);
  });

  it('keep four digits of a phone number however it is written, and none of a short one', () => {
    const phone = { type: 'phone', sensitivity: 'personal' } as const;
    expect(maskValue('+31 6 12 34 56 78', phone)).toBe('•••• 5678');
    expect(maskValue('06-1234 5-6', phone)).toBe('•••• 3456');
    // Six digits: four would be most of the number.
    expect(maskValue('06 1234', phone)).toBe('••••');
    expect(maskValue('1-2-3-4-5', phone)).toBe('••••');
    expect(maskValue('+31 6 12 34 56 78', { type: 'phone', sensitivity: 'special' })).toBe('••••');
  });
});

describe('view as', () => {
  it('shows the app with another user\'s rights, read-only', async () => {
    const t = await signedInAdmin();
    const created = value<{ user: { id: number } }>(await t.call('users.create', { username: 'sjors', displayName: 'Sjors', role: 'sales' }));
    await t.call('records.create', { entity: 'contact', values: { last_name: 'Zichtbaar' } });
    const preview = value<{ viewAs: { username: string } | null; permissions: string[] }>(await t.call('access.viewAs', { userId: created.user.id }));
    expect(preview.viewAs?.username).toBe('sjors');
    expect(value<ListPage>(await t.call('records.list', { entity: 'contact' })).rows).toEqual([]);
    expect(await t.call('records.create', { entity: 'organisation', values: { name: 'X' } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: "This is a read-only preview of another user's view. Stop the preview to make changes.", messageId: 'session.previewReadOnly' },
    });
    value(await t.call('access.viewAs', { userId: null }));
    expect(value<ListPage>(await t.call('records.list', { entity: 'contact' })).rows).toHaveLength(1);
  });
});

