/**
 * A record made about another (a call on a person, a deal for them) belongs to its maker and to the
 * team of the record it is about, so the sales team that owns a customer reads what the office
 * logged on them (service.ts, teamOfNew). Without such a team, it is the maker's first team.
 */
import { describe, expect, it } from 'vitest';
import type { RecordDetail, RecordView } from '../../shared/recordTypes';
import { signedInAdmin, signInAsNewUser, switchToAdmin, switchToUser } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

describe('the team of a new record', () => {
  it('is that of the person, deal or organisation it is about, so their sales team reads it', async () => {
    const t = await signedInAdmin();
    const noord = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' }));
    const sam = await signInAsNewUser(t, 'sam', 'sales', { teamIds: [noord.id] });
    const customer = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Jan', last_name: 'Kühn' } }));
    await switchToAdmin(t);
    const olga = await signInAsNewUser(t, 'olga', 'office');
    const call = value<RecordView>(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: 'Gebeld over offerte', contact_id: customer.id, done: true } }));
    const deal = value<RecordView>(await t.call('records.create', { entity: 'deal', values: { title: 'Nieuwe offerte 2027', stage: 'lead', contact_id: customer.id } }));
    // Olga's own person, in no team: her call on them is hers and no team's.
    const own = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Els', last_name: 'Eigen' } }));
    const ownCall = value<RecordView>(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: 'Eigen gesprek', contact_id: own.id, done: true } }));
    const db = t.core.requireActive().db;
    const teamOf = (table: string, id: number) => db.prepare(`SELECT owner_id AS owner, team_id AS team FROM ${table} WHERE id = ?`).get(id);
    expect(teamOf('activities', call.id)).toEqual({ owner: olga.id, team: noord.id });
    expect(teamOf('deals', deal.id)).toEqual({ owner: olga.id, team: noord.id });
    expect(teamOf('activities', ownCall.id)).toEqual({ owner: olga.id, team: null });

    await switchToUser(t, 'sam', sam.secret);
    const seen = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: customer.id }));
    expect(seen.timeline?.map((a) => a.title)).toEqual(['Gebeld over offerte']);
    expect(seen.related.flatMap((group) => group.rows.map((row) => row.title))).toContain('Nieuwe offerte 2027');
    // Nor may he change Olga's call: it is hers.
    expect((await t.call('records.update', { entity: 'activity', id: call.id, values: { subject: 'Anders' } })).ok).toBe(false);
    expect((await t.call('records.get', { entity: 'activity', id: ownCall.id })).ok).toBe(false);
  });
});
