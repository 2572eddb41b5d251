/**
 * What the journal holds about a person includes the past rows of records that linked to them once
 * and no longer do: a note logged on the wrong card, moved to the right one and rewritten there.
 * An access request hands the person those rows, and only the sides about them; an erasure takes
 * them out; and the erasure's review finds the person's e-mail address in other records' text.
 */
import { describe, expect, it } from 'vitest';
import type { AccessReport } from '../../shared/accessReportTypes';
import type { DeleteImpact } from '../../shared/historyTypes';
import type { RecordView } from '../../shared/recordTypes';
import { dataPaths } from '../../electron/core/install/paths';
import { signedInAdmin, signInAsNewUser, totpAt, type Installed } from '../support/install';
import { value } from '../support/results';
import { fileHoldsText } from '../support/sqlcipherPages';

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

/** A note about Anna on her card, then moved to Erik's and rewritten about him. */
async function movedNote(t: Installed) {
  const anna = await create(t, 'contact', { first_name: 'Anna', last_name: 'Bakker', email: 'anna.bakker@vlasbloem.example' });
  const erik = await create(t, 'contact', { first_name: 'Erik', last_name: 'Wissel' });
  const note = await create(t, 'activity', { kind: 'note', subject: 'Anna Bakker is zwanger', contact_id: anna.id });
  value(await t.call('records.update', { entity: 'activity', id: note.id, values: { contact_id: erik.id, subject: 'Erik belt terug over de offerte' } }));
  return { anna, erik, note };
}

async function asPrivacyOfficer(t: Installed): Promise<void> {
  const officer = await signInAsNewUser(t, 'iris', 'privacy');
  t.clock.advance(30);
  value(await t.call('session.stepUp', { code: totpAt(officer.secret, t.clock) }));
}

const pastValues = (report: AccessReport) => report.history.changes.flatMap((change) => change.values.flatMap((v) => [v.before, v.after]));

describe('a note moved from one person’s card to another’s', () => {
  it('is in the first person’s access request as it was on their card, and not in the second’s', async () => {
    const t = await signedInAdmin();
    const { anna, erik } = await movedNote(t);
    await asPrivacyOfficer(t);
    const annas = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: anna.id }));
    expect(pastValues(annas)).toContain('Anna Bakker is zwanger');
    expect(pastValues(annas)).not.toContain('Erik belt terug over de offerte');
    const eriks = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: erik.id }));
    expect(pastValues(eriks)).toContain('Erik belt terug over de offerte');
    expect(JSON.stringify(eriks)).not.toContain('zwanger');
  });

  it('leaves nothing of the first person in the journal once they are erased', async () => {
    const t = await signedInAdmin();
    const { anna } = await movedNote(t);
    const dbFile = dataPaths(t.dataDir).db;
    const key = Buffer.from(t.core.requireActive().open.dek);
    await asPrivacyOfficer(t);
    const impact = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids: [anna.id], mode: 'erase' }));
    value(await t.call('privacy.erase', { entity: 'contact', id: anna.id, reviewedTotal: impact.total }));
    t.core.requireActive().db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileHoldsText(dbFile, key, 'zwanger')).toBe(false);
    expect(t.core.requireActive().db.prepare("SELECT count(*) FROM commands WHERE title LIKE '%Anna%'").pluck().get()).toBe(0);
  });
});

describe('a note moved to another card and then edited there', () => {
  it('keeps what was written about the first person out of the second’s access request, and out of reach once the first is erased', async () => {
    const t = await signedInAdmin();
    const anna = await create(t, 'contact', { first_name: 'Anna', last_name: 'Bakker' });
    const erik = await create(t, 'contact', { first_name: 'Erik', last_name: 'Wissel' });
    const note = await create(t, 'activity', { kind: 'note', subject: 'Anna Bakker heeft een hernia', contact_id: anna.id });
    value(await t.call('records.update', { entity: 'activity', id: note.id, values: { contact_id: erik.id } }));
    // A separate save on Erik's card: its row before still holds the text written about Anna.
    value(await t.call('records.update', { entity: 'activity', id: note.id, values: { subject: 'Afspraak met Erik' } }));
    await asPrivacyOfficer(t);
    const eriks = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: erik.id }));
    expect(pastValues(eriks)).toContain('Afspraak met Erik');
    expect(JSON.stringify(eriks)).not.toContain('hernia');
    const annas = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: anna.id }));
    expect(pastValues(annas)).toContain('Anna Bakker heeft een hernia');
    expect(pastValues(annas)).not.toContain('Afspraak met Erik');

    const impact = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids: [anna.id], mode: 'erase' }));
    value(await t.call('privacy.erase', { entity: 'contact', id: anna.id, reviewedTotal: impact.total }));
    const db = t.core.requireActive().db;
    expect(db.prepare("SELECT count(*) FROM command_changes WHERE before LIKE '%hernia%' OR after LIKE '%hernia%'").pluck().get()).toBe(0);
    // No undo brings the text back.
    await t.call('history.undo', {});
    expect(value<RecordView>(await t.call('records.get', { entity: 'activity', id: note.id }))).toBeDefined();
    expect(JSON.stringify(db.prepare('SELECT * FROM activities WHERE id = ?').get(note.id))).not.toContain('hernia');
  });
});

describe('the erasure’s review of other records', () => {
  it('lists a record whose text holds the person’s e-mail address, not only their name', async () => {
    const t = await signedInAdmin();
    // An address that does not hold the name, so only a search for the address finds it.
    const anna = await create(t, 'contact', { first_name: 'Anna', last_name: 'Bakker', email: 'zonnebloem72@kpn.example' });
    const sister = await create(t, 'contact', { first_name: 'Marie', last_name: 'Jansen', notes: 'Zus, mailt via zonnebloem72@kpn.example' });
    await asPrivacyOfficer(t);
    const impact = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids: [anna.id], mode: 'erase' }));
    expect(impact.mentions?.records.map((record) => record.id)).toEqual([sister.id]);
  });
});
