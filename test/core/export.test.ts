/**
 * Export as CSV, read the way a spreadsheet reads it: a UTF-8 byte order mark, headers and choices
 * in the user's language, money in euros with the unit in the header, the separator and decimal
 * mark Dutch or English Excel expects, formulas defused but our own numbers left alone. Only what
 * the user may read in full leaves: no masked and no hidden fields, no deleted records. The export
 * asks for a fresh code and is audited without values.
 */
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../shared/recordTypes';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import { listAudit } from '../../electron/core/audit/chain';
import { EXPORT_BATCH_SIZE } from '../../electron/core/records/export';
import { accessReportFileName, exportFileName, fileNameWord, reminderFileName } from '../../shared/fileNames';
import { localDay } from '../../shared/localDay';
import { ENTITY_NAMES } from '../../shared/registry';
import { seedRecords } from '../../electron/core/records/seed';
import { signedInAdmin, signInAsNewUser, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function exportCsv(t: Installed, entity: string, language?: 'en' | 'nl'): Promise<string> {
  return value<{ csv: string }>(await t.call('records.export', { entity, ...(language ? { language } : {}) })).csv;
}

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold the separator, quotes and line breaks. */
function parse(csv: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === separator) {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && csv[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

/** The file's records as header → cell, after its byte order mark (which it must have). */
/** One line as Excel splits it on `separator`: a quote counts only at the start of a cell, elsewhere it is text. */
function excelCells(line: string, separator: ',' | ';'): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let cell = '';
      let i = at + 1;
      for (; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (line[i] === '"') break;
        else cell += line[i];
      }
      const end = line.indexOf(separator, i);
      cells.push(cell + line.slice(i + 1, end < 0 ? line.length : end));
      at = end < 0 ? line.length + 1 : end + 1;
    } else {
      const end = line.indexOf(separator, at);
      cells.push(line.slice(at, end < 0 ? line.length : end));
      at = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}

function table(csv: string, separator: ',' | ';'): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF'), 'a UTF-8 byte order mark, so Excel reads é as é').toBe(true);
  const [header, ...rows] = parse(csv.slice(1), separator);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

describe('export as a spreadsheet reads it', () => {
  it('writes money in euros with the unit in the header, choices and yes/no by label, dates as ISO days (English)', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Bakkerij Smit, Zonen & Co' });
    await create(t, 'deal', { title: 'Ovens', organisation_id: org.id, stage: 'won', value_cents: 123456, expected_close: '2026-03-31' });
    // A value below zero, as an install could hold from before they were refused: a number, not defused.
    const credit = await create(t, 'deal', { title: 'Creditnota', organisation_id: org.id, stage: 'lost', value_cents: 0 });
    t.core.requireActive().db.prepare('UPDATE deals SET value_cents = -5000 WHERE id = ?').run(credit.id);
    await create(t, 'deal', { title: 'Klein', organisation_id: org.id, stage: 'lead', value_cents: 7 });
    await create(t, 'activity', { kind: 'call', subject: 'Bellen', done: true });
    await create(t, 'activity', { kind: 'note', subject: 'Notitie', done: false });
    await create(t, 'invoice', { number: 'F-2026-001', organisation_id: org.id, amount_cents: 951791, due_on: '2026-04-30', status: 'overdue' });

    const deals = table(await exportCsv(t, 'deal', 'en'), ',');
    expect(Object.keys(deals[0]!)).toContain('Value (EUR)');
    // In the order they were added (see exportRecords).
    expect(deals.map((d) => [d.Title, d['Value (EUR)'], d.Stage, d.Organisation])).toEqual([
      ['Ovens', '1234.56', 'Won', 'Bakkerij Smit, Zonen & Co'],
      ['Creditnota', '-50.00', 'Lost', 'Bakkerij Smit, Zonen & Co'],
      ['Klein', '0.07', 'Lead', 'Bakkerij Smit, Zonen & Co'],
    ]);
    expect(deals.find((d) => d.Title === 'Ovens')!['Expected close']).toBe('2026-03-31');

    const invoices = table(await exportCsv(t, 'invoice', 'en'), ',');
    expect(invoices[0]).toMatchObject({ Number: 'F-2026-001', 'Amount (EUR)': '9517.91', Status: 'Overdue', 'Due date': '2026-04-30' });

    const activities = table(await exportCsv(t, 'activity', 'en'), ',');
    expect(activities.map((a) => [a.Subject, a.Type, a.Done])).toEqual([
      ['Bellen', 'Call', 'Yes'],
      ['Notitie', 'Note', 'No'],
    ]);
  });

  it('in Dutch: headers and labels in Dutch, ";" between cells and "," before the cents, as Dutch and Belgian Excel expect', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Smit; Zonen' });
    await create(t, 'deal', { title: 'Ovens, groot', organisation_id: org.id, stage: 'won', value_cents: 123456 });
    // A value below zero, as an install could hold from before they were refused: a number, not defused.
    const credit = await create(t, 'deal', { title: 'Creditnota', organisation_id: org.id, stage: 'lost', value_cents: 0 });
    t.core.requireActive().db.prepare('UPDATE deals SET value_cents = -5000 WHERE id = ?').run(credit.id);
    await create(t, 'activity', { kind: 'meeting', subject: 'Gesprek', done: true });

    const csv = await exportCsv(t, 'deal', 'nl');
    const header = csv.slice(1, csv.indexOf('\r\n'));
    expect(header.split(';')).toContain('Waarde (EUR)');
    // A cell with either separator is quoted, so it stays one cell where Excel splits on the other.
    expect(csv).toContain('"Smit; Zonen"');
    expect(csv).toContain('\r\n"Ovens, groot";');
    // A negative amount is a number we wrote: no apostrophe in front of it.
    expect(csv).toContain(';-50,00;');
    const deals = table(csv, ';');
    expect(deals.map((d) => [d.Titel, d['Waarde (EUR)'], d.Fase, d.Organisatie])).toEqual([
      ['Ovens, groot', '1234,56', 'Gewonnen', 'Smit; Zonen'],
      ['Creditnota', '-50,00', 'Verloren', 'Smit; Zonen'],
    ]);

    const activities = table(await exportCsv(t, 'activity', 'nl'), ';');
    expect(activities[0]).toMatchObject({ Onderwerp: 'Gesprek', Soort: 'Afspraak', Gedaan: 'Ja' });
  });

  it('without a language it writes English (the CLI, older callers)', async () => {
    const t = await signedInAdmin();
    await create(t, 'deal', { title: 'Ovens', stage: 'won', value_cents: 100 });
    expect(table(await exportCsv(t, 'deal'), ',')[0]).toMatchObject({ Title: 'Ovens', Stage: 'Won', 'Value (EUR)': '1.00' });
  });

  it('defuses text a spreadsheet would run as a formula, quotes line breaks and quotes', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { last_name: '=HYPERLINK("http://x.example","klik")', phone: '+32 470 12 34 56', job_title: '@SUM(A1)' });
    await create(t, 'contact', { last_name: '-Min', notes: 'regel één\r\nregel "twee"' });
    const tab = await create(t, 'contact', { last_name: 'Tab' });
    const crlf = await create(t, 'contact', { last_name: 'Return' });
    // A form trims a leading tab or line break away; a value from elsewhere (an older version, a
    // tool on the file) may still hold one, and a spreadsheet may run what follows it.
    const { db } = t.core.requireActive();
    db.prepare('UPDATE contacts SET job_title = ? WHERE id = ?').run('\t=1+1', tab.id);
    db.prepare('UPDATE contacts SET job_title = ? WHERE id = ?').run('\r=1+1', crlf.id);
    const csv = await exportCsv(t, 'contact', 'en');
    const contacts = table(csv, ',');
    const byName = (start: string) => contacts.find((c) => c['Last name']!.startsWith(start))!;
    expect(byName(`'=HYPERLINK`)['Last name']).toBe(`'=HYPERLINK("http://x.example","klik")`);
    expect(byName(`'=HYPERLINK`).Phone).toBe(`'+32 470 12 34 56`);
    expect(byName(`'=HYPERLINK`)['Job title']).toBe(`'@SUM(A1)`);
    expect(byName(`'-Min`).Notes).toBe('regel één\r\nregel "twee"');
    expect(csv).toContain('"regel één\r\nregel ""twee"""');
    expect(byName('Tab')['Job title']).toBe(`'\t=1+1`);
    expect(byName('Return')['Job title']).toBe(`'\r=1+1`);
  });

  it('defuses a formula after a "," or ";" inside a text too, for a spreadsheet that splits on the other separator', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { last_name: 'b,=1+1', job_title: 'a;=HYPERLINK("http://x.example","klik")', notes: 'Smit, -10%; @home,\t+31, € 25,- ;-)' });
    for (const [language, separator, other] of [['nl', ';', ','], ['en', ',', ';']] as const) {
      const csv = await exportCsv(t, 'contact', language);
      // As Excel reads a file with the other list separator: split there, a quote counting only at a cell's start.
      for (const line of csv.slice(1).split('\r\n')) {
        // Nothing a spreadsheet would run: = or @, or + or - before what a formula goes on with.
        for (const cell of excelCells(line, other)) expect(cell, `${language} file read with "${other}"`).not.toMatch(/^(?:[=@]|[-+][\p{L}\p{N}(])/u);
      }
      // Read with its own separator, each value shows the apostrophes and nothing runs.
      const [contact] = table(csv, separator);
      expect(Object.values(contact!)).toEqual(expect.arrayContaining(["b,'=1+1", `a;'=HYPERLINK("http://x.example","klik")`, "Smit, '-10%; '@home,\t'+31, € 25,- ;-)"]));
    }
  });
});

