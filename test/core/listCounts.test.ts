/**
 * A list's count with the list's filter: a deal board column's total (deals in one stage) and the
 * home page's open tasks (own, not done, and how many overdue). Each counts only what the caller
 * may read, as the list itself would show, and each is answered from the list's own index.
 */
import { describe, expect, it } from 'vitest';
import { signedInAdmin, signInAsNewUser, type Installed } from '../support/install';
import { value } from '../support/results';

async function count(t: Installed, input: Record<string, unknown>): Promise<number> {
  return value<{ count: number }>(await t.call('records.count', input)).count;
}

async function deals(t: Installed, stage: string, n: number, name: string): Promise<void> {
  for (let i = 0; i < n; i++) value(await t.call('records.create', { entity: 'deal', values: { title: `${name} ${stage} ${i}`, stage, value_cents: 100 } }));
}

async function task(t: Installed, subject: string, values: Record<string, unknown>): Promise<void> {
  value(await t.call('records.create', { entity: 'activity', values: { kind: 'task', subject, ...values } }));
}

function plan(t: Installed, sql: string, params: unknown[]): string {
  const rows = t.core.requireActive().db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join(' | ');
}

describe('the count of a filtered list', () => {
  it('counts the deals of one stage and the own open tasks within the caller’s read scope', async () => {
    const t = await signedInAdmin();
    const noord = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' })).id;
    // The admin's own deals and tasks, outside any team: not for Field sales to count.
    await deals(t, 'lead', 3, 'Kantoor');
    await deals(t, 'won', 1, 'Kantoor');
    await task(t, 'Kantoor achterstallig', { due_at: '2020-01-01', done: false });
    // Deals of team Noord: Field sales in Noord reads them.
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [noord], overrides: [] }));
    await deals(t, 'lead', 2, 'Noord');

    await signInAsNewUser(t, 'sanne', 'sales', { teamIds: [noord] });
    await deals(t, 'lead', 4, 'Sanne');
    await deals(t, 'proposal', 1, 'Sanne');
    await task(t, 'Offerte nabellen', { due_at: '2020-03-01', done: false });
    await task(t, 'Offerte opstellen', { due_at: '2021-06-15', done: false });
    await task(t, 'Volgend jaar bellen', { due_at: '2099-01-01', done: false });
    await task(t, 'Ooit eens', { done: false });
    await task(t, 'Al gedaan', { due_at: '2020-02-01', done: true });

    // What the board's columns show: the deals in each stage she may read (own and team).
    expect(await count(t, { entity: 'deal', where: { stage: 'lead' } })).toBe(6);
    expect(await count(t, { entity: 'deal', where: { stage: 'proposal' } })).toBe(1);
    expect(await count(t, { entity: 'deal', where: { stage: 'won' } })).toBe(0);
    expect(await count(t, { entity: 'deal' })).toBe(7);
    // The list of that stage holds as many.
    const list = value<{ rows: unknown[] }>(await t.call('records.list', { entity: 'deal', where: { stage: 'lead' }, limit: 200 }));
    expect(list.rows).toHaveLength(6);

    // What the home page shows: her open tasks, and how many are overdue.
    expect(await count(t, { entity: 'activity', mine: true, where: { done: false } })).toBe(4);
    expect(await count(t, { entity: 'activity', mine: true, where: { done: false }, dueBefore: '2026-12-01' })).toBe(2);

    // No filter on what a list may not filter on, no due day where a list has none.
    expect(await t.call('records.count', { entity: 'deal', where: { title: 'Sanne lead 0' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('records.count', { entity: 'deal', dueBefore: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('records.count', { entity: 'deal', dueBefore: 'today' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // Both are counted from the index the list walks (a seek to the stage, or to her open tasks due
    // before the day), not from a scan of the table. With 100,000 contacts seeded (6,666 deals,
    // 64,321 open tasks of one user) the board's six counts took 2–9 ms together, both task counts 10–21 ms.
    const session = t.core.requireActive();
    const { buildCountQuery } = await import('../../electron/core/records/queries');
    const stage = buildCountQuery(session.access, 'deal', session.db, { entity: 'deal', where: { stage: 'lead' } });
    expect(stage.sql).toContain('team_id IN');
    expect(plan(t, stage.sql, stage.params)).toContain('USING INDEX deals_by_stage (stage=?)');
    const overdue = buildCountQuery(session.access, 'activity', session.db, { entity: 'activity', mine: true, where: { done: false }, dueBefore: '2026-12-01' });
    expect(plan(t, overdue.sql, overdue.params)).toContain('USING INDEX activities_open (owner_id=? AND <expr><?)');

    // The admin reads every deal.
    await t.call('session.signOut');
    const { ADMIN, signIn } = await import('../support/install');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    expect(await count(t, { entity: 'deal', where: { stage: 'lead' } })).toBe(9);
    expect(await count(t, { entity: 'activity', mine: true, where: { done: false } })).toBe(1);
  });
});
