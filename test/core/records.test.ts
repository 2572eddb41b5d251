/**
 * The CRM records through the wall: the registry shapes the database, forms and lists; lists page by
 * key; search folds accents and matches prefixes; switching a field off purges its values from the
 * file itself; a custom field cannot exist without a purpose and a legal basis.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListPage, RecordDetail, RecordView, ReminderLetter, SearchGroup } from '../../shared/recordTypes';
import { ENTITIES, LEGAL_BASES } from '../../shared/registry';
import { dataPaths } from '../../electron/core/install/paths';
import { SYSTEM_COLUMNS } from '../../electron/core/records/rows';
import { fold } from '../../electron/core/records/fold';
import { localDay } from '../../shared/localDay';
import { SEARCH_RANK_LIMIT } from '../../electron/core/records/queries';
import { seedRecords } from '../../electron/core/records/seed';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser, type Installed } from '../support/install';
import { checkDecryption, fileHoldsText } from '../support/sqlcipherPages';
import { inZoneWhereTodayIsNotUtcs } from '../support/timeZone';
import { hitDetailsText } from '../../renderer/src/records/display';
import { formatDay } from '../../renderer/src/format';
import { translate } from '../../renderer/src/i18n/translate';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }) {
  expect(result.ok).toBe(false);
  return (result as unknown as { error: { code: string; message: string; details?: { fieldErrors?: Record<string, string[]>; fieldMessages?: Record<string, unknown>; valueCount?: number } } }).error;
}

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function search(t: Installed, text: string): Promise<SearchGroup[]> {
  return value(await t.call('search.query', { text }));
}

const titles = (groups: SearchGroup[]) => groups.flatMap((g) => g.hits.map((h) => h.title));

/** A custom field of contacts, as an admin would add it. */
const SHOE_SIZE = {
  entity: 'contact',
  label: { en: 'Shoe size', nl: 'Schoenmaat' },
  type: 'integer',
  purpose: { en: 'Ordering safety shoes for site visits', nl: 'Veiligheidsschoenen bestellen voor bezoek op locatie' },
  legalBasis: 'contract',
  sensitivity: 'personal',
  retention: { en: 'While the contract lasts', nl: 'Zolang het contract loopt' },
};

