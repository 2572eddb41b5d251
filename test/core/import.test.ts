/**
 * CSV import through the wall: only columns mapped to fields in force are stored and the rest are
 * named; bad rows are reported by number and leave no trace; invalid files get a clear error;
 * Dutch Excel files (';', quotes, line breaks in cells) read right; duplicates by e-mail are skipped
 * or merged; organisations are found or created by name; a cancel takes back everything.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryResult } from '../../shared/historyTypes';
import type { AuditEntry, ImportPreview, ImportSummary, ListPage, RecordDetail, RecordSummary, RecordView } from '../../shared/api';
import { listAudit } from '../../electron/core/audit/chain';
import { dataPaths } from '../../electron/core/install/paths';
import { parseCountry, parseDate, parseInteger, parseMoney } from '../../electron/core/records/import/convert';
import { decodeCsvFile, decodeWindows1252, MAX_FILE_BYTES } from '../../electron/core/records/import/decode';
import { parseCsv } from '../../electron/core/records/import/parse';
import { searchCleanupDone } from '../../electron/core/records/searchCleanup';
import { COLUMN_NAME_MAX } from '../../shared/recordTypes';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, noKeychain, signedInAdmin, signIn, signInAsNewUser, testCore, type Installed } from '../support/install';
import { fileHoldsText } from '../support/sqlcipherPages';
import { CORE_MESSAGES, type CoreMessageId } from '../../shared/coreMessages';
import { CORE_MESSAGES_NL, coreReasonsText } from '../../renderer/src/i18n/core';

type Mapping = Record<string, string | null>;

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }): { code: string; message: string } {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: { code: string; message: string } }).error;
}

const b64 = (content: string | Buffer): string => Buffer.from(content).toString('base64');

let jobs = 0;
const nextJobId = (): string => `job-${Date.now()}-${++jobs}`;

async function preview(t: Installed, entity: 'contact' | 'organisation', csv: string | Buffer, mapping?: Mapping): Promise<ImportPreview> {
  return value(await t.call('import.preview', { entity, file: b64(csv), ...(mapping ? { mapping } : {}) }));
}

/** Preview, then run with the suggested mapping (or the one given), as the import dialog does. */
async function runWith(
  t: Installed,
  entity: 'contact' | 'organisation',
  csv: string | Buffer,
  options: { duplicates?: 'skip' | 'merge'; mapping?: Mapping; jobId?: string } = {},
): Promise<ImportSummary> {
  const mapping = options.mapping ?? (await preview(t, entity, csv)).suggestedMapping;
  return value(
    await t.call('import.run', { entity, file: b64(csv), mapping, duplicates: options.duplicates ?? 'skip', jobId: options.jobId ?? nextJobId() }),
  );
}

function db(t: Installed) {
  return t.core.requireActive().db;
}

function contactRows(t: Installed): Record<string, unknown>[] {
  return db(t).prepare('SELECT * FROM contacts ORDER BY id').all() as Record<string, unknown>[];
}

/** The admin sees special-category fields masked; the tests that import a birth date grant edit first. */
async function mayEditBirthDates(t: Installed): Promise<void> {
  const granted = await t.call('users.setAccess', {
    userId: 1,
    role: 'admin',
    teamIds: [],
    overrides: [{ right: 'field:contact.birth_date', effect: 'grant', access: 'edit' }],
  });
  expect(granted.ok, JSON.stringify(granted)).toBe(true);
}

