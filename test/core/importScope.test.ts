/**
 * An import looks up existing records (duplicates by e-mail, merge targets, organisations by name)
 * only within the caller's read scope, as every other read does (docs/access.md): a record outside
 * it is to the import as if it did not exist, so preview and run cannot tell whether an address or
 * a name is in use elsewhere. Merging needs the update scope on the match, as any edit of it does.
 * Real encrypted installs, real TOTP, through the wall as the renderer calls it.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import type { ImportPreview, ImportSummary, RecordView, SearchGroup } from '../../shared/api';
import { signedInAdmin, signInAsNewUser, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

const b64 = (content: string): string => Buffer.from(content).toString('base64');

let jobs = 0;
const nextJobId = (): string => `scope-${Date.now()}-${++jobs}`;

type Entity = 'contact' | 'organisation';

async function preview(t: Installed, entity: Entity, csv: string): Promise<ImportPreview> {
  return value(await t.call('import.preview', { entity, file: b64(csv) }));
}

async function runWith(t: Installed, entity: Entity, csv: string, duplicates: 'skip' | 'merge'): Promise<ImportSummary> {
  const { suggestedMapping: mapping } = await preview(t, entity, csv);
  return value(await t.call('import.run', { entity, file: b64(csv), mapping, duplicates, jobId: nextJobId() }));
}

function db(t: Installed) {
  return t.core.requireActive().db;
}

/** A record as the database holds it, whoever may see it. */
function stored(t: Installed, table: string, id: number): Record<string, unknown> {
  return db(t).prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
}

