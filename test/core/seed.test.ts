/**
 * Demo data (issue 4 item 7): `seed` fills an install with realistic Dutch and Belgian records, the
 * same for the same seed, with search rows exactly as the app writes them, owners spread over the
 * users, ids that continue after what is there, and one audit entry that holds counts only.
 * The speed is printed, never asserted (issue 7 measures it).
 */
import { describe, expect, it } from 'vitest';
import type { SearchGroup } from '../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../shared/registry';
import { activeFields } from '../../electron/core/records/fields';
import { fold } from '../../electron/core/records/fold';
import { readRow, reindex, SEARCH_KINDS, searchRowid, sortKeyOf, type Row } from '../../electron/core/records/rows';
import { searchableKeys } from '../../electron/core/records/service';
import { seedRecords, type SeedResult } from '../../electron/core/records/seed';
import { Random } from '../../electron/core/records/seed/prng';
import { checkValue } from '../../electron/core/records/validate';
import type { Db } from '../../electron/core/db/open';
import { signedInAdmin, type Installed } from '../support/install';

const N = 2_000;
const NOW = new Date('2026-03-16T09:30:00Z');

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function seed(t: Installed, contacts = N, seedValue = 1, now = NOW): SeedResult {
  return seedRecords(t.core.requireActive(), { contacts, seed: seedValue, now });
}

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function rows(db: Db, entity: EntityName, limit = 1_000_000): Row[] {
  return db.prepare(`SELECT * FROM ${ENTITIES[entity].table} ORDER BY id LIMIT ?`).all(limit) as Row[];
}

function report(label: string, result: SeedResult): void {
  process.stdout.write(
    `${label}: ${result.counts.contacts} contacts, ${result.rows} rows and ${result.searchRows} search rows in ${result.seconds.toFixed(2)} s ` +
      `= ${result.contactsPerSecond} contacts/s, ${result.rowsPerSecond} rows/s\n`,
  );
}

async function search(t: Installed, text: string): Promise<SearchGroup[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text, limit: 100 }));
}

describe('the random source', () => {
  it('repeats for a seed, differs between seeds, and spreads evenly', () => {
    const a = new Random(1);
    const b = new Random(1);
    const c = new Random(2);
    const first = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(first);
    const buckets = new Array<number>(10).fill(0);
    const r = new Random(7);
    for (let i = 0; i < 100_000; i++) buckets[r.int(10)]!++;
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(500);
  });
});

