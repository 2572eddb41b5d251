/**
 * A list's page cursor gives nothing away and opens nothing else (records/cursor.ts): it is sealed,
 * bound to its list and caller, and a list whose order would tell a masked value comes in the order
 * the records were added.
 */
import { describe, expect, it } from 'vitest';
import type { ListPage, RecordDetail } from '../../shared/recordTypes';
import { signIn, signedInAdmin, signInAsNewUser, ADMIN, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

/** Contacts added in this order, so that by name they come in another. */
const ADDED = ['Zuidersma', 'Bakker', 'Mulder', 'Akkerman', 'Visser'];

async function withContacts(): Promise<Installed> {
  const t = await signedInAdmin();
  for (const last_name of ADDED) value(await t.call('records.create', { entity: 'contact', values: { first_name: 'Geheim', last_name } }));
  return t;
}

async function page(t: Installed, input: Record<string, unknown>): Promise<ListPage> {
  return value<ListPage>(await t.call('records.list', { entity: 'contact', limit: 2, ...input }));
}

/** Every page of a list, following its cursors. */
async function allPages(t: Installed, input: Record<string, unknown>): Promise<{ pages: ListPage[]; ids: number[] }> {
  const pages: ListPage[] = [];
  let after: string | null = null;
  do {
    const next: ListPage = await page(t, { ...input, ...(after ? { after } : {}) });
    pages.push(next);
    after = next.next;
  } while (after);
  return { pages, ids: pages.flatMap((p) => p.rows.map((r) => r.id)) };
}

describe('list cursors', () => {
  it('hold no name, and a masked list comes in the order added, not by name', async () => {
    const t = await withContacts();
    const byName = await allPages(t, {});
    expect(byName.pages.flatMap((p) => p.rows.map((r) => r.values.last_name))).toEqual([...ADDED].sort());

    await signInAsNewUser(t, 'roos', 'readonly');
    const masked = await allPages(t, {});
    expect(masked.pages.flatMap((p) => p.rows.map((r) => r.title))).toEqual(ADDED.map(() => '••••'));
    // Ids go up in the order the records were added.
    expect(masked.ids).toEqual([...masked.ids].sort((a, b) => a - b));
    expect(masked.ids).not.toEqual(byName.ids);
    for (const cursor of [...byName.pages, ...masked.pages].flatMap((p) => (p.next ? [p.next] : []))) {
      const bytes = Buffer.from(cursor, 'base64url').toString('latin1').toLowerCase();
      for (const name of ADDED) expect(bytes).not.toContain(name.toLowerCase());
      expect(bytes).not.toContain('geheim');
    }
  });

  it("on a record's page, its related records masked by name come in the order added too", async () => {
    const t = await signedInAdmin();
    const org = value<{ id: number }>(await t.call('records.create', { entity: 'organisation', values: { name: 'Smederij Koster' } }));
    for (const last_name of ADDED) value(await t.call('records.create', { entity: 'contact', values: { first_name: 'Geheim', last_name, organisation_id: org.id } }));
    const relatedContacts = async () => {
      const detail = value<RecordDetail>(await t.call('records.get', { entity: 'organisation', id: org.id }));
      return detail.related.find((group) => group.entity === 'contact')!.rows;
    };
    const byName = await relatedContacts();
    expect(byName.map((row) => row.title)).toEqual([...ADDED].sort().map((name) => `Geheim ${name}`));

    await signInAsNewUser(t, 'roos', 'readonly');
    const masked = await relatedContacts();
    expect(masked.map((row) => row.title)).toEqual(ADDED.map(() => '••••'));
    expect(masked.map((row) => row.id)).toEqual([...masked.map((row) => row.id)].sort((a, b) => a - b));
    expect(masked.map((row) => row.id)).not.toEqual(byName.map((row) => row.id));
  });

  it('refuse a cursor made up, changed, or taken from another list or another user', async () => {
    const t = await withContacts();
    const first = await page(t, {});
    const cursor = first.next!;
    // What an old, readable cursor looked like, aimed anywhere in the alphabet.
    const madeUp = Buffer.from(JSON.stringify(['m\uffff', 0])).toString('base64url');
    const bytes = Buffer.from(cursor, 'base64url');
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] as number) ^ 1;
    for (const after of [madeUp, bytes.toString('base64url'), 'x']) {
      expect(refusal(await t.call('records.list', { entity: 'contact', after })).messageId).toBe('records.badCursor');
    }
    expect(refusal(await t.call('records.list', { entity: 'organisation', after: cursor })).messageId).toBe('records.badCursor');
    const second = await page(t, { after: cursor });
    expect(second.rows.length).toBe(2);

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    // The same user after signing in again: the cursor still pages (the window keeps its list).
    expect((await page(t, { after: cursor })).rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    await signInAsNewUser(t, 'sanne', 'office');
    expect(refusal(await t.call('records.list', { entity: 'contact', after: cursor })).messageId).toBe('records.badCursor');
  });

  it('of the trash are sealed too', async () => {
    const t = await withContacts();
    const ids = (await allPages(t, {})).ids;
    for (const id of ids) value(await t.call('records.delete', { entity: 'contact', ids: [id] }));
    const first = value<{ items: { id: number }[]; next: string | null }>(await t.call('trash.list', { limit: 2 }));
    expect(first.next).not.toBeNull();
    const second = value<{ items: { id: number }[] }>(await t.call('trash.list', { limit: 2, after: first.next }));
    expect(second.items.map((i) => i.id)).not.toEqual(first.items.map((i) => i.id));
    const madeUp = Buffer.from(JSON.stringify(['9999', 'contact', 0])).toString('base64url');
    expect(refusal(await t.call('trash.list', { after: madeUp })).messageId).toBe('records.badCursor');
    expect(refusal(await t.call('records.list', { entity: 'contact', after: first.next })).messageId).toBe('records.badCursor');
  });
});
