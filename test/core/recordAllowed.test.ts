/**
 * A record's page offers Edit and Delete only when the core would do them: the detail says whether
 * the caller's scope covers this record, by its owner and team. Field sales change organisations of
 * their own team, not another team's (which they can read): the page must not offer a form whose
 * Save ends in "You may not update this organisation".
 */
import { describe, expect, it } from 'vitest';
import type { RecordDetail, RecordView } from '../../shared/api';
import { signedInAdmin, signInAsNewUser } from '../support/install';

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
