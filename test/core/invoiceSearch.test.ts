/**
 * Invoices in the search box: found by their number, with their organisation and status as the
 * second line, only by those who may read invoices; out of the index while in the trash. Migration
 * 14 indexes the invoices an install held before.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo, RecordView, SearchGroup } from '../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../shared/registry';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { activeFields } from '../../electron/core/records/fields';
import { withJoinedNumbers } from '../../electron/core/records/fold';
import { reindex, SEARCH_KINDS, searchRowid, type Row } from '../../electron/core/records/rows';
import { searchableKeys } from '../../electron/core/records/service';
import { ADMIN, signedInAdmin, signIn, signInAsNewUser, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function search(t: Installed, text: string): Promise<SearchGroup[]> {
  return value(await t.call('search.query', { text }));
}

const invoiceHits = (groups: SearchGroup[]) => groups.find((g) => g.entity === 'invoice')?.hits ?? [];

describe('invoices in the search box', () => {
  it('finds an invoice by its number, with organisation and status, for those who may read invoices only', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Bakkerij Smit' });
    const invoice = await create(t, 'invoice', { number: '2026-000124', organisation_id: org.id, amount_cents: 12_500, due_on: '2026-04-30', status: 'overdue' });
    await create(t, 'invoice', { number: '2026-000200', organisation_id: org.id, amount_cents: 100, due_on: '2026-05-31', status: 'draft' });
    const coded = await create(t, 'invoice', { number: 'INV-2026-77', organisation_id: org.id, amount_cents: 100, due_on: '2026-05-31', status: 'draft' });
    for (const query of ['INV202677', 'inv-2026-77', 'inv2026']) expect(invoiceHits(await search(t, query)).map((h) => h.id), query).toEqual([coded.id]);

    // Also as read off a bank statement, without its dash.
    for (const query of ['2026-000124', '000124', '2026 000124', '2026000124', '20260001']) {
      expect(invoiceHits(await search(t, query)).map((h) => h.title), query).toEqual(['2026-000124']);
    }
    const [hit] = invoiceHits(await search(t, '000124'));
    expect(hit).toMatchObject({ id: invoice.id, details: [{ key: 'organisation_id', value: org.id }, { key: 'status', value: 'overdue' }], refs: { organisation_id: { title: 'Bakkerij Smit' } } });
    expect(invoiceHits(await search(t, '2026')).map((h) => h.title).sort()).toEqual(['2026-000124', '2026-000200', 'INV-2026-77']);

    // In the trash it is not found; restored, it is again.
    value(await t.call('records.delete', { entity: 'invoice', ids: [invoice.id] }));
    expect(invoiceHits(await search(t, '000124'))).toEqual([]);
    value(await t.call('history.undo', {}));
    expect(invoiceHits(await search(t, '000124')).map((h) => h.id)).toEqual([invoice.id]);

    // Field sales may not read invoices: the number finds nothing for them.
    await signInAsNewUser(t, 'sanne', 'sales');
    expect(await search(t, '000124')).toEqual([]);
  });
});

describe('numbers written in parts', () => {
  it('are also held joined, unless they start with 0 (a phone number, a date) or hold a dot; codes with letters too', () => {
    expect(withJoinedNumbers('Factuur 2026-004137 van 02-12-2026, ticket T-8841-22, bel 020-1234567, prijs 1.5')).toBe(
      'Factuur 2026-004137 van 02-12-2026, ticket T-8841-22, bel 020-1234567, prijs 1.5 2026004137 884122 T884122',
    );
    expect(withJoinedNumbers('INV-2026-77')).toBe('INV-2026-77 202677 INV202677');
    // A code holds a digit: a double name is no code.
    expect(withJoinedNumbers('Noord-Holland, Geen nummer')).toBe('Noord-Holland, Geen nummer');
  });
});

describe('migration 14', () => {
  it('indexes the invoices an install held before, live ones only', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Bakkerij Smit' });
    const kept = await create(t, 'invoice', { number: 'F-2025-017', organisation_id: org.id, amount_cents: 500, due_on: '2025-12-31', status: 'paid' });
    const trashed = await create(t, 'invoice', { number: 'F-2025-018', organisation_id: org.id, amount_cents: 600, due_on: '2025-12-31', status: 'sent' });
    value(await t.call('records.delete', { entity: 'invoice', ids: [trashed.id] }));
    const { db } = t.core.requireActive();
    // The install as Kluis left it before migration 14: no invoice in the search index.
    db.prepare('DELETE FROM search_index WHERE rowid % 8 = ?').run(SEARCH_KINDS.invoice);
    db.pragma('user_version = 13');
    expect(invoiceHits(await search(t, 'f-2025'))).toEqual([]);

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reopened = t.core.requireActive().db;
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion());
    expect(MIGRATIONS[13]).toMatchObject({ version: 14, name: 'invoice search' });
    expect(invoiceHits(await search(t, 'f-2025')).map((h) => h.id)).toEqual([kept.id]);
    const indexed = reopened.prepare('SELECT rowid, title, body FROM search_index WHERE rowid % 8 = ? ORDER BY rowid').all(SEARCH_KINDS.invoice);
    // Exactly what reindex writes for it, as every later write of an invoice does.
    reopened.exec('SAVEPOINT compare');
    try {
      const searchable = searchableKeys(activeFields(reopened, 'invoice'));
      for (const entity of ['invoice'] as EntityName[]) {
        for (const row of reopened.prepare(`SELECT * FROM ${ENTITIES[entity].table}`).all() as Row[]) reindex(reopened, entity, row.id as number, row, searchable);
      }
      expect(reopened.prepare('SELECT rowid, title, body FROM search_index WHERE rowid % 8 = ? ORDER BY rowid').all(SEARCH_KINDS.invoice)).toEqual(indexed);
    } finally {
      reopened.exec('ROLLBACK TO compare; RELEASE compare');
    }
    expect(indexed).toEqual([{ rowid: searchRowid('invoice', kept.id), title: 'F-2025-017 2025017 F2025017', body: '' }]);
  });
});

describe('migration 22', () => {
  it('indexes numbers written in parts also as their digits, and keeps what a searched custom field holds', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Bakkerij Smit' });
    const invoice = await create(t, 'invoice', { number: '2025-000311', organisation_id: org.id, amount_cents: 500, due_on: '2025-12-31', status: 'paid' });
    const coded = await create(t, 'invoice', { number: 'F-2025-9', organisation_id: org.id, amount_cents: 500, due_on: '2025-12-31', status: 'paid' });
    const ticket = value<FieldInfo>(
      await t.call('fields.addCustom', {
        entity: 'contact',
        label: { en: 'Ticket', nl: 'Ticket' },
        type: 'text',
        purpose: { en: 'To find the support ticket a person wrote about', nl: 'Om het supportticket van de persoon te vinden' },
        legalBasis: 'legitimateInterest',
        sensitivity: 'normal',
        retention: { en: 'As long as the contact', nl: 'Zolang het contact' },
        searchable: true,
      }),
    );
    const contact = await create(t, 'contact', { last_name: 'Jansen', [ticket.key]: 'T-8841-22' });
    const { db } = t.core.requireActive();
    // The entries as Kluis wrote them before migration 22: the numbers in parts only as their parts.
    const unjoin = db.prepare('UPDATE search_index SET title = ?, body = ? WHERE rowid = ?');
    unjoin.run('2025-000311', '', searchRowid('invoice', invoice.id));
    unjoin.run('F-2025-9', '', searchRowid('invoice', coded.id));
    unjoin.run('Jansen', 'T-8841-22', searchRowid('contact', contact.id));
    db.pragma('user_version = 21');
    expect(invoiceHits(await search(t, '2025000311'))).toEqual([]);

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    expect(schemaVersion(t.core.requireActive().db)).toBe(latestSchemaVersion());
    expect(MIGRATIONS[21]).toMatchObject({ version: 22, name: 'search joined numbers' });
    expect(invoiceHits(await search(t, '2025000311')).map((h) => h.id)).toEqual([invoice.id]);
    expect(invoiceHits(await search(t, 'F20259')).map((h) => h.id)).toEqual([coded.id]);
    // The contact's entry was written again with its searched custom value in it, now also joined.
    const contacts = async (text: string) => (await search(t, text)).find((g) => g.entity === 'contact')?.hits.map((h) => h.id) ?? [];
    expect(await contacts('8841')).toEqual([contact.id]);
    expect(await contacts('884122')).toEqual([contact.id]);
  });
});