function count(t: Installed, table: string): number {
  return (db(t).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Entries in the search index once the cleanup has taken out those noted for removal. */
async function searchEntries(t: Installed): Promise<number> {
  await searchCleanupDone(db(t));
  expect(count(t, 'search_removals')).toBe(0);
  return count(t, 'search_index');
}

/** Every text value in every table (search index and audit log included), lower-cased. */
function everyStoredText(t: Installed): string {
  const tables = (db(t).prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  const parts: string[] = [];
  for (const table of tables) {
    for (const row of db(t).prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const cell of Object.values(row)) {
        if (typeof cell === 'string') parts.push(cell);
        else if (Buffer.isBuffer(cell)) parts.push(cell.toString('latin1'));
      }
    }
  }
  return parts.join('\n').toLowerCase();
}

async function listContacts(t: Installed): Promise<RecordSummary[]> {
  return value<ListPage>(await t.call('records.list', { entity: 'contact', limit: 200 })).rows;
}

describe('columns that are not mapped to a field in force', () => {
  it('stores none of their values anywhere and names each one as left out', async () => {
    const t = await signedInAdmin();
    const csv = [
      'First name,Last name,E-mail,BSN,Religion,Notes2',
      'Annelies,Terpstra,annelies@voorbeeld.nl,999990019,Quakermarker,Vertrouwelijkmarker',
      'Kees,Hoekstra,kees@voorbeeld.nl,999990020,Zenmarker,Geheimmarker',
    ].join('\n');

    const shown = await preview(t, 'contact', csv);
    expect(shown.headers).toEqual(['First name', 'Last name', 'E-mail', 'BSN', 'Religion', 'Notes2']);
    expect(shown.suggestedMapping).toEqual({
      'First name': 'first_name',
      'Last name': 'last_name',
      'E-mail': 'email',
      BSN: null,
      Religion: null,
      Notes2: null,
    });
    expect(shown.leftOut).toEqual(['BSN', 'Religion', 'Notes2']);
    expect(shown).toMatchObject({ totalRows: 2, validRows: 2, problems: [], duplicates: [] });
    expect(shown.sample[0]).toEqual({ row: 2, values: { first_name: 'Annelies', last_name: 'Terpstra', email: 'annelies@voorbeeld.nl' } });

    const summary = await runWith(t, 'contact', csv);
    expect(summary).toEqual({ imported: 2, merged: 0, skipped: 0, organisationsCreated: 0, failed: [], leftOut: ['BSN', 'Religion', 'Notes2'], cancelled: false });

    const rows = contactRows(t);
    expect(rows.map((r) => r.last_name)).toEqual(['Terpstra', 'Hoekstra']);
    expect(rows.every((r) => r.custom === null && r.notes === null)).toBe(true);
    const stored = everyStoredText(t);
    expect(stored).toContain('terpstra'); // the scan sees what was stored…
    for (const secret of ['999990019', '999990020', 'quakermarker', 'zenmarker', 'vertrouwelijkmarker', 'geheimmarker', 'religion', 'notes2']) {
      expect(stored, secret).not.toContain(secret); // …and none of what was left out, nor the column names
    }
    // Not in the database file either, free pages and WAL included.
    const file = dataPaths(t.dataDir).db;
    const key = t.core.requireActive().open.dek;
    expect(fileHoldsText(file, key, 'Terpstra')).toBe(true);
    expect(fileHoldsText(file, key, 'Quakermarker')).toBe(false);
    expect(fileHoldsText(file, key, '999990019')).toBe(false);

    const listed = await listContacts(t);
    expect(Object.keys(listed[0]!.values)).not.toContain('BSN');

    const entry = listAudit(db(t), 50).find((e: AuditEntry) => e.action === 'import.completed');
    expect(entry?.details).toEqual({ entity: 'contact', imported: 2, merged: 0, skipped: 0, failed: 0, leftOut: 3, organisationsCreated: 0 });
  });

  it('leaves out a column the user maps to nothing, even one that was suggested', async () => {
    const t = await signedInAdmin();
    const csv = 'Achternaam,Telefoon\nPostma,020 918 273 645\n';
    const summary = await runWith(t, 'contact', csv, { mapping: { Achternaam: 'last_name', Telefoon: null } });
    expect(summary.leftOut).toEqual(['Telefoon']);
    expect(contactRows(t)[0]).toMatchObject({ last_name: 'Postma', phone: null });
    expect(everyStoredText(t)).not.toContain('918 273 645');
  });
});

describe('rows that fail validation', () => {
  it('are reported with their row number and reason, and leave no trace while the other rows go in', async () => {
    const t = await signedInAdmin();
    await mayEditBirthDates(t);
    const csv = [
      'Voornaam;Achternaam;E-mailadres;Organisatie;Geboortedatum',
      'Sanne;Dekker;sanne@dekker.nl;Dekker Installatie;05-03-1980',
      'Spook;Onzichtbaarmarker;geen-adres;Spookbedrijfmarker BV;',
      'Ruud;Smeets;ruud@smeets.be;;1975-12-31',
      'Lot;;lot@example.nl;;vorig jaar',
      'Kees;Kuipers;;;31-02-1990',
      'Bob;Baker;;;12/31/1990',
    ].join('\r\n');

    const shown = await preview(t, 'contact', csv);
    expect(shown.totalRows).toBe(6);
    expect(shown.validRows).toBe(2);
    expect(shown.problems).toMatchObject([
      { row: 3, reason: 'E-mail: Not a valid e-mail address' },
      { row: 5, reason: 'Last name: This field is required; Date of birth: Not a date; write it as DD-MM-YYYY or YYYY-MM-DD' },
      // Written as a date, but February has no 31st: how to write it is not the problem.
      { row: 6, reason: 'Date of birth: No such day in the calendar' },
      // A day as American software writes it, month first.
      { row: 7, reason: 'Date of birth: This reads as month first (MM/DD/YYYY); write the day first, DD-MM-YYYY, or YYYY-MM-DD' },
    ]);
    // The same reasons one by one, by id, so the renderer can show them in Dutch.
    expect(shown.problems[1]?.reasons).toEqual([
      { field: { en: 'Last name', nl: 'Achternaam' }, message: { id: 'records.required' } },
      { field: { en: 'Date of birth', nl: 'Geboortedatum' }, message: { id: 'records.notADateCell' } },
    ]);
    expect(coreReasonsText(shown.problems[1]?.reasons ?? [], 'nl')).toBe(
      `Achternaam: ${CORE_MESSAGES_NL['records.required']}; Geboortedatum: ${CORE_MESSAGES_NL['records.notADateCell']}`,
    );
    expect(coreReasonsText(shown.problems[2]?.reasons ?? [], 'nl')).toBe('Geboortedatum: Deze dag bestaat niet');

    const summary = await runWith(t, 'contact', csv);
    expect(summary.imported).toBe(2);
    expect(summary.failed).toEqual(shown.problems);
    expect(summary.organisationsCreated).toBe(1);
    expect(contactRows(t).map((r) => [r.last_name, r.birth_date])).toEqual([
      ['Dekker', '1980-03-05'],
      ['Smeets', '1975-12-31'],
    ]);
    // The bad row's organisation was not created, and its values are nowhere.
    expect((db(t).prepare('SELECT name FROM organisations').all() as { name: string }[]).map((r) => r.name)).toEqual(['Dekker Installatie']);
    const stored = everyStoredText(t);
    expect(stored).not.toContain('onzichtbaarmarker');
    expect(stored).not.toContain('spookbedrijfmarker');
    expect(fileHoldsText(dataPaths(t.dataDir).db, t.core.requireActive().open.dek, 'Onzichtbaarmarker')).toBe(false);
  });

  it('does not guess a day written either way round in a column that writes the month first elsewhere', async () => {
    const t = await signedInAdmin();
    await mayEditBirthDates(t);
    const csv = [
      'First name,Last name,Date of birth',
      'Amy,Adams,12/31/1990',
      'Ben,Brooks,05/06/1991',
      'Cas,Cole,07/07/1992',
      'Dee,Dunn,1993-02-01',
      // Written with another mark: no month first was seen with "-", so it reads day first.
      'Eva,Evers,04-03-1994',
    ].join('\n');
    const shown = await preview(t, 'contact', csv);
    expect(shown.problems.map((problem) => [problem.row, problem.reasons[0]?.message.id])).toEqual([
      [2, 'records.monthFirstCell'],
      [3, 'records.eitherWayCell'],
    ]);
    expect(shown.problems[1]?.reason).toBe('Date of birth: This could be either day: row 2 of this column writes the month first (12/31/1990); write it as YYYY-MM-DD');
    expect(coreReasonsText(shown.problems[0]?.reasons ?? [], 'nl')).toBe('Geboortedatum: Dit staat met de maand eerst (MM/DD/JJJJ); schrijf de dag eerst, DD-MM-JJJJ, of JJJJ-MM-DD');
    await runWith(t, 'contact', csv);
    expect(contactRows(t).map((r) => [r.last_name, r.birth_date])).toEqual([
      ['Cole', '1992-07-07'],
      ['Dunn', '1993-02-01'],
      ['Evers', '1994-03-04'],
    ]);
  });

  it('reports a row with more cells than the header has columns', async () => {
    const t = await signedInAdmin();
    const csv = 'Achternaam,E-mail\nBos,bos@example.nl\nVos,vos@example.nl,extra\nMol,mol@example.nl,,\n';
    const summary = await runWith(t, 'contact', csv);
    expect(summary.failed).toMatchObject([{ row: 3, reason: 'This row has 3 cells but the header has 2 columns' }]);
    expect(contactRows(t).map((r) => r.last_name)).toEqual(['Bos', 'Mol']);
  });

  it('refuses to run when no column is mapped to a required field, and the preview says why on row 1', async () => {
    const t = await signedInAdmin();
    const csv = 'Voornaam,E-mail\nAnna,anna@example.nl\n';
    const shown = await preview(t, 'contact', csv);
    expect(shown.validRows).toBe(0);
    expect(shown.problems).toMatchObject([{ row: 1, reason: 'Last name: no column is mapped to it, and every contact needs one' }]);
    const refused = errorOf(await t.call('import.run', { entity: 'contact', file: b64(csv), mapping: shown.suggestedMapping, duplicates: 'skip', jobId: nextJobId() }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('Last name');
    expect(count(t, 'contacts')).toBe(0);
  });
});

describe('files that are not a readable CSV', () => {
  const cases: [string, Buffer, string][] = [
    ['an empty file', Buffer.alloc(0), 'The file is empty.'],
    ['only blank lines', Buffer.from('\r\n\r\n'), 'The file is empty.'],
    ['a header without rows', Buffer.from('Voornaam;Achternaam\r\n'), 'The file has a header but no rows.'],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'This is not a CSV file: it contains binary data.'],
    ['control bytes without NUL', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0x03 : 0x41))), 'This is not a CSV file: it contains binary data.'],
    ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Achternaam\r\nJansen\r\n', 'utf16le')]), 'The file is UTF-16 text, which Kluis cannot read. Save it as "CSV UTF-8" and try again.'],
    ['UTF-16 text without a byte order mark', Buffer.from('Achternaam\r\nJansen\r\n', 'utf16le'), 'The file is UTF-16 text, which Kluis cannot read. Save it as "CSV UTF-8" and try again.'],
    ['only a DOS end-of-file mark', Buffer.from([0x1a]), 'The file is empty.'],
  ];

  it.each(cases)('refuses %s with a clear message, in preview and run, and writes nothing', async (_name, bytes, message) => {
    const t = await signedInAdmin();
    const file = bytes.toString('base64');
    const messageId = (Object.keys(CORE_MESSAGES) as CoreMessageId[]).find((id) => CORE_MESSAGES[id] === message);
    expect(messageId, 'a catalogue message, so the renderer can show it in Dutch').toBeDefined();
    expect(errorOf(await t.call('import.preview', { entity: 'contact', file }))).toEqual({ code: 'VALIDATION', message, messageId });
    const run = await t.call('import.run', { entity: 'contact', file, mapping: {}, duplicates: 'skip', jobId: nextJobId() });
    expect(errorOf(run)).toEqual({ code: 'VALIDATION', message, messageId });
    expect(count(t, 'contacts')).toBe(0);
  });

  it("reads Dutch Excel's plain CSV (Windows-1252) instead of refusing it", async () => {
    const t = await signedInAdmin();
    // The bytes Excel writes: é = 0xE9, ë = 0xEB, ü = 0xFC, € = 0x80 (where latin-1 has a control code).
    const bytes = Buffer.from([
      ...Buffer.from('Voornaam;Achternaam;Functie\r\n'),
      ...Buffer.from('Ren'), 0xe9, ...Buffer.from(';M'), 0xfc, ...Buffer.from('ller;Co'), 0xeb, ...Buffer.from('rdinator '), 0x80, ...Buffer.from('\r\n'),
    ]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // not UTF-8 indeed
    expect(decodeCsvFile(bytes.toString('base64'))).toBe('Voornaam;Achternaam;Functie\r\nRené;Müller;Coërdinator €\r\n');
    expect(decodeWindows1252(Buffer.from([0x80, 0x8a, 0x91, 0x93, 0x94, 0x96, 0x9f, 0xe9]))).toBe('€Š‘“”–Ÿé');
    const summary = value<ImportSummary>(
      await t.call('import.run', { entity: 'contact', file: bytes.toString('base64'), mapping: (await preview(t, 'contact', bytes)).suggestedMapping, duplicates: 'skip', jobId: nextJobId() }),
    );
    expect(summary.imported).toBe(1);
    expect(contactRows(t)[0]).toMatchObject({ first_name: 'René', last_name: 'Müller', job_title: 'Coërdinator €' });
  });

  it('reads UTF-8 with a damaged byte as UTF-8, not as Windows-1252, and refuses only the row with the damage', async () => {
    const t = await signedInAdmin();
    const rows = ['Voornaam;Achternaam', 'Renée;Šťastný', 'Jiří;Novák'];
    const damaged = (bom: boolean) =>
      Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(`${rows.join('\r\n')}\r\nJos;Dam`), Buffer.from([0xe9]), Buffer.from('\r\n')]);
    for (const bom of [true, false]) {
      expect(decodeCsvFile(damaged(bom).toString('base64'))).toBe(`${rows.join('\r\n')}\r\nJos;Dam\uFFFD\r\n`);
      const shown = await preview(t, 'contact', damaged(bom));
      expect(shown.suggestedMapping).toEqual({ Voornaam: 'first_name', Achternaam: 'last_name' });
      expect(shown.validRows).toBe(2);
      expect(shown.problems).toMatchObject([{ row: 4, reason: 'Last name: Holds characters that could not be read: the file is damaged here, or not saved as UTF-8' }]);
    }
    const summary = await runWith(t, 'contact', damaged(true));
    expect(summary).toMatchObject({ imported: 2, failed: [{ row: 4 }] });
    expect(contactRows(t).map((row) => row.last_name)).toEqual(['Šťastný', 'Novák']);
  });

  it('refuses a spreadsheet’s error value as a cell, and takes an address as a mail program copies it', async () => {
    const t = await signedInAdmin();
    const csv = 'Achternaam;E-mailadres\n#NAAM?;a@x.nl\nKuipers;Kees Kuipers <kees@kuipers.nl>\nSmit;<lot@smit.nl>\nVos;<geen adres>\nDam;#N/A\n';
    const shown = await preview(t, 'contact', csv);
    expect(shown.problems).toMatchObject([
      { row: 2, reason: 'Last name: #NAAM? is an error of the spreadsheet the file comes from, not a value: correct the cell there' },
      { row: 5, reason: 'E-mail: Not a valid e-mail address' },
      { row: 6, reason: 'E-mail: #N/A is an error of the spreadsheet the file comes from, not a value: correct the cell there' },
    ]);
    expect((await runWith(t, 'contact', csv)).imported).toBe(2);
    expect(contactRows(t).map((row) => row.email)).toEqual(['kees@kuipers.nl', 'lot@smit.nl']);
  });

  it('reads one good accented letter and one damaged byte as UTF-8 too', () => {
    const bytes = Buffer.concat([Buffer.from('Voornaam;Achternaam\r\nJosé;Smit\r\nBa'), Buffer.from([0xc3]), Buffer.from('kker;Jansen\r\n')]);
    expect(decodeCsvFile(bytes.toString('base64'))).toBe('Voornaam;Achternaam\r\nJosé;Smit\r\nBa\uFFFDkker;Jansen\r\n');
  });

  it('takes no row from a DOS end-of-file mark at the end of a file', async () => {
    const t = await signedInAdmin();
    const shown = await preview(t, 'contact', Buffer.concat([Buffer.from('Achternaam\r\nJansen\r\n'), Buffer.from([0x1a])]));
    expect(shown).toMatchObject({ totalRows: 1, validRows: 1, problems: [] });
  });

  it('names the row where a quote is never closed', async () => {
    const t = await signedInAdmin();
    const csv = 'Achternaam;Notities\nJansen;ok\nDe Wit;"begint hier\nen gaat door\n';
    const error = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv) }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^Row 3 has a quote \(".*never closed/);
  });

  it('refuses more than 50 MB', () => {
    const tooBig = Buffer.alloc(MAX_FILE_BYTES + 1, 'a').toString('base64');
    expect(() => decodeCsvFile(tooBig)).toThrow(/larger than 50 MB/);
    expect(decodeCsvFile(b64('\uFEFFAchternaam\nJansen'))).toBe('Achternaam\nJansen');
  });
});