describe('the field registry', () => {
  it('describes every column of every record table, and nothing else is stored', async () => {
    const t = await signedInAdmin();
    const { db } = t.core.requireActive();
    for (const entity of Object.values(ENTITIES)) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('${entity.table}')`).all() as { name: string }[]).map((c) => c.name);
      expect(columns.sort(), entity.name).toEqual([...entity.fields.map((f) => f.key), ...SYSTEM_COLUMNS].sort());
    }
  });

  it('has an index led by every link between records, for detail pages, the trash and erasure', async () => {
    const t = await signedInAdmin();
    const { db } = t.core.requireActive();
    const unindexed: string[] = [];
    for (const entity of Object.values(ENTITIES)) {
      for (const field of entity.fields.filter((f) => f.type === 'reference')) {
        const leading = db
          .prepare(`SELECT il.name FROM pragma_index_list('${entity.table}') il WHERE (SELECT name FROM pragma_index_info(il.name) WHERE seqno = 0) = ?`)
          .all(field.key);
        if (leading.length === 0) unindexed.push(`${entity.table}.${field.key}`);
      }
    }
    expect(unindexed).toEqual([]);
  });

  it('gives every field a label, a purpose, a legal basis, a sensitivity and a retention in both languages', () => {
    for (const entity of Object.values(ENTITIES)) {
      for (const field of entity.fields) {
        const where = `${entity.name}.${field.key}`;
        expect(field.label.en && field.label.nl, where).toBeTruthy();
        expect(field.purpose.en && field.purpose.nl, where).toBeTruthy();
        expect(field.retention.en && field.retention.nl, where).toBeTruthy();
        expect(LEGAL_BASES, where).toContain(field.legalBasis);
        expect(['normal', 'personal', 'special'], where).toContain(field.sensitivity);
      }
    }
  });
});

describe('records', () => {
  it('links a contact to an organisation, shows it as related, and logs activities in the timeline', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Garage De Vries', city: 'Utrecht' });
    const contact = await create(t, 'contact', { first_name: 'Anouk', last_name: 'de Vries', organisation_id: org.id, email: 'anouk@garagedevries.nl' });
    expect(contact.refs.organisation_id).toEqual({ id: org.id, title: 'Garage De Vries' });
    await create(t, 'activity', { kind: 'call', subject: 'Offerte besproken', due_at: '2026-11-20', done: true, contact_id: contact.id, organisation_id: org.id });
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'organisation', id: org.id }));
    expect(detail.related.find((r) => r.entity === 'contact')).toMatchObject({ count: 1, via: 'organisation_id' });
    expect(detail.timeline?.map((a) => a.title)).toEqual(['Offerte besproken']);
  });

  it("sends a list only the list's columns: the rest of a contact stays for its own page", async () => {
    const t = await signedInAdmin();
    const shoeSize = value<FieldInfo>(await t.call('fields.addCustom', SHOE_SIZE));
    const org = await create(t, 'organisation', { name: 'Garage De Vries' });
    const full = {
      first_name: 'Anouk',
      last_name: 'de Vries',
      organisation_id: org.id,
      job_title: 'Eigenaar',
      email: 'anouk@garagedevries.nl',
      phone: '+31 6 12345678',
      preferred_language: 'nl',
      notes: 'Belt liever na vieren',
      [shoeSize.key]: 39,
    };
    const contact = await create(t, 'contact', full);
    const [row] = value<ListPage>(await t.call('records.list', { entity: 'contact' })).rows;
    expect(row).toEqual({
      entity: 'contact',
      id: contact.id,
      title: 'Anouk de Vries',
      ownerId: contact.ownerId,
      values: { first_name: 'Anouk', last_name: 'de Vries', organisation_id: org.id, job_title: 'Eigenaar', email: 'anouk@garagedevries.nl', [shoeSize.key]: 39 },
      refs: { organisation_id: { id: org.id, title: 'Garage De Vries' } },
      allowed: { update: true, delete: true },
    });
    // The contact's own page has all of it.
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id }));
    expect(detail.record.values).toMatchObject(full);
  });

  it('sends around a record only what its page shows: related records as links, the timeline as it reads', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Garage De Vries', city: 'Utrecht' });
    const contact = await create(t, 'contact', { first_name: 'Anouk', last_name: 'de Vries', organisation_id: org.id, email: 'anouk@garagedevries.nl', notes: 'Belt liever na vieren' });
    const deal = await create(t, 'deal', { title: 'Onderhoudscontract', organisation_id: org.id, contact_id: contact.id, stage: 'proposal', value_cents: 120000 });
    const call = await create(t, 'activity', {
      kind: 'call',
      subject: 'Offerte besproken',
      body: 'Wil graag een tweede offerte',
      due_at: '2026-11-20',
      done: true,
      contact_id: contact.id,
      organisation_id: org.id,
      deal_id: deal.id,
    });
    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'organisation', id: org.id }));
    const link = (record: { entity: string; id: number; title: string; ownerId: number | null }) => ({ entity: record.entity, id: record.id, title: record.title, ownerId: record.ownerId, values: {}, refs: {} });
    expect(detail.related.find((r) => r.entity === 'contact')?.rows).toEqual([link({ ...contact, title: 'Anouk de Vries' })]);
    expect(detail.related.find((r) => r.entity === 'deal')?.rows).toEqual([link({ ...deal, title: 'Onderhoudscontract' })]);
    expect(detail.timeline).toEqual([
      { ...link({ ...call, title: 'Offerte besproken' }), values: { kind: 'call', body: 'Wil graag een tweede offerte', due_at: '2026-11-20', done: 1 } },
    ]);
    const answer = JSON.stringify(detail.related) + JSON.stringify(detail.timeline);
    for (const detailOnly of ['anouk@garagedevries.nl', 'Belt liever na vieren', '120000']) expect(answer).not.toContain(detailOnly);
  });

  it('refuses unknown fields, missing required values, bad formats and dangling references', async () => {
    const t = await signedInAdmin();
    const bad = errorOf(await t.call('records.create', { entity: 'contact', values: { first_name: 'Jan', bsn: '123456782', email: 'geen-email', organisation_id: 999 } }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details?.fieldErrors).toEqual({
      bsn: ['This field is switched off, so it takes no value: empty it (an administrator may have switched it off just now)'],
      email: ['Not a valid e-mail address'],
      last_name: ['This field is required'],
    });
    const dangling = errorOf(await t.call('records.create', { entity: 'contact', values: { last_name: 'Jansen', organisation_id: 999 } }));
    expect(dangling.details?.fieldErrors).toEqual({ organisation_id: ['That record does not exist'] });
    expect(value<{ count: number }>(await t.call('records.count', { entity: 'contact' })).count).toBe(0);
    const negative = errorOf(await t.call('records.create', { entity: 'deal', values: { title: 'Onderhoud', stage: 'lead', value_cents: -5 } }));
    expect(negative.details?.fieldErrors).toEqual({ value_cents: ['Enter an amount of 0 or more'] });
    expect(value<{ count: number }>(await t.call('records.count', { entity: 'deal' })).count).toBe(0);
  });

  it("takes an emptied deal value as 0 and an emptied Done as not done: those columns always hold one", async () => {
    const t = await signedInAdmin();
    const deal = await create(t, 'deal', { title: 'Broodmachine', stage: 'lead', value_cents: 1_250_050 });
    const cleared = value<RecordView>(await t.call('records.update', { entity: 'deal', id: deal.id, values: { value_cents: null } }));
    expect(cleared.values.value_cents).toBe(0);
    const task = await create(t, 'activity', { kind: 'task', subject: 'Offerte sturen', done: true });
    const reopened = value<RecordView>(await t.call('records.update', { entity: 'activity', id: task.id, values: { done: null } }));
    expect(reopened.values.done).toBe(0);
    const created = await create(t, 'deal', { title: 'Oven', stage: 'lead', value_cents: null });
    expect(created.values.value_cents).toBe(0);
  });

  it('takes a country by name and a web address without its scheme, as an import does', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Bakkerij Test', country: 'Nederland', website: 'bakkerij.nl' });
    expect(org.values).toMatchObject({ country: 'NL', website: 'https://bakkerij.nl' });
    const updated = value<RecordView>(await t.call('records.update', { entity: 'organisation', id: org.id, values: { country: 'België' } }));
    expect(updated.values.country).toBe('BE');
    const unknown = errorOf(await t.call('records.create', { entity: 'organisation', values: { name: 'Nergens BV', country: 'Nergensland' } }));
    expect(unknown.details?.fieldErrors).toEqual({ country: ['Not a country Kluis knows; write its two-letter code, such as NL or BE'] });
  });

  it('takes a line break in a one-line field (a name pasted or imported from a spreadsheet cell) as a space; a long text keeps it', async () => {
    const t = await signedInAdmin();
    const contact = await create(t, 'contact', { first_name: 'Jan\r\n', last_name: 'Van der\r\nPlas', job_title: 'Hoofd\n \n inkoop', notes: 'regel één\nregel twee' });
    expect(contact.values).toMatchObject({ first_name: 'Jan', last_name: 'Van der Plas', job_title: 'Hoofd inkoop', notes: 'regel één\nregel twee' });
  });

  it('names the field and its limit for a text too long, next to the other fields’ reasons', async () => {
    const t = await signedInAdmin();
    const tooLong = errorOf(await t.call('records.create', { entity: 'contact', values: { last_name: 'Jansen', notes: 'x'.repeat(20_000), email: 'geen-email' } }));
    expect(tooLong.code).toBe('VALIDATION');
    expect(tooLong.details?.fieldErrors).toEqual({ notes: ['Use at most 10,000 characters'], email: ['Not a valid e-mail address'] });
    expect(tooLong.details?.fieldMessages).toMatchObject({ notes: { id: 'records.tooLong', values: { max: 10_000 } } });
    expect(value<{ count: number }>(await t.call('records.count', { entity: 'contact' })).count).toBe(0);
  });

  it("refuses an edit of a field someone changed since the form was opened, and names the field; other fields' changes pass", async () => {
    const t = await signedInAdmin();
    const opened = await create(t, 'contact', { last_name: 'Tweevenster', job_title: 'Planner', email: 'ede@tweevenster.example' });
    // Another window changes the job title and the e-mail address after this form was opened.
    value(await t.call('records.update', { entity: 'contact', id: opened.id, values: { job_title: 'Inkoper', email: 'wageningen@tweevenster.example' } }));
    const update = (values: Record<string, unknown>) => t.call('records.update', { entity: 'contact', id: opened.id, values, expected: Object.fromEntries(Object.keys(values).map((key) => [key, opened.values[key] ?? null])) });

    const refused = errorOf(await update({ job_title: 'Directeur', notes: 'Belt terug' }));
    expect(refused.code).toBe('CONFLICT');
    expect(Object.keys(refused.details?.fieldErrors ?? {})).toEqual(['job_title']);
    expect(refused.details?.fieldMessages).toEqual({ job_title: { id: 'records.changedSinceOpened' } });
    const stored = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: opened.id })).record.values;
    expect(stored).toMatchObject({ job_title: 'Inkoper', notes: null });
    // A field nobody else changed goes in; the same change made twice is no conflict.
    expect(value<RecordView>(await update({ notes: 'Belt terug', email: 'wageningen@tweevenster.example' })).values).toMatchObject({ notes: 'Belt terug', email: 'wageningen@tweevenster.example' });
    // Told, the user saves again without the old value: theirs replaces the other change.
    expect(value<RecordView>(await t.call('records.update', { entity: 'contact', id: opened.id, values: { job_title: 'Directeur' } })).values.job_title).toBe('Directeur');
  });

  it('pages through a sorted list by key, each record once', async () => {
    const t = await signedInAdmin();
    const names = Array.from({ length: 120 }, (_, i) => `Achternaam${String(i).padStart(3, '0')}`);
    for (const name of [...names].sort(() => 0.5 - Math.random())) await create(t, 'contact', { last_name: name });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = value<ListPage>(await t.call('records.list', { entity: 'contact', limit: 50, ...(after ? { after } : {}) }));
      seen.push(...page.rows.map((r) => r.values.last_name as string));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(names);
    expect(errorOf(await t.call('records.list', { entity: 'contact', after: 'bm90IGEgY3Vyc29y' })).code).toBe('VALIDATION');
  });

  it('lists my open tasks first, by due date', async () => {
    const t = await signedInAdmin();
    await create(t, 'activity', { kind: 'task', subject: 'Later', due_at: '2026-12-10', done: false });
    await create(t, 'activity', { kind: 'task', subject: 'Klaar', due_at: '2026-11-01', done: true });
    await create(t, 'activity', { kind: 'task', subject: 'Eerst', due_at: '2026-12-01', done: false });
    const page = value<ListPage>(await t.call('records.list', { entity: 'activity', sort: 'due', mine: true }));
    expect(page.rows.map((r) => r.title)).toEqual(['Eerst', 'Later', 'Klaar']);
  });

  it('pages through my open tasks and my done ones by due date, each once, with tasks sharing a day', async () => {
    const t = await signedInAdmin();
    const days = ['2026-12-03', '2026-12-01', null, '2026-12-02', '2026-12-01', '2026-12-03', '2026-12-01', null, '2026-12-02'];
    const made: { subject: string; due: string; done: boolean; id: number }[] = [];
    for (const [i, day] of days.entries()) {
      for (const done of [false, true]) {
        const subject = `${done ? 'Klaar' : 'Open'} ${i}`;
        const record = await create(t, 'activity', { kind: 'task', subject, ...(day ? { due_at: day } : {}), done });
        made.push({ subject, due: day ?? '9999-12-31', done, id: record.id });
      }
    }
    for (const done of [false, true]) {
      const expected = made
        .filter((m) => m.done === done)
        .sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id)
        .map((m) => m.subject);
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = value<ListPage>(await t.call('records.list', { entity: 'activity', sort: 'due', mine: true, where: { done }, limit: 2, ...(after ? { after } : {}) }));
        seen.push(...page.rows.map((r) => r.title));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toEqual(expected);
    }
  });
});

describe('search', () => {
  it('folds accents and case, matches word prefixes, and ranks title matches first', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Bakkerij Van den Berg' });
    await create(t, 'contact', { first_name: 'Jürgen', last_name: 'Müller' });
    await create(t, 'contact', { first_name: 'Piet', last_name: 'Jansen' });
    await create(t, 'contact', { first_name: 'Els', last_name: 'Peeters', notes: 'Kent Jansen goed' });
    await create(t, 'deal', { title: 'Nieuwe ovens', organisation_id: org.id, stage: 'proposal', value_cents: 1_250_000 });

    expect(titles(await search(t, 'muller'))).toEqual(['Jürgen Müller']);
    expect(titles(await search(t, 'MÜLL'))).toEqual(['Jürgen Müller']);
    expect(titles(await search(t, 'berg'))).toEqual(['Bakkerij Van den Berg']);
    expect(titles(await search(t, 'jan'))).toEqual(['Piet Jansen', 'Els Peeters']);
    const grouped = await search(t, 'ove');
    expect(grouped).toEqual([
      {
        entity: 'deal',
        hits: [
          {
            entity: 'deal',
            id: expect.any(Number),
            title: 'Nieuwe ovens',
            details: [
              { key: 'organisation_id', value: org.id },
              { key: 'stage', value: 'proposal' },
            ],
            refs: { organisation_id: { id: org.id, title: 'Bakkerij Van den Berg' } },
          },
        ],
      },
    ]);
  });

  it('gives a hit its second line as values, which the window shows in the reader’s language', async () => {
    const t = await signedInAdmin();
    await create(t, 'activity', { kind: 'call', subject: 'Zoeken naar ovens', due_at: '2026-11-30' });
    const [group] = await search(t, 'zoeken');
    const hit = group!.hits[0]!;
    expect(hit.details).toEqual([
      { key: 'kind', value: 'call' },
      { key: 'due_at', value: '2026-11-30' },
    ]);
    const fields = value<FieldInfo[]>(await t.call('fields.list', {}));
    const dutch = hitDetailsText(hit, fields, 'nl', (key, params) => translate('nl', key, params));
    expect(dutch).toBe(`Telefoongesprek · ${formatDay('2026-11-30', 'nl')}`);
    expect(dutch).not.toContain('2026-11-30');
    expect(hitDetailsText(hit, fields, 'en', (key, params) => translate('en', key, params))).toBe(`Call · ${formatDay('2026-11-30', 'en')}`);
  });

  it('answers a query too broad to rank whole with title matches first, within the limit, each record once', async () => {
    const t = await signedInAdmin();
    const session = t.core.requireActive();
    seedRecords(session, { contacts: 1_500, seed: 3 });
    const { db } = session;
    const broad = db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH '\"de\"*'").pluck().get() as number;
    expect(broad).toBeGreaterThan(SEARCH_RANK_LIMIT);
    const hits = (await search(t, 'de')).flatMap((g) => g.hits);
    expect(hits).toHaveLength(50);
    expect(new Set(hits.map((h) => `${h.entity}:${h.id}`)).size).toBe(50);
    for (const hit of hits) expect(fold(hit.title).split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith('de'))).toBe(true);
  });

  it('forgets deleted records', async () => {
    const t = await signedInAdmin();
    const contact = await create(t, 'contact', { last_name: 'Verhoeven' });
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    expect(await search(t, 'verhoeven')).toEqual([]);
    expect(errorOf(await t.call('records.get', { entity: 'contact', id: contact.id })).code).toBe('NOT_FOUND');
  });
});

describe('switching a field off', () => {
  it('asks with the count, then purges the values from the database file, the form, the list and search', async () => {
    const t = await signedInAdmin();
    const dbFile = dataPaths(t.dataDir).db;
    const key = t.core.requireActive().open.dek;
    expect(checkDecryption(dbFile, key)).toBe(true);
    await create(t, 'contact', { last_name: 'Bakker', email: 'sanne.bakker@zuurkool-terlinden.nl' });
    await create(t, 'contact', { last_name: 'Smit', email: 'joost.smit@zuurkool-terlinden.nl' });
    await create(t, 'contact', { last_name: 'Visser' });
    expect(titles(await search(t, 'terlinden'))).toHaveLength(2);
    expect(fileHoldsText(dbFile, key, 'zuurkool-terlinden')).toBe(true);

    const asked = errorOf(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false }));
    expect(asked).toMatchObject({ code: 'CONFLICT', details: { valueCount: 2 } });
    expect(errorOf(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false, confirmValueCount: 1 })).code).toBe('CONFLICT');
    expect(value(await t.call('fields.setEnabled', { entity: 'contact', field: 'email', enabled: false, confirmValueCount: 2 }))).toEqual({ enabled: false, purged: 2 });

    const fields = value<FieldInfo[]>(await t.call('fields.list'));
    expect(fields.find((f) => f.entity === 'contact' && f.key === 'email')?.enabled).toBe(false);
    const page = value<ListPage>(await t.call('records.list', { entity: 'contact' }));
    expect(page.rows.every((r) => !('email' in r.values))).toBe(true);
    expect(await search(t, 'terlinden')).toEqual([]);
    expect(errorOf(await t.call('records.create', { entity: 'contact', values: { last_name: 'Mol', email: 'a@b.nl' } })).details?.fieldErrors).toEqual({
      email: ['This field is switched off, so it takes no value: empty it (an administrator may have switched it off just now)'],
    });
    expect(fileHoldsText(dbFile, key, 'zuurkool-terlinden')).toBe(false);
  });

  it('cannot switch off a field Kluis needs', async () => {
    const t = await signedInAdmin();
    expect(errorOf(await t.call('fields.setEnabled', { entity: 'contact', field: 'last_name', enabled: false, confirmValueCount: 0 })).code).toBe('CONFLICT');
  });
});

describe('custom fields', () => {
  const field = SHOE_SIZE;

  it('are refused by the core without a purpose or a legal basis', async () => {
    const t = await signedInAdmin();
    const noPurpose = errorOf(await t.call('fields.addCustom', { ...field, purpose: { en: ' ', nl: '' } }));
    expect(noPurpose.code).toBe('VALIDATION');
    expect(Object.keys(noPurpose.details?.fieldErrors ?? {})).toEqual(['purpose']);
    const noBasis = errorOf(await t.call('fields.addCustom', { ...field, legalBasis: '' }));
    expect(Object.keys(noBasis.details?.fieldErrors ?? {})).toEqual(['legalBasis']);
    const { legalBasis: _omitted, ...withoutBasis } = field;
    expect(Object.keys(errorOf(await t.call('fields.addCustom', withoutBasis)).details?.fieldErrors ?? {})).toEqual(['legalBasis']);
    expect(value<FieldInfo[]>(await t.call('fields.list')).some((f) => f.custom)).toBe(false);
  });

  it('without only a retention, say the field is incomplete without blaming the purpose or the basis they have', async () => {
    const t = await signedInAdmin();
    const noRetention = errorOf(await t.call('fields.addCustom', { ...field, retention: { en: ' ', nl: '' } }));
    expect(noRetention).toMatchObject({ code: 'VALIDATION', message: 'The field is not complete yet: see what is missing below.' });
    expect(Object.keys(noRetention.details?.fieldErrors ?? {})).toEqual(['retention']);
    expect(errorOf(await t.call('fields.addCustom', { ...field, purpose: { en: '', nl: '' }, retention: { en: '', nl: '' } })).message).toBe('The field needs a purpose and a legal basis.');
  });

  it('with both, hold values like any other field, and purge like any other field', async () => {
    const t = await signedInAdmin();
    const added = value<FieldInfo>(await t.call('fields.addCustom', field));
    expect(added).toMatchObject({ custom: true, enabled: true, legalBasis: 'contract', label: { nl: 'Schoenmaat' }, retention: { en: 'While the contract lasts', nl: 'Zolang het contract loopt' } });
    // One language given is shown in both, as for a label or a purpose.
    const oneLanguage = value<FieldInfo>(await t.call('fields.addCustom', { ...field, label: { en: 'Hat size', nl: 'Hoedmaat' }, retention: { en: '', nl: 'Zolang klant' } }));
    expect(oneLanguage.retention).toEqual({ en: 'Zolang klant', nl: 'Zolang klant' });
    // A field added before migration 019 has no Dutch text of its own: its one text shows in both.
    t.core.requireActive().db.prepare('UPDATE custom_fields SET retention_nl = NULL WHERE key = ?').run(added.key);
    expect(value<FieldInfo[]>(await t.call('fields.list')).find((f) => f.key === added.key)?.retention).toEqual({ en: 'While the contract lasts', nl: 'While the contract lasts' });
    const contact = await create(t, 'contact', { last_name: 'Kok', [added.key]: 44 });
    expect(contact.values[added.key]).toBe(44);
    value(await t.call('fields.setEnabled', { entity: 'contact', field: added.key, enabled: false, confirmValueCount: 1 }));
    const after = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: contact.id }));
    expect(added.key in after.record.values).toBe(false);
  });
});

describe('payment reminder', () => {
  it('writes the letter, stamps the invoice and adds it to the timeline', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Drukkerij Hendriks', street: 'Markt 3', postal_code: '5611 AB', city: 'Eindhoven' });
    const contact = await create(t, 'contact', { first_name: 'Sanne', last_name: 'Hendriks', organisation_id: org.id });
    const invoice = await create(t, 'invoice', { number: '2026-0042', organisation_id: org.id, contact_id: contact.id, amount_cents: 123456, due_on: '2026-10-01', status: 'sent' });
    await signInAsNewUser(t, 'fenna', 'finance');
    const letter = value<ReminderLetter>(await t.call('invoices.sendReminder', { id: invoice.id }));
    // Named in the letter's language, as the letter is.
    expect(letter.fileName).toBe('betalingsherinnering-2026-0042.txt');
    expect(letter.text).toContain('factuur 2026-0042');
    expect(letter.text).toMatch(/€\s?1\.234,56/);
    expect(letter.text).toContain('Beste Sanne Hendriks');
    // Dates as a letter writes them in its language, not as the database stores them.
    expect(letter.text).toContain('met vervaldatum 1 oktober 2026,');
    expect(letter.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const after = value<RecordDetail>(await t.call('records.get', { entity: 'invoice', id: invoice.id }));
    expect(after.record.values).toMatchObject({ status: 'overdue', reminder_sent_at: localDay() });
    // A second press the same day would send the customer two letters: refused, nothing written.
    const journal = value<unknown[]>(await t.call('history.list', {}));
    expect(errorOf(await t.call('invoices.sendReminder', { id: invoice.id }))).toMatchObject({ code: 'CONFLICT', messageId: 'records.reminderSentToday' });
    expect(value<unknown[]>(await t.call('history.list', {}))).toEqual(journal);
    // One sent by mistake is taken back; then one may go again.
    value(await t.call('history.undo'));
    value<ReminderLetter>(await t.call('invoices.sendReminder', { id: invoice.id }));
    // Finance does not see activities; the office does, in the organisation's timeline.
    expect(value<RecordDetail>(await t.call('records.get', { entity: 'organisation', id: org.id })).timeline).toEqual([]);
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const orgDetail = value<RecordDetail>(await t.call('records.get', { entity: 'organisation', id: org.id }));
    expect(orgDetail.timeline?.[0]?.title).toBe('Betalingsherinnering verstuurd voor factuur 2026-0042');
  });

  it('writes an English letter, dates included, to a contact who prefers English', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Hendriks Ltd' });
    const contact = await create(t, 'contact', { first_name: 'Sam', last_name: 'Hendriks', organisation_id: org.id, preferred_language: 'en' });
    const invoice = await create(t, 'invoice', { number: '2026-0044', organisation_id: org.id, contact_id: contact.id, amount_cents: 5000, due_on: '2026-03-09', status: 'sent' });
    await signInAsNewUser(t, 'fenna', 'finance');
    const letter = value<ReminderLetter>(await t.call('invoices.sendReminder', { id: invoice.id }));
    expect(letter.fileName).toBe('payment-reminder-2026-0044.txt');
    expect(letter.text).toContain('Dear Sam Hendriks');
    expect(letter.text).toContain('due on 9 March 2026,');
    expect(letter.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('is refused for a paid invoice and for a draft', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Drukkerij Hendriks' });
    const invoice = await create(t, 'invoice', { number: '2026-0043', organisation_id: org.id, amount_cents: 100, due_on: '2026-10-01', status: 'paid' });
    const draft = await create(t, 'invoice', { number: '2026-0049', organisation_id: org.id, amount_cents: 100, due_on: '2026-10-01', status: 'draft' });
    await signInAsNewUser(t, 'fenna', 'finance');
    expect(errorOf(await t.call('invoices.sendReminder', { id: invoice.id })).code).toBe('CONFLICT');
    expect(errorOf(await t.call('invoices.sendReminder', { id: draft.id })).message).toBe('A reminder is only for unpaid invoices; this one is still a draft.');
  });

  it('is refused before the invoice is overdue: on its due day it is not late yet', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Drukkerij Hendriks' });
    const invoice = await create(t, 'invoice', { number: '2026-0048', organisation_id: org.id, amount_cents: 100, due_on: localDay(), status: 'sent' });
    await signInAsNewUser(t, 'fenna', 'finance');
    expect(errorOf(await t.call('invoices.sendReminder', { id: invoice.id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'This invoice is not overdue yet: a reminder can go out from the day after its due date.',
    });
  });

  it('dates the reminder on the sender\'s own day, where UTC may already or still be on another', async () => {
    await inZoneWhereTodayIsNotUtcs(async () => {
      const t = await signedInAdmin();
      const org = await create(t, 'organisation', { name: 'Drukkerij Hendriks' });
      const invoice = await create(t, 'invoice', { number: '2026-0045', organisation_id: org.id, amount_cents: 100, due_on: '2026-01-01', status: 'sent' });
      await signInAsNewUser(t, 'fenna', 'finance');
      value<ReminderLetter>(await t.call('invoices.sendReminder', { id: invoice.id }));
      const after = value<RecordDetail>(await t.call('records.get', { entity: 'invoice', id: invoice.id }));
      expect(after.record.values.reminder_sent_at).toBe(localDay());
    });
  });

  it('cannot be typed: "Reminder sent" changes only by sending one', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Drukkerij Hendriks' });
    const invoice = await create(t, 'invoice', { number: '2026-0046', organisation_id: org.id, amount_cents: 100, due_on: '2026-01-01', status: 'sent' });
    await signInAsNewUser(t, 'fenna', 'finance');
    for (const day of ['2099-01-01', '2000-01-01', localDay()]) {
      const refused = errorOf(await t.call('records.update', { entity: 'invoice', id: invoice.id, values: { reminder_sent_at: day } }));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', messageId: 'records.setByAction' });
    }
    const created = errorOf(await t.call('records.create', { entity: 'invoice', values: { number: '2026-0047', organisation_id: org.id, amount_cents: 1, due_on: '2026-01-01', status: 'sent', reminder_sent_at: '2099-01-01' } }));
    expect(created).toMatchObject({ code: 'FORBIDDEN', messageId: 'records.setByAction' });
    const after = value<RecordDetail>(await t.call('records.get', { entity: 'invoice', id: invoice.id }));
    expect(after.record.values.reminder_sent_at).toBeNull();
  });
});

describe('query plans of the hot queries', () => {
  function plan(t: Installed, sql: string, params: unknown[]): string {
    const rows = t.core.requireActive().db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    return rows.map((r) => r.detail).join(' | ');
  }

  it.each([
    // A list row carries only the list's columns, all in contacts_by_name: no row is read.
    ['contacts by name', { entity: 'contact' }, 'COVERING INDEX contacts_by_name'],
    ['a later page of contacts', { entity: 'contact', at: ['jansen', 10] }, 'COVERING INDEX contacts_by_name (sort_key>?)'],
    ['my contacts by name', { entity: 'contact', mine: true }, 'contacts_by_owner'],
    ['my open tasks', { entity: 'activity', sort: 'due', mine: true, where: { done: false } }, 'activities_open'],
    ['my done activities', { entity: 'activity', sort: 'due', mine: true, where: { done: true } }, 'activities_by_due'],
    // A later page seeks to where the last one ended, also where the order is an expression.
    ['a later page of my open tasks', { entity: 'activity', sort: 'due', mine: true, where: { done: false }, at: [0, '2026-12-01', 10] }, 'activities_open (owner_id=? AND <expr>>?)'],
    ['a later page of activities', { entity: 'activity', sort: 'due', at: [0, '2026-12-01', 10] }, 'activities_by_due (done>?)'],
    ['deals in a stage', { entity: 'deal', where: { stage: 'proposal' } }, 'deals_by_stage'],
  ] as const)('%s use an index and need no sort', async (_name, query, index) => {
    const t = await signedInAdmin();
    const { buildListQuery, listCursorAt } = await import('../../electron/core/records/queries');
    const session = t.core.requireActive();
    // `at`: the sort values a later page starts after, sealed into its cursor as a page would.
    const { at, ...list } = query as { entity: 'contact' | 'activity'; sort?: 'due'; at?: (string | number)[] };
    const after = at ? listCursorAt(session.access, list.entity, list.sort ?? 'name', at) : undefined;
    const built = buildListQuery(session.db, session.access, { ...list, ...(after ? { after } : {}) } as never);
    const detail = plan(t, built.sql, built.params);
    expect(detail).toContain(index);
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it.each([
    ['contacts by name', { entity: 'contact', sort: 'name' }, 'contacts_by_name'],
    ['organisations by name', { entity: 'organisation', sort: 'name' }, 'organisations_by_name'],
    ['deals in a stage', { entity: 'deal', where: { stage: 'proposal' } }, 'deals_by_stage'],
    ['activities by due date', { entity: 'activity', sort: 'due' }, 'activities_by_due'],
    ['invoices by due date', { entity: 'invoice', sort: 'due' }, 'invoices_by_due'],
  ] as const)('a team-scoped list of %s walks its index in order and tests the scope on the index entry', async (_name, query, index) => {
    const t = await signedInAdmin();
    const team = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' }));
    await signInAsNewUser(t, 'sanne', 'sales', { teamIds: [team.id] });
    const { buildListQuery } = await import('../../electron/core/records/queries');
    const session = t.core.requireActive();
    // Finance reads invoices of every team; the scope under test is a team scope.
    const access = { ...session.access, scope: () => 'team' as const };
    const built = buildListQuery(session.db, access, query as never);
    expect(built.sql).toContain('team_id IN');
    const detail = plan(t, built.sql, built.params);
    expect(detail).toContain(index);
    expect(detail).not.toContain('TEMP B-TREE');
    // The scope's columns are in the index: rows outside it are skipped before the table is read.
    const columns = session.db.prepare(`SELECT name FROM pragma_index_xinfo('${index}') WHERE key = 1`).pluck().all();
    expect(columns).toEqual(expect.arrayContaining(['owner_id', 'team_id']));
    // The contact list, the one with rows in the millions, does not read the rows at all.
    if (index === 'contacts_by_name') expect(detail).toContain('COVERING INDEX contacts_by_name');
  });

  it('counts a team-scoped list from a covering index, so contacts need no index by team', async () => {
    const t = await signedInAdmin();
    const team = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' }));
    await signInAsNewUser(t, 'sanne', 'sales', { teamIds: [team.id] });
    const session = t.core.requireActive();
    const { buildCountQuery } = await import('../../electron/core/records/queries');
    const count = buildCountQuery(session.access, 'contact');
    expect(count.sql).toContain('team_id IN');
    expect(plan(t, count.sql, count.params)).toContain('COVERING INDEX contacts_titles');
    // Migration 010 dropped the index by team, which served no query.
    expect(session.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'contacts_by_team'").pluck().get()).toBe(0);
  });

  it('reads what a link shows from a covering title index, for every kind a link can point to', async () => {
    const t = await signedInAdmin();
    const { ENTITIES } = await import('../../shared/registry');
    const { LINK_TITLE_INDEXES, linkedRowSql, readLinkedRow } = await import('../../electron/core/records/rows');
    const db = t.core.requireActive().db;
    const targets = new Set(Object.values(ENTITIES).flatMap((e) => e.fields.filter((f) => f.type === 'reference').map((f) => f.references)));
    expect(targets.size).toBeGreaterThan(0);
    for (const target of targets) {
      const def = ENTITIES[target as keyof typeof ENTITIES];
      const index = LINK_TITLE_INDEXES[def.name];
      expect(index, def.name).toBeDefined();
      const columns = db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).pluck().all();
      expect(columns).toEqual(['id', ...def.titleFields, 'owner_id', 'team_id', 'deleted_at']);
      expect(plan(t, linkedRowSql(def.name), [1])).toContain(`USING COVERING INDEX ${index}`);
    }

    // What it reads: the title fields and scope of a live record; nothing for one in the trash.
    const org = await create(t, 'organisation', { name: 'Zuivelhoeve De Kempen' });
    expect(readLinkedRow(db, 'organisation', org.id)).toMatchObject({ id: org.id, name: 'Zuivelhoeve De Kempen', owner_id: t.core.requireActive().user.id });
    value(await t.call('records.delete', { entity: 'organisation', ids: [org.id] }));
    expect(readLinkedRow(db, 'organisation', org.id)).toBeNull();
    expect(readLinkedRow(db, 'organisation', org.id + 1000)).toBeNull();
  });

  it('finds the activities of a deal through the index of activities that have one', async () => {
    const t = await signedInAdmin();
    const detail = plan(t, 'SELECT * FROM activities WHERE deal_id = ? AND deleted_at IS NULL ORDER BY coalesce(due_at, created_at) DESC, id DESC LIMIT 20', [1]);
    expect(detail).toContain('activities_by_deal');
    const definition = t.core.requireActive().db.prepare("SELECT sql FROM sqlite_master WHERE name = 'activities_by_deal'").pluck().get();
    expect(definition).toContain('WHERE deal_id IS NOT NULL');
  });

  it.each([
    ['the search index', "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 1 OFFSET 1000", ['"ja"*'], 'VIRTUAL TABLE INDEX'],
    ['a contact\'s timeline', 'SELECT * FROM activities WHERE contact_id = ? AND deleted_at IS NULL ORDER BY coalesce(due_at, created_at) DESC, id DESC LIMIT 20', [1], 'activities_by_contact'],
    ['the last command to undo', "SELECT * FROM commands WHERE user_id = ? AND state = 'done' ORDER BY id DESC LIMIT 1", [1], 'commands_by_user'],
    ['who changed a record since', 'SELECT command_id FROM command_changes WHERE entity = ? AND record_id = ? AND command_id > ?', ['contact', 1, 0], 'command_changes_by_record'],
    ['the trash, newest first', 'SELECT id FROM contacts WHERE deleted_at IS NOT NULL AND trashed_with IS NULL ORDER BY deleted_at DESC, id DESC LIMIT 50', [], 'contacts_in_trash'],
  ] as const)('%s uses its index', async (_name, sql, params, index) => {
    const t = await signedInAdmin();
    const detail = plan(t, sql, [...params]);
    expect(detail).toContain(index);
    expect(detail).not.toContain('SCAN contacts');
  });
});

describe('a record in the trash', () => {
  it('is said to be in the trash to someone who may read it, and not found to anyone else', async () => {
    const t = await signedInAdmin();
    const contact = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Vera', last_name: 'Weg' } }));
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    const edit = errorOf(await t.call('records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Bakker' } }));
    expect(edit).toMatchObject({ code: 'NOT_FOUND', messageId: 'records.inTrash', message: 'This contact is in the trash: restore it from there (or undo the deletion) to change it.' });
    // Field sales read only their own contacts: for them it is no more there than a made-up id.
    await signInAsNewUser(t, 'sanne', 'sales');
    for (const id of [contact.id, 9_999]) {
      expect(errorOf(await t.call('records.update', { entity: 'contact', id, values: { job_title: 'Bakker' } }))).toMatchObject({ code: 'NOT_FOUND', messageId: 'common.noSuchRecord' });
    }
  });
});
