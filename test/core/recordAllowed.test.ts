/**
 * A record's page offers Edit and Delete only when the core would do them: the detail says whether
 * the caller's scope covers this record, by its owner and team. Field sales change organisations of
 * their own team, not another team's (which they can read): the page must not offer a form whose
 * Save ends in "You may not update this organisation". A list row says the same, from the same check:
 * its Edit, its select-to-delete checkbox and an activity's Done checkbox follow it.
 */
import { describe, expect, it } from 'vitest';
import type { RecordDetail, RecordView } from '../../shared/api';
import type { ListPage, RecordAllowed } from '../../shared/recordTypes';
import { ADMIN, signedInAdmin, signIn, signInAsNewUser, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

describe("what a record's page may offer", () => {
  it('follows the scope on the record: own team yes, another team no, own records only where the scope is own', async () => {
    const t = await signedInAdmin();
    const noord = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' })).id;
    const zuid = value<{ id: number }>(await t.call('teams.create', { name: 'Zuid' })).id;
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [zuid], overrides: [] }));
    const otherTeams = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Zuid Holding' } }));
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [noord], overrides: [] }));
    const ownTeams = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Noord BV' } }));
    const colleagues = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Karel', last_name: 'Collega' } }));
    await signInAsNewUser(t, 'sam.sales', 'sales', { teamIds: [noord] });
    const own = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Jürgen', last_name: 'Müller' } }));

    const allowedOn = async (record: RecordView) => value<RecordDetail>(await t.call('records.get', { entity: record.entity, id: record.id })).allowed;
    expect(await allowedOn(otherTeams)).toEqual({ update: false, delete: false });
    expect(await allowedOn(ownTeams)).toEqual({ update: true, delete: false });
    expect(await allowedOn(colleagues)).toEqual({ update: false, delete: false });
    expect(await allowedOn(own)).toEqual({ update: true, delete: false });

    // And the core's own answer to the change agrees with what the page offered.
    const refused = await t.call('records.update', { entity: 'organisation', id: otherTeams.id, values: { name: 'Zuid Holding 2' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    value(await t.call('records.update', { entity: 'organisation', id: ownTeams.id, values: { name: 'Noord BV 2' } }));
  });
});

describe('what a list row may offer', () => {
  /** Per record listed: what its row allows, beside what its own page allows. */
  async function rowsAndPages(t: Installed, entity: 'contact' | 'organisation' | 'activity'): Promise<Map<string, { row: RecordAllowed; page: RecordAllowed }>> {
    const page = value<ListPage>(await t.call('records.list', { entity, limit: 200 }));
    const seen = new Map<string, { row: RecordAllowed; page: RecordAllowed }>();
    for (const row of page.rows) {
      const detail = value<RecordDetail>(await t.call('records.get', { entity, id: row.id }));
      seen.set(row.title, { row: row.allowed, page: detail.allowed });
    }
    return seen;
  }

  it("is the record page's answer, for own, same-team and other-team rows and for a role that may not change anything", async () => {
    const t = await signedInAdmin();
    const noord = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' })).id;
    const zuid = value<{ id: number }>(await t.call('teams.create', { name: 'Zuid' })).id;
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [zuid], overrides: [] }));
    await t.call('records.create', { entity: 'organisation', values: { name: 'Zuid Holding' } });
    await t.call('records.create', { entity: 'activity', values: { kind: 'task', subject: 'Taak van Zuid' } });
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [noord], overrides: [] }));
    await t.call('records.create', { entity: 'organisation', values: { name: 'Noord BV' } });
    await t.call('records.create', { entity: 'contact', values: { first_name: 'Karel', last_name: 'Collega' } });
    await t.call('records.create', { entity: 'activity', values: { kind: 'task', subject: 'Taak van Noord' } });
    // Field sales who may also delete their team's organisations, and read and tick off every
    // activity of their team: a "team" scope, which the renderer alone could not decide.
    await signInAsNewUser(t, 'sam.sales', 'sales', {
      teamIds: [noord],
      overrides: [
        { right: 'record:organisation.delete', effect: 'grant', scope: 'team' },
        { right: 'record:activity.read', effect: 'grant', scope: 'all' },
        { right: 'record:activity.update', effect: 'grant', scope: 'team' },
      ],
    });
    await t.call('records.create', { entity: 'contact', values: { first_name: 'Jürgen', last_name: 'Müller' } });
    await t.call('records.create', { entity: 'organisation', values: { name: 'Sam Ovens' } });

    const organisations = await rowsAndPages(t, 'organisation');
    expect(Object.fromEntries([...organisations].map(([title, { row }]) => [title, row]))).toEqual({
      'Zuid Holding': { update: false, delete: false },
      'Noord BV': { update: true, delete: true },
      'Sam Ovens': { update: true, delete: true },
    });
    const contacts = await rowsAndPages(t, 'contact');
    expect(Object.fromEntries([...contacts].map(([title, { row }]) => [title, row]))).toEqual({
      'Karel Collega': { update: false, delete: false },
      'Jürgen Müller': { update: true, delete: false },
    });
    const activities = await rowsAndPages(t, 'activity');
    expect(Object.fromEntries([...activities].map(([title, { row }]) => [title, row.update]))).toEqual({ 'Taak van Zuid': false, 'Taak van Noord': true });
    for (const { row, page } of [...organisations.values(), ...contacts.values(), ...activities.values()]) expect(row).toEqual(page);

    // The core's answer to the change agrees with the row: another team's activity cannot be ticked off.
    const zuidTask = value<ListPage>(await t.call('records.list', { entity: 'activity', limit: 200 })).rows.find((r) => r.title === 'Taak van Zuid')!;
    expect(await t.call('records.update', { entity: 'activity', id: zuidTask.id, values: { done: true } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Read-only: every row readable, none changeable — as on every record's page.
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    await signInAsNewUser(t, 'rita.readonly', 'readonly', { teamIds: [noord] });
    for (const entity of ['organisation', 'contact', 'activity'] as const) {
      const seen = await rowsAndPages(t, entity);
      expect(seen.size).toBeGreaterThan(0);
      for (const { row, page } of seen.values()) {
        expect(row).toEqual({ update: false, delete: false });
        expect(row).toEqual(page);
      }
    }
  });
});