describe('reading CSV as Excel writes it', () => {
  it("reads ';' with quoted cells, doubled quotes, line breaks inside cells and CRLF, numbering rows as a spreadsheet does", async () => {
    const t = await signedInAdmin();
    const csv =
      '\uFEFFVoornaam;Achternaam;E-mailadres;Organisatie;Notities\r\n' +
      'Jan;"de Vries; jr.";jan@devries.nl;"Bakkerij ""De Korf""";"regel een\r\nregel twee"\r\n' +
      '"Els";Jansen;els@jansen.nl;;\r\n' +
      'Fout;Adres;fout@;;\r\n';
    const shown = await preview(t, 'contact', csv);
    expect(shown.headers).toEqual(['Voornaam', 'Achternaam', 'E-mailadres', 'Organisatie', 'Notities']);
    expect(shown.totalRows).toBe(3);
    expect(shown.problems).toMatchObject([{ row: 4, reason: 'E-mail: Not a valid e-mail address' }]);
    expect(shown.sample[0]).toEqual({
      row: 2,
      values: { first_name: 'Jan', last_name: 'de Vries; jr.', email: 'jan@devries.nl', organisation_id: 'Bakkerij "De Korf"', notes: 'regel een\r\nregel twee' },
    });

    const summary = await runWith(t, 'contact', csv);
    expect(summary).toMatchObject({ imported: 2, organisationsCreated: 1, leftOut: [] });
    const listed = (await listContacts(t)).find((c) => c.values.email === 'jan@devries.nl');
    // A list row carries the list's columns; the notes are on the contact's own page.
    const jan = value<RecordDetail>(await t.call('records.get', { entity: 'contact', id: listed?.id ?? -1 })).record;
    expect(jan.values).toMatchObject({ first_name: 'Jan', last_name: 'de Vries; jr.', notes: 'regel een\nregel twee' });
    expect(jan.refs.organisation_id?.title).toBe('Bakkerij "De Korf"');
  });

  it('detects the delimiter from the first lines', () => {
    expect(parseCsv('a,b,c\n1,2,3').delimiter).toBe(',');
    expect(parseCsv('a;b;"c,d"\n1;2;3').delimiter).toBe(';');
    expect(parseCsv('a\tb\tc\n1\t2\t3').delimiter).toBe('\t');
    expect(parseCsv('a;b\n1;2').records).toEqual([{ row: 2, cells: ['1', '2'] }]);
    // A blank line still takes a spreadsheet row, so the numbers match what the user sees.
    expect(parseCsv('a\n1\n\n2').records.map((r) => r.row)).toEqual([2, 4]);
    expect(parseCsv('a,,b\n1,,2').columns.map((c) => c.header)).toEqual(['a', 'b']);
    expect(parseCsv('a,a,\n1,2,3').columns.map((c) => c.header)).toEqual(['a', 'a (2)', 'Column 3']);
  });

  it('looks past a blank first line, and prefers the delimiter that splits the rows like the header', () => {
    expect(parseCsv('\r\nAchternaam;Voornaam;E-mail\r\nJansen;Piet;piet@example.nl\r\n')).toMatchObject({
      delimiter: ';',
      headerRow: 2,
      columns: [{ header: 'Achternaam' }, { header: 'Voornaam' }, { header: 'E-mail' }],
      records: [{ row: 3, cells: ['Jansen', 'Piet', 'piet@example.nl'] }],
    });
    // Three cells on ',' and on ';' in the header; only ';' gives the rows three cells too.
    const commasInHeader = parseCsv('Achternaam, voornaam;Straat, nr;E-mail\nJansen Piet;Dorpsstraat 1;piet@example.nl\nBos Els;Kade 2;els@example.nl\n');
    expect(commasInHeader.delimiter).toBe(';');
    expect(commasInHeader.columns.map((c) => c.header)).toEqual(['Achternaam, voornaam', 'Straat, nr', 'E-mail']);
    expect(commasInHeader.records[0]?.cells).toEqual(['Jansen Piet', 'Dorpsstraat 1', 'piet@example.nl']);
    // A comma file with a ';' in a header cell stays a comma file.
    expect(parseCsv('Naam;roepnaam,E-mail\nJansen,a@b.nl\nBos,c@d.nl\n').delimiter).toBe(',');
  });

  it("honours Excel's sep= first line and hides it, as Excel does", () => {
    const parsed = parseCsv('sep=;\r\nAchternaam, voornaam;E-mail\r\nJansen, Piet;piet@example.nl\r\n');
    expect(parsed).toMatchObject({ delimiter: ';', headerRow: 1, records: [{ row: 2, cells: ['Jansen, Piet', 'piet@example.nl'] }] });
    expect(parsed.columns.map((c) => c.header)).toEqual(['Achternaam, voornaam', 'E-mail']);
    expect(parseCsv('SEP=,\nA;B,C\n1;2,3\n').columns.map((c) => c.header)).toEqual(['A;B', 'C']);
  });

  it('reads a file of one column whole, also when its names hold unquoted commas', async () => {
    // Dutch Excel writes ';' files and leaves a comma in a cell unquoted.
    const csv = 'Naam\r\nJansen, de Vries & Partners\r\nBakkerij Bos\r\nSmit, Zn.\r\n';
    expect(parseCsv(csv).records.map((r) => r.cells)).toEqual([['Jansen, de Vries & Partners'], ['Bakkerij Bos'], ['Smit, Zn.']]);
    const t = await signedInAdmin();
    const summary = await runWith(t, 'organisation', csv);
    expect(summary).toMatchObject({ imported: 3, failed: [] });
    const names = (db(t).prepare('SELECT name FROM organisations ORDER BY id').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['Jansen, de Vries & Partners', 'Bakkerij Bos', 'Smit, Zn.']);
  });

  it('shortens a header as long as a survey question, so the file still previews and imports', async () => {
    const question = `Hoe ${'heel '.repeat(60)}tevreden bent u? 😀`;
    const csv = `Achternaam;${question}\nJansen;ja\n`;
    const [kept, long] = parseCsv(csv).columns.map((c) => c.header);
    expect(kept).toBe('Achternaam');
    expect(long!.length).toBeLessThanOrEqual(COLUMN_NAME_MAX - 40);
    expect(long!.endsWith('…')).toBe(true);
    expect(question.startsWith(long!.slice(0, -1))).toBe(true);
    const t = await signedInAdmin();
    const shown = await preview(t, 'contact', csv);
    expect(shown.headers).toEqual(['Achternaam', long]);
    // Left out as suggested, and mapped by the name the preview showed.
    expect(await runWith(t, 'contact', csv)).toMatchObject({ imported: 1, leftOut: [long] });
    expect(await runWith(t, 'contact', csv, { mapping: { Achternaam: 'last_name', [long!]: 'job_title' }, duplicates: 'merge' })).toMatchObject({ merged: 1 });
    expect(contactRows(t).map((r) => r.job_title)).toEqual(['ja']);
  });

  it('gives every column a name of its own, also when a header already looks renamed', async () => {
    expect(parseCsv('Naam;Naam;Naam (2)\na;b;c').columns.map((c) => c.header)).toEqual(['Naam', 'Naam (3)', 'Naam (2)']);
    expect(parseCsv('Naam,naam,NAAM\na,b,c').columns.map((c) => c.header)).toEqual(['Naam', 'naam (2)', 'NAAM (3)']);
    const t = await signedInAdmin();
    const csv = 'Achternaam;Naam;Naam;Naam (2)\nJansen;a;b;c\n';
    const shown = await preview(t, 'contact', csv);
    expect(shown.headers).toEqual(['Achternaam', 'Naam', 'Naam (3)', 'Naam (2)']);
    // Each column can be mapped on its own.
    const summary = await runWith(t, 'contact', csv, { mapping: { Achternaam: 'last_name', Naam: null, 'Naam (3)': 'first_name', 'Naam (2)': 'job_title' } });
    expect(summary).toMatchObject({ imported: 1, leftOut: ['Naam'] });
    expect(contactRows(t)[0]).toMatchObject({ last_name: 'Jansen', first_name: 'b', job_title: 'c' });
  });

  it('converts amounts, dates, yes/no and options as people write them', async () => {
    expect(['12,50', '12.50', '€ 1.234,56', '1,234.56', '1.234', '-5', 'EUR 7'].map((text) => parseMoney(text))).toEqual([1250, 1250, 123456, 123456, 123400, -500, 700]);
    expect(['12,345', 'abc', '1.2.3', '0,125'].map((text) => parseMoney(text))).toEqual([1234500, null, null, null]);
    // Whole euros as a Dutch price list writes them.
    expect(['€ 1.250,-', '25,-', '25,\u2013'].map((text) => parseMoney(text, ','))).toEqual([125000, 2500, 2500]);
    // In a ';' file (Dutch Excel) the comma is the decimal mark: "1,234" has three decimals, no thousand.
    expect(['12,50', '1.234', '€ 1.234,56', '1,234', '12,345'].map((text) => parseMoney(text, ','))).toEqual([1250, 123400, 123456, null, null]);
    expect(['1.250', '1,250', '1250'].map((text) => parseInteger(text))).toEqual([1250, 1250, 1250]);
    expect(['1.250', '1,250', '1250'].map((text) => parseInteger(text, ','))).toEqual([1250, null, 1250]);
    expect(['2024-02-29', '29-02-2024', '29/02/2024', '1-3-2024', '30-02-2024', '2024-13-01'].map(parseDate)).toEqual([
      '2024-02-29',
      '2024-02-29',
      '2024-02-29',
      '2024-03-01',
      null,
      null,
    ]);

    const t = await signedInAdmin();
    await mayEditBirthDates(t);
    const csv = 'Achternaam,Voorkeurstaal,Geboortedatum\nDuits,Deutsch?,\nPeeters,Nederlands,12/08/1969\nMaes,FR,\nWouters,engels,\n';
    const summary = await runWith(t, 'contact', csv);
    // The choices as a reader names them, in the reader's language: codes mean nothing to whoever typed "Deutsch?".
    expect(summary.failed).toMatchObject([{ row: 2, reason: 'Preferred language: Choose one of: Dutch, English, French, German' }]);
    expect(summary.failed[0]!.reasons[0]!.message).toMatchObject({ id: 'records.chooseOption', values: { options: { nl: 'Nederlands, Engels, Frans, Duits' } } });
    expect(contactRows(t).map((r) => [r.last_name, r.preferred_language, r.birth_date])).toEqual([
      ['Peeters', 'nl', '1969-08-12'],
      ['Maes', 'fr', null],
      ['Wouters', 'en', null],
    ]);
  });
});

