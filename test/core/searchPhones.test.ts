/**
 * A phone number is found as people type it, whatever form it was written in: "0612345678",
 * "06-1234 5678" and "+31 6 12 34 56 78" are one number. The index holds every phone number also as
 * its digits, dialled at home (withPhoneDigits), and migration 20 writes an older install's entries
 * so. Who may not read a number in full does not find a record by it, and the privacy officer's
 * list of records that mention a person looks for their number too.
 */
import { describe, expect, it } from 'vitest';
import type { Mentions, RecordView, SearchGroup } from '../../shared/recordTypes';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate';
import { phoneKey, withPhoneDigits } from '../../electron/core/records/fold';
import { ADMIN, signedInAdmin, signIn, signInAsNewUser, type Installed } from '../support/install';
import { value } from '../support/results';

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function titles(t: Installed, text: string): Promise<string[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text })).flatMap((g) => g.hits.map((h) => h.title));
}

describe('a phone number as its digits', () => {
  it('is spelled as dialled at home, whatever it was written with', () => {
    for (const written of ['+31 6 1234 5678', '+31 (0)6-12345678', '0031 6 12 34 56 78', '06-12345678', '06 12 34 56 78', '(06) 1234.5678']) {
      expect(phoneKey(written), written).toBe('0612345678');
    }
    expect(phoneKey('+32 470 12 34 56')).toBe('0470123456');
    expect(phoneKey('+49 30 1234567')).toBe('0049301234567');
    // No phone number as people write one: a date, an invoice number, a postcode, too short.
    for (const other of ['2026-12-02', '2026-004137', '3512 AB', '020 12', '12345678901']) expect(phoneKey(other), other).toBeNull();
  });

  it('is added after a text that holds one; other text stays as it is', () => {
    expect(withPhoneDigits('Bel Piet op +31 6 1234 5678, of 020-1234567 (kantoor)')).toBe('Bel Piet op +31 6 1234 5678, of 020-1234567 (kantoor) 0612345678 0201234567');
    expect(withPhoneDigits('Factuur 2026-004137 van 02-12-2026')).toBe('Factuur 2026-004137 van 02-12-2026');
    expect(withPhoneDigits('Geen nummer')).toBe('Geen nummer');
    // A number right after other digits, or two numbers side by side: each is found in the run.
    expect(withPhoneDigits('Kamer 12 06 44332211')).toBe('Kamer 12 06 44332211 0644332211');
    expect(withPhoneDigits('Afspraak om 14.30 06 12 34 99 88')).toBe('Afspraak om 14.30 06 12 34 99 88 0612349988');
    expect(withPhoneDigits('020 5556667 06 98765432')).toBe('020 5556667 06 98765432 0205556667 0698765432');
    expect(withPhoneDigits('Bel +31 (0)6-12345678 of +49 30 1234567')).toBe('Bel +31 (0)6-12345678 of +49 30 1234567 0612345678 0049301234567');
    // Eleven digits is no Dutch number: no key.
    expect(withPhoneDigits('06123456789')).toBe('06123456789');
  });
});

describe('searching by phone number', () => {
  it('finds a contact and an organisation by their number in any form, and a note that writes it', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { first_name: 'Renée', last_name: 'Odegaard', phone: '+31 6 1234 5678' });
    await create(t, 'organisation', { name: 'Bakkerij Jansen', phone: '020 123 45 67' });
    await create(t, 'contact', { first_name: 'Piet', last_name: 'Jansen', notes: 'Belt namens 06-12345678' });
    for (const typed of ['0612345678', '06-1234 5678', '+31 6 12 34 56 78', '0031612345678', '06 1234']) {
      expect((await titles(t, typed)).sort(), typed).toEqual(['Piet Jansen', 'Renée Odegaard']);
    }
    for (const typed of ['0201234567', '+31 20 123 4567', '020-123']) expect(await titles(t, typed), typed).toEqual(['Bakkerij Jansen']);
    // Too short to be a number on its own: "06" is a word like any other.
    expect(await titles(t, '0699')).toEqual([]);
  });

  it('finds nothing by a number the caller may not read in full', async () => {
    const t = await signedInAdmin();
    await create(t, 'contact', { first_name: 'Renée', last_name: 'Odegaard', phone: '+31 6 1234 5678' });
    await signInAsNewUser(t, 'otto', 'office', { overrides: [{ right: 'field:contact.phone', effect: 'deny' }] });
    expect(await titles(t, '0612345678')).toEqual([]);
    expect(await titles(t, 'odegaard')).toEqual(['Renée Odegaard']);
    // Read-only sees phone numbers masked: no finding by one either.
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    await signInAsNewUser(t, 'lezer', 'readonly');
    expect(await titles(t, '06-12345678')).toEqual([]);
  });

  it('lists the records whose text writes a person’s number among those that mention them', async () => {
    const t = await signedInAdmin();
    const renee = await create(t, 'contact', { first_name: 'Renée', last_name: 'Odegaard', phone: '+31 6 1234 5678' });
    const note = await create(t, 'contact', { first_name: 'Piet', last_name: 'Jansen', notes: 'Zijn buurvrouw: 06-12345678' });
    // Not a longer number that starts with hers, nor, for a number too short to be whole, every number that starts so.
    await create(t, 'contact', { first_name: 'Lange', last_name: 'Prefix', notes: 'Nummer 06123456789' });
    const short = await create(t, 'contact', { first_name: 'Kort', last_name: 'Nummer', phone: '06-1234' });
    await signInAsNewUser(t, 'pia', 'privacy');
    const mentions = value<Mentions>(await t.call('privacy.mentions', { entity: 'contact', id: renee.id }));
    expect(mentions.records.map((record) => record.id)).toEqual([note.id]);
    expect(value<Mentions>(await t.call('privacy.mentions', { entity: 'contact', id: short.id })).records).toEqual([]);
  });
});

describe('migration 20', () => {
  it('writes an older install’s entries with phone numbers, so they are found by them', async () => {
    const t = await signedInAdmin();
    const renee = await create(t, 'contact', { first_name: 'Renée', last_name: 'Odegaard', phone: '+31 6 1234 5678' });
    await create(t, 'contact', { first_name: 'Jan', last_name: 'Jansen' });
    const { db } = t.core.requireActive();
    // The entry as Kluis wrote it before: the name only, the phone number not in the index.
    db.prepare("UPDATE search_index SET body = '' WHERE rowid = (SELECT rowid FROM search_index WHERE title LIKE 'Renée%')").run();
    const before = db.prepare('SELECT rowid, title, body FROM search_index ORDER BY rowid').all();
    expect(await titles(t, '0612345678')).toEqual([]);
    db.pragma('user_version = 19');

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    const reopened = t.core.requireActive().db;
    expect(schemaVersion(reopened)).toBe(latestSchemaVersion());
    expect(await titles(t, '0612345678')).toEqual(['Renée Odegaard']);
    const after = reopened.prepare('SELECT rowid, title, body FROM search_index ORDER BY rowid').all() as { title: string }[];
    const jan = (rows: unknown[]) => (rows as { title: string }[]).find((r) => r.title === 'Jan Jansen');
    expect(jan(after)).toEqual(jan(before));
    expect(after).toHaveLength(before.length);
    expect(renee.id).toBeGreaterThan(0);
  });
});