async function create(t: Installed, entity: Entity, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

interface World {
  t: Installed;
  sam: number;
  /** A contact of team Zuid: outside Sam's read scope. */
  zuid: RecordView;
  /** A colleague's contact in team Noord: Sam reads it, may not change it. */
  noord: RecordView;
}

/**
 * Teams Noord and Zuid, a contact in each (the admin's, handed to the team), and Sam: Field sales
 * in team Noord with a personal grant of `data.import`, signed in. `role` replaces Field sales.
 */
async function world(role: (t: Installed) => Promise<string> = async () => 'sales'): Promise<World> {
  const t = await signedInAdmin();
  const noordTeam = value<{ id: number }>(await t.call('teams.create', { name: 'Noord' })).id;
  const zuidTeam = value<{ id: number }>(await t.call('teams.create', { name: 'Zuid' })).id;
  const zuid = await create(t, 'contact', { first_name: 'Geert', last_name: 'Zuidersma', email: 'geheim@zuid.nl', job_title: 'Directeur' });
  const noord = await create(t, 'contact', { first_name: 'Nel', last_name: 'Noordhoek', email: 'nel@noord.nl', job_title: 'Inkoper' });
  db(t).prepare('UPDATE contacts SET team_id = ? WHERE id = ?').run(zuidTeam, zuid.id);
  db(t).prepare('UPDATE contacts SET team_id = ? WHERE id = ?').run(noordTeam, noord.id);
  const roleId = await role(t);
  const sam = await signInAsNewUser(t, 'sam.verkoop', roleId, { teamIds: [noordTeam], overrides: [{ right: 'task:data.import', effect: 'grant' }] });
  return { t, sam: sam.id, zuid, noord };
}

describe('a contact outside the read scope, named by e-mail in an import', () => {
  const csv = ['Voornaam,Achternaam,E-mail,Functie', 'Geert,Zuidersma,geheim@zuid.nl,Verkoper', 'Olga,Onbekend,olga@nergens.nl,Verkoper'].join('\n');

  it('is not there for the caller anywhere else (the repro)', async () => {
    const { t, zuid } = await world();
    expect(refusal(await t.call('records.get', { entity: 'contact', id: zuid.id })).code).toBe('NOT_FOUND');
    expect(value<SearchGroup[]>(await t.call('search.query', { text: 'zuidersma' }))).toEqual([]);
  });

  it('is no duplicate in the preview', async () => {
    const { t } = await world();
    expect(await preview(t, 'contact', csv)).toMatchObject({ validRows: 2, problems: [], duplicates: [] });
  });

  for (const duplicates of ['skip', 'merge'] as const) {
    it(`imports as a new contact with "${duplicates}", as an unknown address does, and leaves the other one as it was`, async () => {
      const { t, sam, zuid } = await world();
      const before = stored(t, 'contacts', zuid.id);
      const summary = await runWith(t, 'contact', csv, duplicates);
      // Two rows alike: an address in use outside the scope counts as one nobody has.
      expect(summary).toMatchObject({ imported: 2, merged: 0, skipped: 0, failed: [], organisationsCreated: 0 });
      expect(stored(t, 'contacts', zuid.id)).toEqual(before);
      const mine = db(t).prepare('SELECT email, owner_id FROM contacts WHERE id > ? ORDER BY id').all(zuid.id) as { email: string; owner_id: number }[];
      expect(mine).toEqual([
        { email: 'nel@noord.nl', owner_id: 1 },
        { email: 'geheim@zuid.nl', owner_id: sam },
        { email: 'olga@nergens.nl', owner_id: sam },
      ]);
    });
  }

  it('is, once imported, the caller\'s own: a second row with that address is a duplicate of that one, as for any address', async () => {
    const { t } = await world();
    const twice = [csv, 'Geert,Zuidersma,GEHEIM@zuid.nl,Chef'].join('\n');
    expect((await preview(t, 'contact', twice)).duplicates).toEqual([{ row: 4, value: 'GEHEIM@zuid.nl', sameAs: 2 }]);
    expect(await runWith(t, 'contact', twice, 'skip')).toMatchObject({ imported: 2, merged: 0, skipped: 1, failed: [] });
  });
});

describe('a contact inside the read scope, named by e-mail in an import', () => {
  it('is still found, and merged into when it is the caller\'s own', async () => {
    const { t, sam } = await world();
    const own = await create(t, 'contact', { first_name: 'Olaf', last_name: 'Eigen', email: 'olaf@noord.nl' });
    const csv = ['Voornaam,Achternaam,E-mail,Functie', 'Olaf,Eigen,OLAF@noord.nl,Vertegenwoordiger'].join('\n');
    expect((await preview(t, 'contact', csv)).duplicates).toEqual([{ row: 2, value: 'OLAF@noord.nl' }]);
    expect(await runWith(t, 'contact', csv, 'merge')).toMatchObject({ imported: 0, merged: 1, skipped: 0, failed: [] });
    expect(stored(t, 'contacts', own.id)).toMatchObject({ email: 'olaf@noord.nl', job_title: 'Vertegenwoordiger', owner_id: sam });
  });

  it('that the caller may read but not change is a duplicate; merging into it fails that row as an edit of it would', async () => {
    const { t, noord } = await world();
    const refused = refusal(await t.call('records.update', { entity: 'contact', id: noord.id, values: { job_title: 'Chef' } }));
    expect(refused.code).toBe('FORBIDDEN');
    const before = stored(t, 'contacts', noord.id);

    const csv = ['Voornaam,Achternaam,E-mail,Functie', 'Nel,Noordhoek,nel@noord.nl,Chef', 'Olga,Onbekend,olga@nergens.nl,'].join('\n');
    expect((await preview(t, 'contact', csv)).duplicates).toEqual([{ row: 2, value: 'nel@noord.nl' }]);
    const merged = await runWith(t, 'contact', csv, 'merge');
    expect(merged).toMatchObject({ imported: 1, merged: 0, skipped: 0 });
    // The same refusal, as a row's reason (a reason has no closing full stop).
    expect(merged.failed.map((f) => [f.row, f.reason])).toEqual([[2, refused.message.replace(/\.$/, '')]]);
    expect(merged.failed[0]?.reasons).toEqual([{ field: null, message: { id: 'records.mayNotUpdate', values: expect.anything() } }]);
    expect(stored(t, 'contacts', noord.id)).toEqual(before);
  });

  it('that the caller may read is skipped with "skip", as before', async () => {
    const { t } = await world();
    expect(await runWith(t, 'contact', ['Achternaam,E-mail', 'Noordhoek,nel@noord.nl'].join('\n'), 'skip')).toMatchObject({ imported: 0, skipped: 1, failed: [] });
  });
});

/** Field sales, reading organisations of their own team only (the built-in role reads them all). */
async function teamOrganisations(t: Installed): Promise<string> {
  const sales = BUILT_IN_ROLES.find((r) => r.id === 'sales')!;
  const records = { ...sales.rights.records, organisation: { ...sales.rights.records.organisation, read: 'team' as const } };
  return value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Sales by team', nl: 'Verkoop per team' }, rights: { ...sales.rights, records } })).id;
}

describe('an organisation outside the read scope, named in an import', () => {
  /** The world, plus an organisation of team Zuid and one of team Noord (both the admin's). */
  async function withOrganisations(): Promise<World & { zuidOrg: RecordView; noordOrg: RecordView }> {
    let zuidOrg: RecordView | null = null;
    let noordOrg: RecordView | null = null;
    const w = await world(async (t) => {
      zuidOrg = await create(t, 'organisation', { name: 'Zuidelijke Bakkerij', city: 'Breda' });
      noordOrg = await create(t, 'organisation', { name: 'Noordelijke Smederij' });
      const team = (name: string) => (db(t).prepare('SELECT id FROM teams WHERE name = ?').get(name) as { id: number }).id;
      db(t).prepare('UPDATE organisations SET team_id = ? WHERE id = ?').run(team('Zuid'), zuidOrg.id);
      db(t).prepare('UPDATE organisations SET team_id = ? WHERE id = ?').run(team('Noord'), noordOrg.id);
      return teamOrganisations(t);
    });
    return { ...w, zuidOrg: zuidOrg!, noordOrg: noordOrg! };
  }

  it('is not there for the caller anywhere else', async () => {
    const { t, zuidOrg } = await withOrganisations();
    expect(refusal(await t.call('records.get', { entity: 'organisation', id: zuidOrg.id })).code).toBe('NOT_FOUND');
  });

  it('in a contact\'s organisation column, is created anew and linked, as a name nobody has is', async () => {
    const { t, sam, zuidOrg, noordOrg } = await withOrganisations();
    const csv = ['Achternaam,E-mail,Bedrijf', 'Aarts,aarts@x.nl,zuidelijke bakkerij', 'Bos,bos@x.nl,Onbekende Bakkerij', 'Claes,claes@x.nl,Noordelijke Smederij'].join('\n');
    const summary = await runWith(t, 'contact', csv, 'skip');
    expect(summary).toMatchObject({ imported: 3, merged: 0, skipped: 0, failed: [], organisationsCreated: 2 });
    const organisations = db(t).prepare('SELECT id, name, owner_id FROM organisations WHERE id > ? ORDER BY id').all(noordOrg.id) as { id: number; name: string; owner_id: number }[];
    expect(organisations.map((o) => [o.name, o.owner_id])).toEqual([
      ['zuidelijke bakkerij', sam],
      ['Onbekende Bakkerij', sam],
    ]);
    const links = db(t).prepare('SELECT last_name, organisation_id FROM contacts WHERE owner_id = ? ORDER BY id').all(sam);
    expect(links).toEqual([
      { last_name: 'Aarts', organisation_id: organisations[0]!.id },
      { last_name: 'Bos', organisation_id: organisations[1]!.id },
      // One the caller may read is linked to, as before.
      { last_name: 'Claes', organisation_id: noordOrg.id },
    ]);
    expect(stored(t, 'organisations', zuidOrg.id)).toMatchObject({ name: 'Zuidelijke Bakkerij', updated_at: zuidOrg.updatedAt });
  });

  for (const duplicates of ['skip', 'merge'] as const) {
    it(`in an organisation import, is no duplicate and imports as new with "${duplicates}"`, async () => {
      const { t, zuidOrg } = await withOrganisations();
      const csv = ['Naam,Plaats', 'Zuidelijke Bakkerij,Tilburg', 'Nergens BV,Tilburg'].join('\n');
      expect((await preview(t, 'organisation', csv)).duplicates).toEqual([]);
      expect(await runWith(t, 'organisation', csv, duplicates)).toMatchObject({ imported: 2, merged: 0, skipped: 0, failed: [] });
      expect(stored(t, 'organisations', zuidOrg.id)).toMatchObject({ city: 'Breda', updated_at: zuidOrg.updatedAt });
    });
  }

  it('in an organisation import, one the caller may read is a duplicate, and merged into when they may change it', async () => {
    const { t, noordOrg } = await withOrganisations();
    const csv = ['Naam,Plaats', 'noordelijke smederij,Groningen'].join('\n');
    expect((await preview(t, 'organisation', csv)).duplicates).toEqual([{ row: 2, value: 'noordelijke smederij' }]);
    // Field sales update organisations of their team.
    expect(await runWith(t, 'organisation', csv, 'merge')).toMatchObject({ imported: 0, merged: 1, skipped: 0, failed: [] });
    expect(stored(t, 'organisations', noordOrg.id)).toMatchObject({ name: 'Noordelijke Smederij', city: 'Groningen' });
  });
});

describe('merging into a record the caller may read but not change', () => {
  it('is refused also when the row would change none of its values (an organisation named only)', async () => {
    let organisation: RecordView | null = null;
    const { t } = await world(async (admin) => {
      organisation = await create(admin, 'organisation', { name: 'Zuidelijke Bakkerij' });
      const zuid = (db(admin).prepare("SELECT id FROM teams WHERE name = 'Zuid'").get() as { id: number }).id;
      db(admin).prepare('UPDATE organisations SET team_id = ? WHERE id = ?').run(zuid, organisation.id);
      // Field sales read every organisation and change those of their own team only.
      return 'sales';
    });
    const { id, updatedAt } = organisation!;
    const refused = refusal(await t.call('records.update', { entity: 'organisation', id, values: { city: 'Breda' } }));
    expect(refused.code).toBe('FORBIDDEN');

    const csv = ['Naam', 'zuidelijke bakkerij'].join('\n');
    expect((await preview(t, 'organisation', csv)).duplicates).toEqual([{ row: 2, value: 'zuidelijke bakkerij' }]);
    const summary = await runWith(t, 'organisation', csv, 'merge');
    expect(summary).toMatchObject({ imported: 0, merged: 0, skipped: 0 });
    expect(summary.failed.map((f) => [f.row, f.reason])).toEqual([[2, refused.message.replace(/\.$/, '')]]);
    expect(stored(t, 'organisations', id).updated_at).toBe(updatedAt);
    expect(await runWith(t, 'organisation', csv, 'skip')).toMatchObject({ imported: 0, merged: 0, skipped: 1, failed: [] });
  });
});

describe('the right to create', () => {
  const grantImport = { right: 'task:data.import', effect: 'grant' as const };

  it('is needed for an import: the task alone makes no records', async () => {
    const t = await signedInAdmin();
    await signInAsNewUser(t, 'roos', 'readonly', { overrides: [grantImport] });
    const csv = ['Voornaam,Achternaam', 'Roos,Nieuw'].join('\n');
    const previewed = refusal(await t.call('import.preview', { entity: 'contact', file: b64(csv) }));
    expect(previewed).toMatchObject({ code: 'FORBIDDEN', message: 'You may not create contact records.' });
    const mapping = { Voornaam: 'first_name', Achternaam: 'last_name' };
    const run = refusal(await t.call('import.run', { entity: 'contact', file: b64(csv), mapping, duplicates: 'skip', jobId: nextJobId() }));
    expect(run).toMatchObject({ code: 'FORBIDDEN', message: 'You may not create contact records.' });
    expect(db(t).prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
  });

  it('of organisations is needed for those a contact import makes; the other rows go in', async () => {
    const t = await signedInAdmin();
    const known = await create(t, 'organisation', { name: 'Bekende Bakkerij' });
    await signInAsNewUser(t, 'sam.office', 'office', { overrides: [grantImport, { right: 'record:organisation.create', effect: 'deny' }] });
    const csv = ['Voornaam,Achternaam,Organisatie', 'Anna,Een,Bekende Bakkerij', 'Bert,Twee,Nieuwe Smederij'].join('\n');
    const summary = await runWith(t, 'contact', csv, 'skip');
    expect(summary).toMatchObject({ imported: 1, organisationsCreated: 0 });
    expect(summary.failed.map((f) => [f.row, f.reason])).toEqual([[3, 'You may not create organisation records']]);
    expect(db(t).prepare('SELECT organisation_id FROM contacts').pluck().all()).toEqual([known.id]);
    expect(db(t).prepare('SELECT count(*) FROM organisations').pluck().get()).toBe(1);
  });
});

describe('an organisation whose name the importer sees masked', () => {
  it('is never matched by name: a known and an unknown name fail alike', async () => {
    const t = await signedInAdmin();
    await create(t, 'organisation', { name: 'Geheime Klant BV' });
    const office = BUILT_IN_ROLES.find((r) => r.id === 'office')!;
    const role = value<RoleDefinition>(
      await t.call('roles.save', { name: { en: 'Office, names masked', nl: 'Kantoor, namen gemaskeerd' }, rights: { ...office.rights, fields: { 'organisation.name': 'masked' } } }),
    );
    await signInAsNewUser(t, 'otto', role.id, { overrides: [{ right: 'task:data.import', effect: 'grant' }] });
    const csv = ['Voornaam,Achternaam,Organisatie', 'Anna,Een,Geheime Klant BV', 'Bert,Twee,Andere Naam BV'].join('\n');
    const summary = await runWith(t, 'contact', csv, 'skip');
    expect(summary).toMatchObject({ imported: 0, organisationsCreated: 0 });
    const reasons = summary.failed.map((f) => f.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toBe(reasons[1]);
  });
});