describe('what an export holds', () => {
  it('leaves out masked fields as it leaves out hidden ones: a masked value is no use outside the app', async () => {
    const t = await signedInAdmin();
    // The admin sees the (special) date of birth masked; to plant one, it grants itself the right first.
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [{ right: 'field:contact.birth_date', effect: 'grant', access: 'edit' }] }));
    await create(t, 'contact', { last_name: 'Jansen', birth_date: '1980-12-31', phone: '+31612345678' });
    const withRight = table(await exportCsv(t, 'contact', 'en'), ',');
    expect(withRight[0]).toMatchObject({ 'Last name': 'Jansen', 'Date of birth': '1980-12-31' });

    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [] }));
    const csv = await exportCsv(t, 'contact', 'en');
    expect(Object.keys(table(csv, ',')[0]!)).not.toContain('Date of birth');
    expect(csv).not.toContain('•');
    expect(csv).not.toContain('12-31');
    // A phone number masked by a role is left out just the same.
    const office = BUILT_IN_ROLES.find((r) => r.id === 'office')!;
    const role = value<RoleDefinition>(
      await t.call('roles.save', { name: { en: 'Office, phone masked', nl: 'Kantoor, telefoon gemaskeerd' }, rights: { ...office.rights, fields: { 'contact.phone': 'masked' } } }),
    );
    await signInAsNewUser(t, 'otto', role.id);
    const masked = await exportCsv(t, 'contact', 'en');
    expect(table(masked, ',')[0]).toMatchObject({ 'Last name': 'Jansen' });
    expect(Object.keys(table(masked, ',')[0]!)).not.toContain('Phone');
    expect(masked).not.toContain('5678');
    expect(masked).not.toContain('•');
  });

  it('leaves a link empty where the name it shows is masked for the caller', async () => {
    const t = await signedInAdmin();
    const contact = await create(t, 'contact', { first_name: 'Christiaan', last_name: 'Verstappen' });
    await create(t, 'deal', { title: 'Ovens', stage: 'won', value_cents: 100, contact_id: contact.id });
    const office = BUILT_IN_ROLES.find((r) => r.id === 'office')!;
    const role = value<RoleDefinition>(
      await t.call('roles.save', { name: { en: 'Office, names masked', nl: 'Kantoor, namen gemaskeerd' }, rights: { ...office.rights, fields: { 'contact.last_name': 'masked' } } }),
    );
    await signInAsNewUser(t, 'otto', role.id);
    const csv = await exportCsv(t, 'deal', 'en');
    expect(table(csv, ',')[0]).toMatchObject({ Title: 'Ovens', Contact: '' });
    expect(csv).not.toContain('Verstappen');
    expect(csv).not.toContain('•');
  });

  it('holds only records the caller may read, also where the export scope is wider than the read scope', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { first_name: 'Jan', last_name: 'Bakker', email: 'jan@bakker.nl' });
    const office = BUILT_IN_ROLES.find((r) => r.id === 'office')!;
    const records = { ...office.rights.records, contact: { ...office.rights.records.contact, read: 'own' as const, export: 'all' as const } };
    const role = value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Own reader', nl: 'Eigen lezer' }, rights: { ...office.rights, records } }));
    await signInAsNewUser(t, 'otto', role.id);
    expect(value<{ count: number }>(await t.call('records.count', { entity: 'contact' })).count).toBe(0);
    const csv = await exportCsv(t, 'contact', 'en');
    expect(table(csv, ',')).toEqual([]);
    expect(csv).not.toContain('Bakker');
    await create(t, 'contact', { first_name: 'Otto', last_name: 'Eigen' });
    expect(table(await exportCsv(t, 'contact', 'en'), ',').map((r) => r['Last name'])).toEqual(['Eigen']);
  });

  it('leaves out hidden fields and deleted records', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { last_name: 'Blijft', notes: 'geheime notitie' });
    const gone = await create(t, 'contact', { last_name: 'Weg' });
    value(await t.call('records.delete', { entity: 'contact', ids: [gone.id] }));
    await signInAsNewUser(t, 'otto', 'office');
    const contacts = table(await exportCsv(t, 'contact', 'nl'), ';');
    expect(contacts.map((c) => c.Achternaam)).toEqual(['Blijft']);
    // Office staff: special-category fields hidden.
    expect(Object.keys(contacts[0]!)).not.toContain('Geboortedatum');
  });

  it('holds what the filtered list shows: its filter and "only mine", and refuses a filter on a field the caller may not read', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Drukkerij Kok' });
    for (const [number, status] of [['F-1', 'overdue'], ['F-2', 'paid'], ['F-3', 'overdue']] as const) {
      await create(t, 'invoice', { number, organisation_id: org.id, amount_cents: 100, due_on: '2026-01-31', status });
    }
    const overdue = value<{ csv: string; count: number }>(await t.call('records.export', { entity: 'invoice', where: { status: 'overdue' } }));
    expect(overdue.count).toBe(2);
    expect(table(overdue.csv, ',').map((row) => row.Number)).toEqual(['F-1', 'F-3']);
    // Only mine: a colleague's own contact, not the admin's.
    await create(t, 'contact', { last_name: 'Van De Admin' });
    await signInAsNewUser(t, 'otto', 'office');
    await create(t, 'contact', { last_name: 'Van Otto' });
    const mine = value<{ csv: string; count: number }>(await t.call('records.export', { entity: 'contact', mine: true }));
    expect(table(mine.csv, ',').map((row) => row['Last name'])).toEqual(['Van Otto']);
    // A field Office staff may not read in full filters nothing, here as in the list.
    expect(await t.call('records.export', { entity: 'contact', where: { birth_date: '1990-01-01' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('asks for a fresh code, and the audit log records the kind and count, not the values', async () => {
    const t = await signedInAdmin();
    await create(t, 'deal', { title: 'Ovens voor Jansen', stage: 'won', value_cents: 123456 });
    t.clock.advance(5 * 60 + 1);
    expect(await t.call('records.export', { entity: 'deal', language: 'nl' })).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    value(await t.call('session.stepUp', { code: t.nextCode() }));
    expect(value<{ count: number; fileName: string }>(await t.call('records.export', { entity: 'deal', language: 'nl' }))).toMatchObject({
      count: 1,
      fileName: expect.stringMatching(/^kluis-deals-\d{4}-\d{2}-\d{2}\.csv$/),
    });
    const entries = listAudit(t.core.requireActive().db, 50).filter((e) => e.action === 'data.exported');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toEqual({ entity: 'deal', count: 1 });
    expect(JSON.stringify(entries)).not.toContain('Jansen');
  });

  it('names the file in the reader\'s language, for the kind and the install\'s day, in plain ASCII', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { last_name: 'Jansen' });
    await create(t, 'organisation', { name: 'Bakkerij Jansen' });
    value(await t.call('session.stepUp', { code: t.nextCode() }));
    const named = async (entity: string, language: string) => value<{ fileName: string }>(await t.call('records.export', { entity, language })).fileName;
    expect(await named('contact', 'nl')).toBe(`kluis-contactpersonen-${localDay()}.csv`);
    expect(await named('organisation', 'nl')).toBe(`kluis-organisaties-${localDay()}.csv`);
    expect(await named('invoice', 'nl')).toBe(`kluis-facturen-${localDay()}.csv`);
    expect(await named('contact', 'en')).toBe(`kluis-contacts-${localDay()}.csv`);
    expect(await named('activity', 'en')).toBe(`kluis-activities-${localDay()}.csv`);
  });

  it('names every file it can save in ASCII a file system takes, in either language', () => {
    for (const language of ['en', 'nl'] as const) {
      for (const entity of ENTITY_NAMES) expect(exportFileName(entity, language, '2026-11-30')).toMatch(/^kluis-[a-z0-9]+(-[a-z0-9]+)*-2026-11-30\.csv$/);
    }
    expect(accessReportFileName('nl', '2026-11-30', 7)).toBe('inzageverzoek-2026-11-30-contactpersoon-7.json');
    expect(accessReportFileName('en', '2026-11-30', 7)).toBe('access-request-2026-11-30-contact-7.json');
    expect(reminderFileName('nl', '2026/0042 é')).toBe('betalingsherinnering-2026-0042.txt');
    expect(fileNameWord('Activités à faire')).toBe('activites-a-faire');
  });

  it('refuses a language it does not write', async () => {
    const t = await signedInAdmin();
    expect(await t.call('records.export', { entity: 'deal', language: 'de' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('a long export', () => {
  /** An install with `contacts` seeded contacts (more than one batch), and an id for the run. */
  async function withContacts(contacts: number): Promise<{ t: Installed; jobId: string }> {
    const t = await signedInAdmin();
    seedRecords(t.core.requireActive(), { contacts, seed: 5 });
    return { t, jobId: `export-${contacts}-${Math.random().toString(36).slice(2, 10)}` };
  }

  const progressOf = (t: Installed, jobId: string, onEach: (payload: { done: number; total: number }) => void = () => undefined) => {
    const seen: { done: number; total: number }[] = [];
    const off = t.dispatcher.onEvent((name, payload) => {
      if (name !== 'export.progress' || (payload as { jobId: string }).jobId !== jobId) return;
      const { done, total } = payload as { done: number; total: number };
      seen.push({ done, total });
      onEach({ done, total });
    });
    return { seen, off };
  };

  it('reads in batches, reports progress, lets other calls run in between, and writes each record once', async () => {
    const { t, jobId } = await withContacts(EXPORT_BATCH_SIZE * 2 + 300);
    const total = (t.core.requireActive().db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
    // Work queued at a progress event runs at the next turn of the event loop: between batches, if the export yields.
    let answeredDuring = 0;
    const { seen, off } = progressOf(t, jobId, () => setImmediate(() => void t.call('install.status', {}).then((r) => (r.ok ? answeredDuring++ : 0))));
    const exported = value<{ csv: string; count: number; cancelled: boolean }>(await t.call('records.export', { entity: 'contact', jobId }));
    off();
    expect(exported).toMatchObject({ count: total, cancelled: false });
    expect(seen).toEqual([
      { done: EXPORT_BATCH_SIZE, total },
      { done: EXPORT_BATCH_SIZE * 2, total },
      { done: total, total },
    ]);
    expect(answeredDuring).toBeGreaterThanOrEqual(2);
    const rows = table(exported.csv, ',');
    expect(rows).toHaveLength(total);
    const names = rows.map((r) => `${r['First name']}|${r['Last name']}|${r['E-mail']}`);
    const stored = (t.core.requireActive().db.prepare("SELECT first_name || '|' || last_name || '|' || coalesce(email, '') AS k FROM contacts ORDER BY id").all() as { k: string }[]).map(
      (r) => r.k,
    );
    expect(names).toEqual(stored);
  });

  it('stops when cancelled: no file, nothing audited, and the run is gone', async () => {
    const { t, jobId } = await withContacts(EXPORT_BATCH_SIZE * 2);
    let cancelAnswer: unknown = null;
    const { seen, off } = progressOf(t, jobId, () => {
      if (cancelAnswer === null) cancelAnswer = t.call('export.cancel', { jobId });
    });
    const exported = value(await t.call('records.export', { entity: 'contact', jobId }));
    off();
    expect(exported).toEqual({ fileName: '', csv: '', count: 0, restricted: 0, cancelled: true });
    expect(await cancelAnswer).toEqual({ ok: true, value: { cancelled: true } });
    expect(seen).toHaveLength(1);
    expect(listAudit(t.core.requireActive().db, 100).map((e) => e.action)).not.toContain('data.exported');
    expect(value(await t.call('export.cancel', { jobId }))).toEqual({ cancelled: false });
  });

  it('stops when Kluis is locked midway, and says so', async () => {
    const { t, jobId } = await withContacts(EXPORT_BATCH_SIZE * 2);
    let locked: Promise<unknown> | null = null;
    const { off } = progressOf(t, jobId, () => {
      locked ??= t.call('session.lock');
    });
    const result = await t.call('records.export', { entity: 'contact', jobId });
    off();
    expect(await locked).toEqual({ ok: true, value: { locked: true } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: 'Kluis was locked during the export, which stopped. No file was made: export again.' },
    });
  });
});