describe('seed', () => {
  it('adds 2,000 contacts with about one organisation per 8, and their deals, activities, invoices and search rows', async () => {
    const t = await signedInAdmin();
    const progress: number[] = [];
    const result = seedRecords(t.core.requireActive(), { contacts: N, now: NOW, onProgress: (done, total) => progress.push(done / total) });
    report('seed 2,000', result);
    const { db } = t.core.requireActive();

    const { counts } = result;
    expect(counts.contacts).toBe(N);
    expect(count(db, 'contacts')).toBe(N);
    expect(count(db, 'organisations')).toBe(counts.organisations);
    expect(count(db, 'deals')).toBe(counts.deals);
    expect(count(db, 'activities')).toBe(counts.activities);
    expect(count(db, 'invoices')).toBe(counts.invoices);
    expect(count(db, 'consents')).toBe(counts.consents);
    expect(counts.organisations).toBeGreaterThan(N / 8 - 60);
    expect(counts.organisations).toBeLessThan(N / 8 + 60);
    expect(counts.deals / counts.organisations).toBeGreaterThan(0.35);
    expect(counts.deals / counts.organisations).toBeLessThan(0.65);
    expect(counts.invoices / counts.organisations).toBeGreaterThan(0.18);
    expect(counts.invoices / counts.organisations).toBeLessThan(0.42);
    expect(counts.activities / N).toBeGreaterThan(1.8);
    expect(counts.activities / N).toBeLessThan(2.2);
    expect(result.rows).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(count(db, 'search_index')).toBe(counts.contacts + counts.organisations + counts.deals + counts.activities + counts.invoices);
    expect(result.searchRows).toBe(count(db, 'search_index'));

    expect(progress).toEqual([1]);

    // Every stage, activity kind and invoice status occurs; references point at live records.
    const kinds = (sql: string) => (db.prepare(sql).all() as { v: string }[]).map((r) => r.v).sort();
    expect(kinds('SELECT DISTINCT stage AS v FROM deals')).toEqual(['lead', 'lost', 'negotiation', 'proposal', 'qualified', 'won']);
    expect(kinds('SELECT DISTINCT kind AS v FROM activities')).toEqual(['call', 'meeting', 'note', 'task']);
    expect(kinds('SELECT DISTINCT status AS v FROM invoices')).toEqual(['draft', 'overdue', 'paid', 'sent']);
    // An invoice that went out says when, before it was due; a draft has not gone out.
    const issued = db.prepare("SELECT status = 'draft' AS draft, count(*) AS n, sum(issued_on IS NOT NULL AND issued_on < due_on) AS dated FROM invoices GROUP BY 1 ORDER BY 1").all();
    expect(issued).toEqual([
      { draft: 0, n: expect.any(Number), dated: (issued[0] as { n: number }).n },
      { draft: 1, n: expect.any(Number), dated: 0 },
    ]);
    expect(kinds('SELECT DISTINCT preferred_language AS v FROM contacts WHERE preferred_language IS NOT NULL')).toEqual(['en', 'fr', 'nl']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const stray = db
      .prepare(
        `SELECT count(*) AS n FROM activities a JOIN contacts c ON c.id = a.contact_id
         WHERE a.organisation_id IS NOT c.organisation_id OR a.deal_id IN (SELECT id FROM deals WHERE organisation_id IS NOT a.organisation_id)`,
      )
      .get() as { n: number };
    expect(stray.n).toBe(0);
    // Some done and some open, around the reference day.
    const open = db.prepare("SELECT count(*) AS n FROM activities WHERE done = 0 AND due_at >= '2026-03-16'").get() as { n: number };
    const done = db.prepare("SELECT count(*) AS n FROM activities WHERE done = 1 AND due_at < '2026-03-16'").get() as { n: number };
    expect(open.n).toBeGreaterThan(100);
    expect(done.n).toBeGreaterThan(1000);
  });

  it('gives the same records in the same order for the same seed on two fresh installs, and others for another seed', async () => {
    const names = async (seedValue: number) => {
      const t = await signedInAdmin();
      seed(t, 500, seedValue);
      const { db } = t.core.requireActive();
      return {
        contacts: (db.prepare('SELECT first_name, last_name, email FROM contacts ORDER BY id').all() as Row[]).map((r) => `${r.first_name} ${r.last_name} <${r.email}>`),
        organisations: (db.prepare('SELECT name FROM organisations ORDER BY id').all() as Row[]).map((r) => r.name),
        rows: rows(db, 'activity', 200).map((r) => ({ ...r, created_at: null, updated_at: null })),
      };
    };
    const first = await names(1);
    const again = await names(1);
    const other = await names(2);
    expect(first.contacts).toHaveLength(500);
    expect(again).toEqual(first);
    expect(other.contacts).not.toEqual(first.contacts);
    expect(other.organisations.slice(0, 10)).not.toEqual(first.organisations.slice(0, 10));
  });

  it('writes realistic Dutch and Belgian values that pass the app’s own validation', async () => {
    const t = await signedInAdmin();
    seed(t);
    const { db } = t.core.requireActive();

    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      const fields = activeFields(db, entity);
      for (const row of rows(db, entity)) {
        for (const field of fields) {
          const stored = row[field.key];
          if (stored === null) continue;
          const raw = field.type === 'boolean' ? stored === 1 : stored;
          const checked = checkValue(field, raw);
          expect(checked, `${entity} ${row.id} ${field.key} = ${String(stored)}`).toEqual({ value: stored });
        }
      }
    }

    const organisations = rows(db, 'organisation');
    const dutch = organisations.filter((o) => o.country === 'NL');
    const belgian = organisations.filter((o) => o.country === 'BE');
    expect(dutch.length).toBeGreaterThan(organisations.length / 3);
    expect(belgian.length).toBeGreaterThan(organisations.length / 6);
    for (const o of dutch) {
      expect(o.postal_code).toMatch(/^[1-9]\d{3} [A-EGHJ-NPRSTVWXZ]{2}$/);
      expect(o.registration_number).toMatch(/^[1-9]\d{7}$/);
      if (o.vat_number !== null) {
        expect(o.vat_number).toMatch(/^NL\d{9}B0[12]$/);
        const digits = String(o.vat_number).slice(2, 11).split('').map(Number);
        const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8]!;
        expect(sum % 11, String(o.vat_number)).toBe(0);
      }
      if (o.phone !== null) expect(o.phone).toMatch(/^\+31 \d{2,3} \d{3} \d{3,4}$/);
      if (o.website !== null) expect(o.website).toMatch(/^https:\/\/www\.[a-z0-9-]+\.nl$/);
    }
    for (const o of belgian) {
      expect(o.postal_code).toMatch(/^[1-9]\d{3}$/);
      expect(o.registration_number).toMatch(/^0\d{3}\.\d{3}\.\d{3}$/);
      const number = String(o.registration_number).replace(/\./g, '');
      expect(97 - (Number(number.slice(0, 8)) % 97)).toBe(Number(number.slice(8)));
      if (o.vat_number !== null) expect(o.vat_number).toBe(`BE${number}`);
      if (o.phone !== null) expect(o.phone).toMatch(/^\+32 \d{1,2} \d{2,3} \d{2} \d{2}$/);
      if (o.website !== null) expect(o.website).toMatch(/^https:\/\/www\.[a-z0-9-]+\.be$/);
    }
    const orgNames = organisations.map((o) => String(o.name));
    expect(orgNames.some((n) => / (BV|B\.V\.)$/.test(n))).toBe(true);
    expect(orgNames.some((n) => / (NV|BV|BVBA)$/.test(n))).toBe(true);
    expect(orgNames.some((n) => /^(Bakkerij|Brouwerij|Drukkerij|Garage|Slagerij|Kaashandel|Hotel|Restaurant) /.test(n))).toBe(true);
    expect(orgNames.some((n) => /^Van (den |der |de )?[A-Z]/.test(n))).toBe(true);
    expect(new Set(orgNames).size).toBeGreaterThan(orgNames.length * 0.9);
    expect(new Set(organisations.map((o) => o.website).filter(Boolean)).size).toBe(organisations.filter((o) => o.website).length);

    const contacts = rows(db, 'contact');
    const lastNames = new Set(contacts.map((c) => String(c.last_name)));
    expect([...lastNames].some((n) => /^(van|de|van den|van der|ter|ten) /.test(n))).toBe(true);
    expect([...lastNames].some((n) => fold(n) !== n.toLowerCase())).toBe(true);
    for (const name of ['Jansen', 'de Vries', 'Peeters', 'Janssens']) expect(lastNames.has(name), name).toBe(true);
    expect(contacts.every((c) => c.birth_date === null)).toBe(true);
    const websites = new Map(organisations.map((o) => [o.id, o.website ? String(o.website).replace('https://www.', '') : null]));
    const byOrganisation = new Map(organisations.map((o) => [o.id, o]));
    for (const c of contacts) {
      const domain = websites.get(c.organisation_id);
      if (c.email !== null && domain) expect(String(c.email).endsWith(`@${domain}`), `${c.email} at ${domain}`).toBe(true);
      if (c.email !== null) expect(c.email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.(nl|be)$/);
      if (c.phone !== null) {
        expect(c.phone).toMatch(
          byOrganisation.get(c.organisation_id)?.country === 'NL'
            ? /^\+31 (6 [1-9]\d{3} \d{4}|\d{2,3} [2-9]\d{2} \d{3,4})$/
            : /^\+32 (4[6-9]\d \d{2} \d{2} \d{2}|\d{1,2} [2-9]\d{1,2} \d{2} \d{2})$/,
        );
      }
    }
    // No two people at one organisation share an address.
    const emails = contacts.filter((c) => c.email !== null).map((c) => `${c.organisation_id} ${c.email}`);
    expect(new Set(emails).size).toBe(emails.length);

    const numbers = rows(db, 'invoice').map((i) => String(i.number));
    expect(numbers.every((n) => /^2026-\d{6}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const i of rows(db, 'invoice')) {
      if (i.status === 'overdue') expect(String(i.due_on) < '2026-03-16').toBe(true);
      if (i.status === 'draft') expect(String(i.due_on) >= '2026-03-16').toBe(true);
    }
  });

  it('writes the sort key as sortKeyOf and the search rows as reindex does', async () => {
    const t = await signedInAdmin();
    seed(t, 1_000);
    const { db } = t.core.requireActive();
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      for (const row of rows(db, entity)) expect(row.sort_key, `${entity} ${row.id}`).toBe(sortKeyOf(entity, row));
    }
    const searchRow = db.prepare('SELECT title, body FROM search_index WHERE rowid = ?');
    for (const entity of Object.keys(SEARCH_KINDS) as EntityName[]) {
      const searchable = searchableKeys(activeFields(db, entity));
      const ids = db.prepare(`SELECT id FROM ${ENTITIES[entity].table} ORDER BY id`).all() as { id: number }[];
      const step = Math.max(1, Math.floor(ids.length / 60));
      const sample = ids.filter((_, i) => i % step === 0);
      expect(sample.length).toBeGreaterThanOrEqual(Math.min(ids.length, 50));
      for (const { id } of sample) {
        const seeded = searchRow.get(searchRowid(entity, id));
        reindex(db, entity, id, readRow(db, entity, id), searchable);
        expect(seeded, `${entity} ${id}`).toEqual(searchRow.get(searchRowid(entity, id)));
      }
    }
  });

  it('finds seeded people by prefix, with or without accents', async () => {
    const t = await signedInAdmin();
    seed(t);
    const { db } = t.core.requireActive();

    // Jansen, Janssen, Janssens by name first; then people whose e-mail domain starts with "jans".
    const jans = (await search(t, 'jans')).find((g) => g.entity === 'contact')?.hits ?? [];
    const byName = jans.filter((h) => /\bJans/.test(h.title));
    expect(byName.length).toBeGreaterThan(5);
    expect(jans.slice(0, byName.length)).toEqual(byName);
    for (const hit of jans) {
      const row = readRow(db, 'contact', hit.id)!;
      expect(fold(`${hit.title} ${row.email ?? ''}`), hit.title).toMatch(/\bjans/);
    }

    const accented = (db.prepare('SELECT id, first_name, last_name FROM contacts ORDER BY id').all() as Row[]).filter(
      (c) => fold(String(c.last_name)) !== String(c.last_name).toLowerCase(),
    );
    expect(accented.length).toBeGreaterThan(5);
    for (const person of accented.slice(0, 8)) {
      const plain = `${fold(String(person.first_name))} ${fold(String(person.last_name))}`;
      const hits = (await search(t, plain)).flatMap((g) => g.hits);
      expect(hits.map((h) => h.id), plain).toContain(person.id);
      const hit = hits.find((h) => h.id === person.id && h.entity === 'contact');
      expect(hit?.title).toBe(`${person.first_name} ${person.last_name}`);
    }
    const mullers = db.prepare("SELECT count(*) AS n FROM contacts WHERE last_name = 'Müller'").get() as { n: number };
    if (mullers.n > 0) {
      const hits = (await search(t, 'muller')).find((g) => g.entity === 'contact')?.hits ?? [];
      expect(hits.length).toBe(Math.min(mullers.n, 100));
      for (const hit of hits) expect(hit.title).toMatch(/ Müller$/);
    }
    const berg = (await search(t, 'berg')).find((g) => g.entity === 'contact')?.hits ?? [];
    expect(berg.some((h) => / van den Berg$/.test(h.title))).toBe(true);
  });

  it('appends: ids and invoice numbers continue, owners go round-robin over the active users', async () => {
    const t = await signedInAdmin();
    const admin = t.core.requireActive().user.id;
    const first = seed(t, 300);
    const sanne = value<{ user: { id: number } }>(await t.call('users.create', { username: 'sanne.peeters', displayName: 'Sanne Peeters', role: 'sales' }));
    value(await t.call('users.create', { username: 'joost.dubois', displayName: 'Joost Dubois', role: 'sales' }));
    const noord = value<{ id: number }>(await t.call('teams.create', { name: 'Buitendienst Noord' }));
    const zuid = value<{ id: number }>(await t.call('teams.create', { name: 'Buitendienst Zuid' }));
    value(await t.call('users.setAccess', { userId: sanne.user.id, role: 'sales', teamIds: [zuid.id, noord.id], overrides: [] }));
    const second = seed(t, 300, 1, new Date('2026-03-17T08:00:00Z'));
    const third = seed(t, 100);
    const { db } = t.core.requireActive();

    expect(count(db, 'contacts')).toBe(700);
    expect(third.counts.contacts).toBe(100);
    expect(count(db, 'organisations')).toBe(first.counts.organisations + second.counts.organisations + third.counts.organisations);
    const ids = (db.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
    const numbers = (db.prepare('SELECT number FROM invoices ORDER BY id').all() as { number: string }[]).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
    // The same seed again gives the same people, under new ids.
    const names = (db.prepare('SELECT first_name || last_name AS n FROM contacts ORDER BY id').all() as { n: string }[]).map((r) => r.n);
    expect(names.slice(300, 600)).toEqual(names.slice(0, 300));
    expect(names.slice(600)).toEqual(names.slice(0, 100));
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // The ids a run gave out are remembered as given (records/rows.ts issueRecordId).
    expect(db.prepare("SELECT last_id FROM record_ids WHERE entity = 'contact'").pluck().get()).toBe(700);

    const owners = (table: string, after: number) =>
      db.prepare(`SELECT owner_id AS owner, count(*) AS n FROM ${table} WHERE id > ? GROUP BY owner_id ORDER BY owner_id`).all(after) as { owner: number; n: number }[];
    expect(owners('contacts', 0).find((o) => o.owner === admin)?.n).toBeGreaterThan(300);
    const secondRun = (
      db
        .prepare('SELECT owner_id AS owner, count(*) AS n FROM organisations WHERE id > ? AND id <= ? GROUP BY owner_id')
        .all(first.counts.organisations, first.counts.organisations + second.counts.organisations) as { owner: number; n: number }[]
    ).filter((o) => o.n > 0);
    const lastOfSecond = first.counts.organisations + second.counts.organisations;
    expect(owners('organisations', lastOfSecond).reduce((s, o) => s + o.n, 0)).toBe(third.counts.organisations);
    expect(secondRun).toHaveLength(3);
    for (const { n } of secondRun) expect(Math.abs(n - second.counts.organisations / 3)).toBeLessThanOrEqual(1);
    // Records belong to the owner's first team, as records made in the app do.
    const teams = db.prepare('SELECT owner_id AS owner, team_id AS team, count(*) AS n FROM contacts WHERE id > 600 GROUP BY owner_id, team_id').all();
    expect(teams).toEqual(
      expect.arrayContaining([
        { owner: admin, team: null, n: expect.any(Number) },
        { owner: sanne.user.id, team: Math.min(noord.id, zuid.id), n: expect.any(Number) },
      ]),
    );
    expect(teams).toHaveLength(3);
    // An organisation's people and activities belong to its owner.
    const mismatched = db
      .prepare(
        `SELECT count(*) AS n FROM contacts c JOIN organisations o ON o.id = c.organisation_id WHERE c.owner_id IS NOT o.owner_id
         UNION ALL SELECT count(*) FROM activities a JOIN organisations o ON o.id = a.organisation_id WHERE a.owner_id IS NOT o.owner_id OR a.team_id IS NOT o.team_id`,
      )
      .all() as { n: number }[];
    expect(mismatched.map((m) => m.n)).toEqual([0, 0]);

    // Ids given out before and since freed (a purge, an erasure) are not given again.
    db.prepare("UPDATE record_ids SET last_id = 1000 WHERE entity = 'contact'").run();
    seed(t, 1);
    expect(db.prepare('SELECT max(id) FROM contacts').pluck().get()).toBe(1001);
    expect(db.prepare("SELECT last_id FROM record_ids WHERE entity = 'contact'").pluck().get()).toBe(1001);
  });

  it('leaves switched-off fields empty, in the table and in search', async () => {
    const t = await signedInAdmin();
    value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false, confirmValueCount: 0 }));
    value(await t.call('fields.setEnabled', { entity: 'organisation', field: 'notes', enabled: false, confirmValueCount: 0 }));
    seed(t, 400);
    const { db } = t.core.requireActive();
    expect(count(db, 'contacts')).toBe(400);
    expect((db.prepare('SELECT count(*) AS n FROM contacts WHERE email IS NOT NULL').get() as { n: number }).n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM organisations WHERE notes IS NOT NULL').get() as { n: number }).n).toBe(0);
    expect((db.prepare("SELECT count(*) AS n FROM search_index WHERE body LIKE '%@%'").get() as { n: number }).n).toBe(0);
    // The same people as with the field on: switching a field off does not change who is made up.
    const u = await signedInAdmin();
    seed(u, 400);
    const names = (d: Db) => (d.prepare('SELECT first_name, last_name FROM contacts ORDER BY id').all() as Row[]).map((r) => `${r.first_name} ${r.last_name}`);
    expect(names(db)).toEqual(names(u.core.requireActive().db));
  });

  it('writes one audit entry for the whole run, with counts only', async () => {
    const t = await signedInAdmin();
    const { db, user } = t.core.requireActive();
    const before = count(db, 'audit_log');
    const result = seedRecords(t.core.requireActive(), { contacts: 1_200, now: NOW });
    expect(count(db, 'audit_log')).toBe(before + 1);
    const entry = db.prepare('SELECT actor, action, target, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row;
    expect(entry).toMatchObject({ actor: user.id, action: 'records.seeded', target: null });
    const details = JSON.parse(String(entry.details)) as Record<string, unknown>;
    expect(details).toEqual({ ...result.counts });
    expect(Object.keys(details).sort()).toEqual(['activities', 'consents', 'contacts', 'deals', 'invoices', 'organisations']);
    expect(Object.values(details).every((v) => Number.isInteger(v))).toBe(true);
    expect(value<{ ok: boolean }>(await t.call('audit.verify'))).toMatchObject({ ok: true });
  });

  it('puts the schema and the connection settings back, and writes nothing when it fails half-way', async () => {
    const t = await signedInAdmin();
    const { db } = t.core.requireActive();
    const schema = () => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();
    const fts5Defaults: Record<string, unknown> = { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024 };
    const searchConfig = () => ({
      ...fts5Defaults,
      ...Object.fromEntries((db.prepare('SELECT k, v FROM search_index_config').all() as { k: string; v: unknown }[]).map((r) => [r.k, r.v])),
    });
    const settings = () => [...['journal_mode', 'cache_size', 'temp_store', 'foreign_keys'].map((p) => db.pragma(p, { simple: true })), searchConfig()];
    const before = { schema: schema(), settings: settings(), audit: count(db, 'audit_log') };

    seed(t, 500);
    expect(schema()).toEqual(before.schema);
    expect(settings()).toEqual(before.settings);
    expect(() => db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')")).not.toThrow();
    const after = { contacts: count(db, 'contacts'), search: count(db, 'search_index'), audit: count(db, 'audit_log') };

    // A failure part-way through (here: in the progress callback) rolls the whole run back.
    expect(() =>
      seedRecords(t.core.requireActive(), {
        contacts: 30_000,
        now: NOW,
        onProgress: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(count(db, 'contacts')).toBe(after.contacts);
    expect(count(db, 'search_index')).toBe(after.search);
    expect(count(db, 'audit_log')).toBe(after.audit);
    expect(schema()).toEqual(before.schema);
    expect(settings()).toEqual(before.settings);
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
  });

  it('refuses a count or seed that is not a whole number in range, and writes nothing', async () => {
    const t = await signedInAdmin();
    const ctx = t.core.requireActive();
    for (const contacts of [0, -1, 1.5, Number.NaN, 10_000_001]) {
      expect(() => seedRecords(ctx, { contacts })).toThrow(/whole number/);
    }
    expect(() => seedRecords(ctx, { contacts: 10, seed: -1 })).toThrow(/seed/);
    expect(count(ctx.db, 'contacts')).toBe(0);
  });

  it('reports progress every 25,000 contacts, and its speed for 60,000 (measured, not asserted)', async () => {
    const t = await signedInAdmin();
    const progress: number[] = [];
    const result = seedRecords(t.core.requireActive(), { contacts: 60_000, now: NOW, onProgress: (done) => progress.push(done) });
    report('seed 60,000', result);
    expect(progress).toHaveLength(3);
    expect(progress[0]).toBeGreaterThanOrEqual(25_000);
    expect(progress[1]).toBeGreaterThanOrEqual(50_000);
    expect(progress[2]).toBe(60_000);
    expect(count(t.core.requireActive().db, 'contacts')).toBe(60_000);
  });
});