describe('headers that are names of JavaScript’s own', () => {
  it('are columns like any other: "__proto__" goes by its number, and "constructor" left out of a mapping is left out', async () => {
    const t = await signedInAdmin();
    const csv = 'Voornaam,Achternaam,__proto__,constructor,toString\nAnna,Bos,x,y,z\n';
    const shown = await preview(t, 'contact', csv);
    expect(shown.headers).toEqual(['Voornaam', 'Achternaam', 'Column 3 (__proto__)', 'constructor', 'toString']);
    // The suggested mapping goes back through the wall as the window sends it.
    const summary = await runWith(t, 'contact', csv, { mapping: JSON.parse(JSON.stringify(shown.suggestedMapping)) as Mapping });
    expect(summary).toMatchObject({ imported: 1, leftOut: ['Column 3 (__proto__)', 'constructor', 'toString'] });
    const partial = await runWith(t, 'contact', 'Voornaam,Achternaam,constructor\nPiet,Smit,y\n', { mapping: { Voornaam: 'first_name', Achternaam: 'last_name' } });
    expect(partial).toMatchObject({ imported: 1, leftOut: ['constructor'] });
  });
});

describe('numbers in a custom field', () => {
  it("read '1,250' as a thousand and a quarter where the file's decimal mark is a comma (';' files), and as 1250 elsewhere", async () => {
    const t = await signedInAdmin();
    value(
      await t.call('fields.addCustom', {
        entity: 'organisation',
        label: { en: 'Employees', nl: 'Medewerkers' },
        type: 'integer',
        purpose: { en: 'Sizing the offer', nl: 'Het aanbod afstemmen' },
        legalBasis: 'legitimateInterest',
        sensitivity: 'normal',
        retention: { en: 'While the relationship lasts', nl: 'Zolang de relatie duurt' },
      }),
    );
    const dutch = await runWith(t, 'organisation', 'Naam;Medewerkers\nBakkerij Smit;1.250\nDrukkerij Hofstede;1,250\n');
    expect(dutch).toMatchObject({ imported: 1, failed: [{ row: 3, reason: 'Employees: Expected a whole number' }] });
    const english = await runWith(t, 'organisation', 'Name,Employees\nZagerij Dekker,"1,250"\n');
    expect(english).toMatchObject({ imported: 1, failed: [] });
    const stored = db(t).prepare("SELECT name, json_extract(custom, '$.' || (SELECT key FROM custom_fields LIMIT 1)) AS employees FROM organisations ORDER BY id").all();
    expect(stored).toEqual([
      { name: 'Bakkerij Smit', employees: 1250 },
      { name: 'Zagerij Dekker', employees: 1250 },
    ]);
  });
});

