/**
 * Lists sort numbers as numbers: "Bakkerij 2" before "Bakkerij 10", invoice F-9 before F-10
 * (records/rows.ts, numbersInOrder). Migration 27 rewrites the sort keys an install wrote before.
 */
import { describe, expect, it } from 'vitest';
import type { ListPage, RecordView } from '../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../shared/registry';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { fold } from '../../electron/core/records/fold';
import { numbersInOrder, readRow, sortKeyOf, titleOf, type Row } from '../../electron/core/records/rows';
import { ADMIN, signedInAdmin, signIn, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value<RecordView>(await t.call('records.create', { entity, values }));
}

async function listed(t: Installed, entity: EntityName): Promise<string[]> {
  return value<ListPage>(await t.call('records.list', { entity, sort: 'name' })).rows.map((row) => row.title);
}

describe('numbers in a list', () => {
  it('sort as numbers, before letters, whatever their leading zeros', () => {
    const sorted = ['Bakkerij 10', 'bakkerij 9', 'Bakkerij 2b', 'Bakkerij 2', 'Bakkerij A', 'Bakkerij', '1 Euro Shop', 'Bakkerij 002a', 'F-0100']
      .map((title) => ({ title, key: numbersInOrder(fold(title)) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((entry) => entry.title);
    expect(sorted).toEqual(['1 Euro Shop', 'Bakkerij', 'Bakkerij 2', 'Bakkerij 002a', 'Bakkerij 2b', 'bakkerij 9', 'Bakkerij 10', 'Bakkerij A', 'F-0100']);
    // A number of a hundred digits is no number anyone sorts by: left as typed.
    expect(numbersInOrder('x'.concat('1'.repeat(100)))).toBe('x'.concat('1'.repeat(100)));
  });

  it('put Bakkerij 2 before Bakkerij 10 and F-9 before F-10; migration 27 rewrites older keys, and undo still works', async () => {
    const t = await signedInAdmin();
    for (const name of ['Bakkerij 10', 'Bakkerij 2', 'Bakkerij 1']) await create(t, 'organisation', { name });
    const org = (await create(t, 'organisation', { name: 'Groothandel' })).id;
    for (const number of ['F-10', 'F-9']) await create(t, 'invoice', { number, organisation_id: org, amount_cents: 100, due_on: '2026-12-31', status: 'draft' });
    const trashed = await create(t, 'contact', { first_name: 'Test', last_name: 'Klant 12' });
    value(await t.call('records.delete', { entity: 'contact', ids: [trashed.id] }));
    expect(await listed(t, 'organisation')).toEqual(['Bakkerij 1', 'Bakkerij 2', 'Bakkerij 10', 'Groothandel']);
    expect(await listed(t, 'invoice')).toEqual(['F-9', 'F-10']);
    // The last command, to undo after the migration: an edit of Bakkerij 2.
    const two = (await t.call('search.query', { text: 'Bakkerij 2' })) as unknown as { value: { hits: { id: number; title: string }[] }[] };
    const twoId = two.value.flatMap((group) => group.hits).find((hit) => hit.title === 'Bakkerij 2')!.id;
    value(await t.call('records.update', { entity: 'organisation', id: twoId, values: { city: 'Utrecht' } }));

    // The install as Kluis wrote it before migration 27: keys folded, numbers as typed.
    const { db } = t.core.requireActive();
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      const { table } = ENTITIES[entity];
      for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Row[]) {
        const oldKey = entity === 'contact' ? fold(`${row.last_name ?? ''} ${row.first_name ?? ''}`) : fold(titleOf(entity, row));
        db.prepare(`UPDATE ${table} SET sort_key = ? WHERE id = ?`).run(oldKey, row.id);
        db.prepare("UPDATE command_changes SET before = json_set(before, '$.sort_key', ?) WHERE entity = ? AND record_id = ? AND before IS NOT NULL").run(oldKey, entity, row.id);
        db.prepare("UPDATE command_changes SET after = json_set(after, '$.sort_key', ?) WHERE entity = ? AND record_id = ? AND after IS NOT NULL").run(oldKey, entity, row.id);
      }
    }
    db.pragma('user_version = 26');
    expect(await listed(t, 'organisation')).toEqual(['Bakkerij 1', 'Bakkerij 10', 'Bakkerij 2', 'Groothandel']);

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reopened = t.core.requireActive().db;
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion());
    expect(MIGRATIONS[26]).toMatchObject({ version: 27, name: 'numbers in order' });
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      for (const row of reopened.prepare(`SELECT * FROM ${ENTITIES[entity].table}`).all() as Row[]) expect(row.sort_key, `${entity} ${row.id}`).toBe(sortKeyOf(entity, row));
    }
    expect(readRow(reopened, 'contact', trashed.id)?.sort_key).toBe('klant 0212 test');
    expect(await listed(t, 'organisation')).toEqual(['Bakkerij 1', 'Bakkerij 2', 'Bakkerij 10', 'Groothandel']);
    expect(await listed(t, 'invoice')).toEqual(['F-9', 'F-10']);
    // The journal's copies carry the new keys: undo finds Bakkerij 2 as the edit left it.
    value(await t.call('history.undo', {}));
    expect(readRow(reopened, 'organisation', twoId)).toMatchObject({ city: null, sort_key: 'bakkerij 012' });
  });
});