describe('a file Kluis exported', () => {
  it('imports again as it was: the apostrophe the export put before a formula-like cell comes off', async () => {
    const from = await signedInAdmin();
    value(await from.call('records.create', { entity: 'contact', values: { first_name: 'Lotte', last_name: 'Peeters', phone: '+32 470 12 34 56', job_title: '-Hoofd- inkoop' } }));
    const exported = value<{ csv: string }>(await from.call('records.export', { entity: 'contact' })).csv;
    expect(exported).toContain("'+32 470 12 34 56"); // defused for spreadsheets…

    const to = await signedInAdmin();
    const summary = await runWith(to, 'contact', exported);
    expect(summary).toMatchObject({ imported: 1, failed: [] });
    expect(contactRows(to)[0]).toMatchObject({ first_name: 'Lotte', phone: '+32 470 12 34 56', job_title: '-Hoofd- inkoop' }); // …and back as it was
    // So do those the export put after a "," or ";" inside a text, in either language's file.
    const inside = { first_name: 'Bas', last_name: 'Smit, -10%', job_title: 'a;=1+1', notes: 'Let op; @home, +31' };
    value(await from.call('records.create', { entity: 'contact', values: inside }));
    for (const language of ['nl', 'en']) {
      const back = await signedInAdmin();
      const file = value<{ csv: string }>(await from.call('records.export', { entity: 'contact', language })).csv;
      expect(file).toContain("Smit, '-10%");
      expect((await runWith(back, 'contact', file)).failed).toEqual([]);
      expect(contactRows(back).filter((row) => row.first_name === 'Bas')).toEqual([expect.objectContaining(inside)]);
    }
    // Only that apostrophe: one before anything else is the user's own.
    const own = await runWith(to, 'contact', "Achternaam,Functie\n't Hart,'s avonds\n");
    expect(own.imported).toBe(1);
    expect(contactRows(to)[1]).toMatchObject({ last_name: "'t Hart", job_title: "'s avonds" });
  });
});

describe('countries', () => {
  it('are stored as their two-letter code when written as a name, in Dutch, English or French, any case or accents', async () => {
    expect(['Nederland', 'BELGIË', 'belgie', 'Belgique', 'Pays-Bas', 'Duitsland', 'Allemagne', 'Germany', 'frankrijk', 'Luxemburg', 'Verenigd Koninkrijk', 'Royaume-Uni', 'UK', 'nl', 'Es'].map(parseCountry)).toEqual([
      'NL', 'BE', 'BE', 'BE', 'NL', 'DE', 'DE', 'DE', 'FR', 'LU', 'GB', 'GB', 'GB', 'NL', 'ES',
    ]);
    expect(['Nergensland', 'N.L.', 'Nederland en België', 'XX', 'EU', 'zz'].map(parseCountry)).toEqual([null, null, null, null, null, null]);

    const t = await signedInAdmin();
    const csv = 'Naam;Land\nJanssens NV;België\nDe Vries BV;Nederland\nMüller GmbH;DE\nNiemand BV;Nergensland\n';
    const shown = await preview(t, 'organisation', csv);
    expect(shown.problems).toMatchObject([{ row: 5, reason: 'Country: Not a country Kluis knows; write its two-letter code, such as NL or BE' }]);
    expect(coreReasonsText(shown.problems[0]?.reasons ?? [], 'nl')).toBe('Land: Geen land dat Kluis kent; schrijf de landcode van twee letters, zoals NL of BE');
    const summary = await runWith(t, 'organisation', csv);
    expect(summary.imported).toBe(3);
    expect(db(t).prepare('SELECT name, country FROM organisations ORDER BY id').all()).toEqual([
      { name: 'Janssens NV', country: 'BE' },
      { name: 'De Vries BV', country: 'NL' },
      { name: 'Müller GmbH', country: 'DE' },
    ]);
  });
});

describe('mapping suggestions', () => {
  it('suggests fields for Dutch and English headers, each field once', async () => {
    const t = await signedInAdmin();
    await mayEditBirthDates(t);
    const contact = await preview(t, 'contact', 'Voornaam;Achternaam;E-mailadres;Organisatie;Functie;Telefoon;Geboortedatum;Taal;E-mail\nA;B;a@b.nl;C;D;0612345678;01-01-1990;nl;x@y.nl\n');
    expect(contact.suggestedMapping).toEqual({
      Voornaam: 'first_name',
      Achternaam: 'last_name',
      'E-mailadres': 'email',
      Organisatie: 'organisation_id',
      Functie: 'job_title',
      Telefoon: 'phone',
      Geboortedatum: 'birth_date',
      Taal: 'preferred_language',
      'E-mail': null,
    });
    expect(contact.leftOut).toEqual(['E-mail']);

    const organisation = await preview(t, 'organisation', 'Bedrijfsnaam,KvK-nummer,Plaats,Website,Branche\nDe Korf,12345678,Zwolle,www.dekorf.nl,Bakkerij\n');
    expect(organisation.suggestedMapping).toEqual({
      Bedrijfsnaam: 'name',
      'KvK-nummer': 'registration_number',
      Plaats: 'city',
      Website: 'website',
      Branche: 'industry',
    });
    const summary = await runWith(t, 'organisation', 'Bedrijfsnaam,KvK-nummer,Plaats,Website,Branche\nDe Korf,12345678,Zwolle,www.dekorf.nl,Bakkerij\n');
    expect(summary.imported).toBe(1);
    expect(db(t).prepare('SELECT name, website, city FROM organisations').get()).toEqual({ name: 'De Korf', website: 'https://www.dekorf.nl', city: 'Zwolle' });
  });

  it('takes a field’s own label over a loose alias earlier in the file, and knows the Belgian and Dutch words offices use', async () => {
    const t = await signedInAdmin();
    // "Naam" could be a last name, but "Achternaam" is one: a full name fits no single field.
    const named = await preview(t, 'contact', 'Naam;Voornaam;Achternaam;E-mail adres;GSM;Firma;Opmerking\nJan de Vries;Jan;de Vries;jan@vries.be;0470 12 34 56;Vries NV;belt terug\n');
    expect(named.suggestedMapping).toEqual({
      Naam: null,
      Voornaam: 'first_name',
      Achternaam: 'last_name',
      'E-mail adres': 'email',
      GSM: 'phone',
      Firma: 'organisation_id',
      Opmerking: 'notes',
    });
    expect(named.leftOut).toEqual(['Naam']);
    // "Telefoon" is the field's label; "Mobiel" only an alias.
    expect((await preview(t, 'contact', 'Achternaam;Mobiel;Telefoon\nJansen;06 1;020 2\n')).suggestedMapping).toEqual({ Achternaam: 'last_name', Mobiel: null, Telefoon: 'phone' });
  });

  it('says why a column is left out when it holds a field the importer may not fill in', async () => {
    const t = await signedInAdmin();
    // The administrator sees dates of birth masked, so cannot fill one in.
    const shown = await preview(t, 'contact', 'Achternaam;Geboortedatum;Hobby\nJansen;01-01-1980;zeilen\n');
    expect(shown.suggestedMapping).toEqual({ Achternaam: 'last_name', Geboortedatum: null, Hobby: null });
    expect(shown.leftOut).toEqual(['Geboortedatum', 'Hobby']);
    expect(shown.notEditable).toEqual([{ column: 'Geboortedatum', field: { en: 'Date of birth', nl: 'Geboortedatum' } }]);
    expect(shown.editableFields).toContain('last_name');
    expect(shown.editableFields).not.toContain('birth_date');
    // Granted since: the preview says so, and the mapping offers the field (a window opened before does not know).
    await mayEditBirthDates(t);
    const granted = await preview(t, 'contact', 'Achternaam;Geboortedatum\nJansen;01-01-1980\n');
    expect(granted.notEditable).toEqual([]);
    expect(granted.editableFields).toContain('birth_date');
  });

  it('never suggests nor accepts a field that is switched off', async () => {
    const t = await signedInAdmin();
    value(await t.call('fields.setEnabled', { entity: 'contact', field: 'job_title', enabled: false, confirmValueCount: 0 }));
    const csv = 'Achternaam,Functie\nPostma,Directeur\n';
    const shown = await preview(t, 'contact', csv);
    expect(shown.suggestedMapping).toEqual({ Achternaam: 'last_name', Functie: null });
    expect(shown.leftOut).toEqual(['Functie']);

    const mapping = { Achternaam: 'last_name', Functie: 'job_title' };
    const refusedPreview = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv), mapping }));
    expect(refusedPreview.code).toBe('VALIDATION');
    expect(refusedPreview.message).toContain('Job title');
    expect(refusedPreview.message).toContain('switched off');
    const refusedRun = errorOf(await t.call('import.run', { entity: 'contact', file: b64(csv), mapping, duplicates: 'skip', jobId: nextJobId() }));
    expect(refusedRun).toEqual(refusedPreview);
    expect(count(t, 'contacts')).toBe(0);

    // The suggested mapping imports the rest and leaves the column out.
    const summary = await runWith(t, 'contact', csv);
    expect(summary).toMatchObject({ imported: 1, leftOut: ['Functie'] });
    expect(everyStoredText(t)).not.toContain('directeur');
  });

  it('refuses a mapping to an unknown field, to one field twice, or naming a column the file lacks', async () => {
    const t = await signedInAdmin();
    const csv = 'Achternaam,Schoenmaat,Naam\nPostma,44,Piet\n';
    const unknown = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv), mapping: { Achternaam: 'last_name', Schoenmaat: 'shoe_size' } }));
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.message).toContain('"shoe_size"');
    const system = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv), mapping: { Achternaam: 'last_name', Schoenmaat: 'owner_id' } }));
    expect(system.message).toContain('"owner_id"');
    const twice = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv), mapping: { Achternaam: 'last_name', Naam: 'last_name' } }));
    expect(twice.message).toContain('Two columns are mapped to Last name');
    const missing = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv), mapping: { Achternaam: 'last_name', Telefoon: 'phone' } }));
    expect(missing.message).toContain('"Telefoon"');
  });
});

describe('duplicates by e-mail', () => {
  const csv = [
    'Voornaam,Achternaam,E-mail,Telefoon,Functie',
    'Piet,Jansen,PIET@example.nl,06 11111111,',
    'Nina,Nieuw,nina@example.nl,,Inkoper',
    'Nina,Nieuw,Nina@Example.nl,06 22222222,',
  ].join('\n');

  async function withExisting(): Promise<{ t: Installed; existing: RecordView }> {
    const t = await signedInAdmin();
    const existing = value<RecordView>(
      await t.call('records.create', { entity: 'contact', values: { first_name: 'Pieter', last_name: 'Jansen', email: 'piet@example.nl', job_title: 'Eigenaar' } }),
    );
    return { t, existing };
  }

  it('are flagged in the preview: an existing contact or an earlier row', async () => {
    const { t } = await withExisting();
    const shown = await preview(t, 'contact', csv);
    expect(shown.duplicates).toEqual([
      { row: 2, value: 'PIET@example.nl' },
      // An earlier row's match says which: merged, the two meet in one record.
      { row: 4, value: 'Nina@Example.nl', sameAs: 3 },
    ]);
    expect(shown.validRows).toBe(3);
    expect(shown.withoutMatch).toBe(0);
    // Matched as stored: an address as a mail program copies it is the address.
    const copied = await preview(t, 'contact', `${csv}\nJan,Dup,Piet Jansen <piet@example.nl>,,`);
    expect(copied.duplicates.map((d) => d.row)).toEqual([2, 4, 5]);
    // A row without an address is matched by name and organisation (below): Pieter Jansen, at none, is there.
    const withoutAddress = await preview(t, 'contact', `${csv}\nPieter,Jansen,,,\nAnna,Smit,,,`);
    expect(withoutAddress).toMatchObject({ validRows: 5, withoutMatch: 0 });
    expect(withoutAddress.duplicates.map((d) => d.value)).toEqual(['PIET@example.nl', 'Nina@Example.nl', 'Pieter Jansen']);
  });

  it('are skipped when the user chooses skip', async () => {
    const { t, existing } = await withExisting();
    const summary = await runWith(t, 'contact', csv, { duplicates: 'skip' });
    expect(summary).toMatchObject({ imported: 1, merged: 0, skipped: 2, failed: [] });
    expect(contactRows(t).map((r) => [r.first_name, r.email, r.phone])).toEqual([
      ['Pieter', 'piet@example.nl', null],
      ['Nina', 'nina@example.nl', null],
    ]);
    expect(contactRows(t)[0]).toMatchObject({ id: existing.id, updated_at: existing.updatedAt });
  });

  it('are merged when the user chooses merge: only non-empty imported values change the contact', async () => {
    const { t, existing } = await withExisting();
    const summary = await runWith(t, 'contact', csv, { duplicates: 'merge' });
    expect(summary).toMatchObject({ imported: 1, merged: 2, skipped: 0, failed: [] });
    expect(contactRows(t).map((r) => [r.id, r.first_name, r.email, r.phone, r.job_title])).toEqual([
      [existing.id, 'Piet', 'piet@example.nl', '06 11111111', 'Eigenaar'],
      [existing.id + 1, 'Nina', 'nina@example.nl', '06 22222222', 'Inkoper'],
    ]);

    // Undone, the import says how its records went: Nina (new, her second row merged into her
    // first) removed, Piet as he was before.
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.counts).toEqual({ back: 0, gone: 1, changed: 1 });
    expect(contactRows(t).map((r) => [r.id, r.first_name, r.phone])).toEqual([[existing.id, 'Pieter', null]]);
  });
});

describe('duplicates by name and organisation, for a contact without an e-mail address', () => {
  const csv = [
    'Voornaam,Achternaam,E-mail,Organisatie,Telefoon',
    'jan,DE VRIES,,bakkerij noord,06 11111111',
    'Jan,de Vries,,Smederij Zuid,',
    'Jan,de Vríes,,Smederij Zuid,06 22222222',
    'Jan,de Vries,,,06 33333333',
    'Anna,Smit,,Bakkerij Noord,',
    'Jan,de Vries,jan@zuid.nl,Smederij Zuid,',
  ].join('\n');

  async function withExisting(): Promise<{ t: Installed; atNoord: RecordView; atNone: RecordView }> {
    const t = await signedInAdmin();
    const noord = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Noord' } }));
    const atNoord = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Jan', last_name: 'de Vries', organisation_id: noord.id } }));
    const atNone = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Jan', last_name: 'de Vries', email: 'jan@vries.nl' } }));
    return { t, atNoord, atNone };
  }

  it('are flagged in the preview: the same name at the same organisation (or at none), ignoring case and accents', async () => {
    const { t } = await withExisting();
    const shown = await preview(t, 'contact', csv);
    // Row 3 is a Jan de Vries at another firm: a new person. Row 4 is row 3 again. A row with an
    // address is matched by that alone (row 7).
    expect(shown.duplicates).toEqual([
      { row: 2, value: 'jan DE VRIES, bakkerij noord' },
      { row: 4, value: 'Jan de Vríes, Smederij Zuid', sameAs: 3 },
      { row: 5, value: 'Jan de Vries' },
    ]);
    expect(shown).toMatchObject({ validRows: 6, withoutMatch: 0 });
  });

  it('are merged into the person already there, whose name stays as it was written', async () => {
    const { t, atNoord, atNone } = await withExisting();
    const summary = await runWith(t, 'contact', csv, { duplicates: 'merge' });
    expect(summary).toMatchObject({ imported: 3, merged: 3, skipped: 0, failed: [] });
    const rows = contactRows(t).map((r) => [r.id, r.first_name, r.last_name, r.email, r.phone]);
    expect(rows).toEqual([
      [atNoord.id, 'Jan', 'de Vries', null, '06 11111111'],
      [atNone.id, 'Jan', 'de Vries', 'jan@vries.nl', '06 33333333'],
      [atNone.id + 1, 'Jan', 'de Vries', null, '06 22222222'],
      [atNone.id + 2, 'Anna', 'Smit', null, null],
      [atNone.id + 3, 'Jan', 'de Vries', 'jan@zuid.nl', null],
    ]);
    // Imported again, every row is one already there.
    expect(await runWith(t, 'contact', csv, { duplicates: 'skip' })).toMatchObject({ imported: 0, skipped: 6 });
  });

  it('are not matched by an importer who may not read where people work, nor to a firm outside their scope', async () => {
    const { t } = await withExisting();
    const fenced = await signInAsNewUser(t, 'kees', 'office', { overrides: [{ right: 'field:contact.organisation_id', effect: 'deny' }] });
    expect(fenced.id).toBeGreaterThan(0);
    const shown = await preview(t, 'contact', 'Voornaam,Achternaam\nJan,de Vries\nJan,de Vries');
    expect(shown).toMatchObject({ validRows: 2, withoutMatch: 2, duplicates: [] });
  });
});

describe('duplicates by name in an organisation import', () => {
  const csv = ['Naam,Plaats', 'bakkerij van den berg,Utrecht', 'Smederij Ëlst,Arnhem', 'smederij elst,Nijmegen', 'Nieuw BV,Delft'].join('\n');

  it('are flagged, skipped or merged like contacts by e-mail, ignoring case and accents', async () => {
    const t = await signedInAdmin();
    const existing = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Van den Berg' } }));
    expect((await preview(t, 'organisation', csv)).duplicates).toEqual([
      { row: 2, value: 'bakkerij van den berg' },
      { row: 4, value: 'smederij elst', sameAs: 3 },
    ]);
    expect(await runWith(t, 'organisation', csv, { duplicates: 'skip' })).toMatchObject({ imported: 2, merged: 0, skipped: 2 });
    const names = () => (db(t).prepare('SELECT id, name, city FROM organisations ORDER BY id').all() as { id: number; name: string; city: string | null }[]);
    expect(names().map((o) => o.name)).toEqual(['Bakkerij Van den Berg', 'Smederij Ëlst', 'Nieuw BV']);

    value(await t.call('history.undo', {}));
    expect(await runWith(t, 'organisation', csv, { duplicates: 'merge' })).toMatchObject({ imported: 2, merged: 2, skipped: 0 });
    // A merge keeps the name as it was written first, and takes the other values.
    expect(names()).toEqual([
      { id: existing.id, name: 'Bakkerij Van den Berg', city: 'Utrecht' },
      { id: expect.any(Number), name: 'Smederij Ëlst', city: 'Nijmegen' },
      { id: expect.any(Number), name: 'Nieuw BV', city: 'Delft' },
    ]);
  });
});

describe('organisations named in a contact import', () => {
  it('are matched to an existing organisation by name, ignoring case and accents, or created once', async () => {
    const t = await signedInAdmin();
    const existing = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Van den Berg' } }));
    const csv = [
      'Achternaam,Bedrijf',
      'Berg,Bakkerij Van den Berg',
      'Bergh,bakkerij van den berg ',
      'Ander,Ánder BV',
      'Anders,ander bv',
      'Zonder,',
    ].join('\n');
    const before = count(t, 'organisations');
    await preview(t, 'contact', csv);
    expect(count(t, 'organisations')).toBe(before); // the preview creates nothing

    const summary = await runWith(t, 'contact', csv);
    expect(summary).toMatchObject({ imported: 5, organisationsCreated: 1 });
    const organisations = db(t).prepare('SELECT id, name FROM organisations ORDER BY id').all() as { id: number; name: string }[];
    expect(organisations.map((o) => o.name)).toEqual(['Bakkerij Van den Berg', 'Ánder BV']);
    expect(contactRows(t).map((r) => r.organisation_id)).toEqual([existing.id, existing.id, organisations[1]!.id, organisations[1]!.id, null]);
  });
});

describe('a running import', () => {
  function bigCsv(rows: number, extra: string[] = []): string {
    const lines = ['Voornaam,Achternaam,E-mail,Organisatie,Telefoon', ...extra];
    for (let i = 0; i < rows; i++) lines.push(`Persoon${i},Achternaam${i},persoon${i}@bulk.example,Bulkbedrijf ${i % 7},06 ${String(10_000_000 + i)}`);
    return lines.join('\n');
  }

  it('reports progress after each batch and audits once, with counts only', async () => {
    const t = await signedInAdmin();
    const jobId = nextJobId();
    const events: unknown[] = [];
    const off = t.dispatcher.onEvent((name, payload) => {
      if (name === 'import.progress') events.push(payload);
    });
    const summary = await runWith(t, 'contact', bigCsv(1_200), { jobId });
    off();
    expect(summary).toMatchObject({ imported: 1_200, organisationsCreated: 7, cancelled: false });
    expect(events).toEqual([
      { jobId, done: 500, total: 1_200 },
      { jobId, done: 1_000, total: 1_200 },
      { jobId, done: 1_200, total: 1_200 },
    ]);
    const imports = listAudit(db(t), 5_000).filter((e) => e.action.startsWith('import.'));
    expect(imports).toHaveLength(1);
    expect(imports[0]!.details).toEqual({ entity: 'contact', imported: 1_200, merged: 0, skipped: 0, failed: 0, leftOut: 0, organisationsCreated: 7 });
    expect(value<{ count: number }>(await t.call('records.count', { entity: 'contact' })).count).toBe(1_200);
  });

  it('yields to the event loop between batches, so the main process never blocks for the whole file', async () => {
    const t = await signedInAdmin();
    const seen: number[] = [];
    const off = t.dispatcher.onEvent((name) => {
      // Work queued now runs at the next turn of the event loop: between batches, if the import yields.
      if (name === 'import.progress') setImmediate(() => seen.push(count(t, 'contacts')));
    });
    await runWith(t, 'contact', bigCsv(1_100));
    off();
    expect(seen).toEqual([500, 1_000, 1_100]);
  });

  it('takes back everything it wrote when cancelled midway', async () => {
    const t = await signedInAdmin();
    const kept = value<RecordView>(
      await t.call('records.create', { entity: 'contact', values: { first_name: 'Blijft', last_name: 'Bestaand', email: 'persoon3@bulk.example', phone: '010 1234567' } }),
    );
    const keptRow = contactRows(t)[0];
    const organisationsBefore = count(t, 'organisations');
    const searchBefore = await searchEntries(t);
    const jobId = nextJobId();
    const events: { done: number; total: number }[] = [];
    let cancelAnswer: unknown = null;
    const off = t.dispatcher.onEvent((name, payload) => {
      if (name !== 'import.progress') return;
      events.push(payload as { done: number; total: number });
      if (events.length === 1) void t.call('import.cancel', { jobId }).then((answer) => (cancelAnswer = answer));
    });
    const summary = await runWith(t, 'contact', bigCsv(2_000), { jobId, duplicates: 'merge' });
    off();

    expect(summary).toEqual({ imported: 0, merged: 0, skipped: 0, organisationsCreated: 0, failed: [], leftOut: [], cancelled: true });
    expect(cancelAnswer).toEqual({ ok: true, value: { cancelled: true } });
    expect(events.map((e) => e.done)).toEqual([500]); // it stopped after the first batch
    // Nothing of the run is left: no new contacts or organisations, the merged contact as it was, the index as it was.
    expect(contactRows(t)).toEqual([keptRow]);
    expect(contactRows(t)[0]).toMatchObject({ id: kept.id, first_name: 'Blijft', phone: '010 1234567' });
    expect(count(t, 'organisations')).toBe(organisationsBefore);
    const search = value<{ hits: unknown[] }[]>(await t.call('search.query', { text: 'persoon1' }));
    expect(search).toEqual([]);
    expect(await searchEntries(t)).toBe(searchBefore);
    const audits = listAudit(db(t), 5_000).map((e) => e.action);
    expect(audits).toContain('import.cancelled');
    expect(audits).not.toContain('import.completed');
    // The job is gone once it stopped.
    expect(value(await t.call('import.cancel', { jobId }))).toEqual({ cancelled: false });
  });

  it('takes back what went in when it stops on an unexpected error', async () => {
    const t = await signedInAdmin();
    // A database failure in the third batch, of the kind no validation foresees.
    db(t).exec("CREATE TEMP TRIGGER import_breaks BEFORE INSERT ON contacts WHEN NEW.last_name = 'Achternaam1200' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const csv = bigCsv(1_500);
    const mapping = (await preview(t, 'contact', csv)).suggestedMapping;
    const result = await t.call('import.run', { entity: 'contact', file: b64(csv), mapping, duplicates: 'skip', jobId: nextJobId() });
    expect(errorOf(result).code).toBe('INTERNAL');
    expect(count(t, 'contacts')).toBe(0);
    expect(count(t, 'organisations')).toBe(0);
    expect(await searchEntries(t)).toBe(0);
    expect(listAudit(db(t), 5_000).map((e) => e.action)).toContain('import.failed');
  });

  it('takes back everything it wrote when Kluis is locked midway, and says so', async () => {
    const t = await signedInAdmin();
    const kept = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Bestaand' } }));
    const organisationsBefore = count(t, 'organisations');
    const searchBefore = await searchEntries(t);
    const jobId = nextJobId();
    let locked: Promise<unknown> | null = null;
    const off = t.dispatcher.onEvent((name) => {
      // After the first batch is in: what the user's Ctrl+L (or the idle lock) does.
      if (name === 'import.progress' && !locked) locked = t.call('session.lock');
    });
    const csv = bigCsv(2_000);
    const mapping = (await preview(t, 'contact', csv)).suggestedMapping;
    const result = await t.call('import.run', { entity: 'contact', file: b64(csv), mapping, duplicates: 'skip', jobId });
    off();
    expect(await locked).toEqual({ ok: true, value: { locked: true } });
    expect(errorOf(result)).toMatchObject({ code: 'LOCKED', message: 'Kluis was locked during the import, which stopped. Nothing was imported: import the file again.' });

    expect((await t.call('session.unlock', { password: ADMIN.password })).ok).toBe(true);
    // Nothing of the run is left, and History has no "Import 0 contacts".
    expect(contactRows(t).map((r) => r.id)).toEqual([kept.id]);
    expect(count(t, 'organisations')).toBe(organisationsBefore);
    expect(await searchEntries(t)).toBe(searchBefore);
    const history = value<{ label: { verb: string } }[]>(await t.call('history.list', {}));
    expect(history.map((c) => c.label.verb)).toEqual(['create']);
    const audits = listAudit(db(t), 5_000)
      .map((e) => e.action)
      .filter((action) => action.startsWith('session.') || action.startsWith('import.'))
      .reverse();
    // The run is taken back first, while the key is still there; then Kluis locks.
    expect(audits.slice(audits.indexOf('import.locked'))).toEqual(['import.locked', 'session.lock', 'session.unlock']);
    // The audit chain and the head kept in vault.json still agree after the late entry.
    expect(value<{ ok: boolean }>(await t.call('audit.verify', {}))).toMatchObject({ ok: true });
  });

  it('takes back, at the next sign-in, an import the process did not live to finish', async () => {
    const t = await signedInAdmin();
    const kept = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Bestaand' } }));
    // The files as a crash after the first batch leaves them: copied between two batches.
    const crashed = join(mkdtempSync(join(tmpdir(), 'kluis-crash-')), 'data');
    let copied = false;
    const off = t.dispatcher.onEvent((name) => {
      if (name !== 'import.progress' || copied) return;
      copied = true;
      cpSync(t.dataDir, crashed, { recursive: true });
    });
    const csv = bigCsv(2_000);
    value(await t.call('import.run', { entity: 'contact', file: b64(csv), mapping: (await preview(t, 'contact', csv)).suggestedMapping, duplicates: 'skip', jobId: nextJobId() }));
    off();
    await t.call('session.signOut');

    const after = testCore({ dataDir: crashed, keychain: noKeychain, clock: t.clock });
    await signIn(after, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const { db: reopened } = after.core.requireActive();
    expect(reopened.prepare('SELECT id FROM contacts').pluck().all()).toEqual([kept.id]);
    expect(value<{ label: { verb: string } }[]>(await after.call('history.list', {})).map((c) => c.label.verb)).toEqual(['create']);
    expect(listAudit(reopened, 20).find((e) => e.action === 'import.interrupted')).toMatchObject({ actor: 1, details: { entity: 'contact', kept: 0 } });
    expect(value<{ ok: boolean }>(await after.call('audit.verify', {}))).toMatchObject({ ok: true });
  });

  it('writes nothing and keeps the redo stack when no row would be written', async () => {
    const t = await signedInAdmin();
    value(await t.call('records.create', { entity: 'contact', values: { last_name: 'Jansen', email: 'piet@example.nl' } }));
    value(await t.call('records.create', { entity: 'contact', values: { last_name: 'Terug' } }));
    value(await t.call('history.undo', {}));
    const csv = 'Achternaam,E-mail\nJansen,PIET@example.nl\n,zonder@naam.nl\n';
    const shown = await preview(t, 'contact', csv);
    expect(shown).toMatchObject({ validRows: 1, duplicates: [{ row: 2 }] }); // one row valid, and that one a duplicate
    const summary = await runWith(t, 'contact', csv, { duplicates: 'skip' });
    expect(summary).toMatchObject({ imported: 0, merged: 0, skipped: 1, failed: [{ row: 3 }], cancelled: false });
    // No command was opened: what was undone can still be redone.
    const history = value<{ label: { verb: string }; state: string }[]>(await t.call('history.list', {}));
    expect(history.map((c) => [c.label.verb, c.state])).toEqual([
      ['create', 'undone'],
      ['create', 'done'],
    ]);
    expect((await t.call('history.redo', {})).ok).toBe(true);
    expect(contactRows(t).map((r) => r.last_name)).toEqual(['Jansen', 'Terug']);
  });

  it('does not take the same job id twice at once', async () => {
    const t = await signedInAdmin();
    const jobId = nextJobId();
    const csv = bigCsv(600);
    const mapping = (await preview(t, 'contact', csv)).suggestedMapping;
    const first = t.call('import.run', { entity: 'contact', file: b64(csv), mapping, duplicates: 'skip', jobId });
    const second = await t.call('import.run', { entity: 'contact', file: b64(csv), mapping, duplicates: 'skip', jobId });
    expect(errorOf(second).code).toBe('CONFLICT');
    expect(value<ImportSummary>(await first).imported).toBe(600);
  });
});

describe('a column mapped to a field that cannot take it', () => {
  it('says whether the importer may not fill the field in, or the field is switched off', async () => {
    const t = await signedInAdmin();
    const csv = ['Achternaam;Geboortedatum', 'Dekker;05-03-1980'].join('\r\n');
    const mapping = { Achternaam: 'last_name', Geboortedatum: 'birth_date' };
    // The Administrator sees the date of birth masked: the field is in use, but not theirs to fill in.
    const notTheirs = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv), mapping }));
    expect(notTheirs.message).toBe('The column "Geboortedatum" is mapped to Date of birth, which you may not fill in. Map it to another field or leave it out.');
    value(await t.call('fields.setEnabled', { entity: 'contact', field: 'birth_date', enabled: false, confirmValueCount: 0 }));
    const off = errorOf(await t.call('import.preview', { entity: 'contact', file: b64(csv), mapping }));
    expect(off.message).toBe('The column "Geboortedatum" is mapped to Date of birth, which is switched off. Map it to another field or leave it out.');
  });
});
