/**
 * The retention review (electron/core/records/retention.ts): the people whose relationship has been
 * silent for longer than their data is kept, for the privacy officer, and only for them.
 */
import { describe, expect, it } from 'vitest';
import type { RecordView, RetentionReview } from '../../shared/recordTypes';
import { RELATIONSHIP_RETENTION_YEARS } from '../../shared/registry';
import { localDay } from '../../shared/localDay';
import { RETENTION_REVIEW_SHOWN } from '../../electron/core/records/retention';
import { seedRecords } from '../../electron/core/records/seed';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser, totpAt, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

/** Makes a record look as if it was made and last changed `years` ago (timestamps are the real time). */
function age(t: Installed, table: string, id: number, years: number): string {
  const then = new Date();
  then.setFullYear(then.getFullYear() - years);
  t.core.requireActive().db.prepare(`UPDATE ${table} SET created_at = ?, updated_at = ? WHERE id = ?`).run(then.toISOString(), then.toISOString(), id);
  return localDay(then);
}

describe('the retention review', () => {
  it('lists the people silent for longer than the retention, the longest first, and no one with a sign of life', async () => {
    const t = await signedInAdmin();
    const silent = await create(t, 'contact', { first_name: 'Stil', last_name: 'Sinds Lang' });
    const silentDay = age(t, 'contacts', silent.id, 5);
    // A deal three years ago is the last sign of this relationship.
    const withOldDeal = await create(t, 'contact', { first_name: 'Oude', last_name: 'Deal' });
    age(t, 'contacts', withOldDeal.id, 6);
    const oldDeal = await create(t, 'deal', { title: 'Schuur', stage: 'lost', contact_id: withOldDeal.id });
    const dealDay = age(t, 'deals', oldDeal.id, 3);
    // A withdrawn consent, long ago, is no relationship.
    const withdrew = await create(t, 'contact', { first_name: 'Trok', last_name: 'Terug' });
    age(t, 'contacts', withdrew.id, 4);
    const withdrawn = await create(t, 'consent', { contact_id: withdrew.id, purpose: 'Nieuwsbrief', source: 'Beurs', given_at: '2020-03-01' });
    value(await t.call('consents.recordWithdrawal', { entity: 'consent', id: withdrawn.id, day: '2021-03-01' }));
    const withdrawnDay = age(t, 'consents', withdrawn.id, 4);

    // Signs of life: a recent call, a meeting planned ahead, a standing consent, a recent contact.
    const called = await create(t, 'contact', { first_name: 'Recent', last_name: 'Gebeld' });
    age(t, 'contacts', called.id, 5);
    await create(t, 'activity', { kind: 'call', subject: 'Gebeld', contact_id: called.id });
    const planned = await create(t, 'contact', { first_name: 'Straks', last_name: 'Gepland' });
    age(t, 'contacts', planned.id, 5);
    const meeting = await create(t, 'activity', { kind: 'meeting', subject: 'Afspraak', contact_id: planned.id, due_at: `${new Date().getFullYear() + 1}-01-15` });
    age(t, 'activities', meeting.id, 5);
    const consenting = await create(t, 'contact', { first_name: 'Wil', last_name: 'Nieuwsbrief' });
    age(t, 'contacts', consenting.id, 5);
    const standing = await create(t, 'consent', { contact_id: consenting.id, purpose: 'Nieuwsbrief', source: 'Beurs', given_at: '2020-03-01' });
    age(t, 'consents', standing.id, 5);
    await create(t, 'contact', { first_name: 'Nieuwe', last_name: 'Klant' });
    // In the trash: the trash's own retention takes it.
    const trashed = await create(t, 'contact', { first_name: 'In', last_name: 'Prullenbak' });
    value(await t.call('records.delete', { entity: 'contact', ids: [trashed.id] }));
    age(t, 'contacts', trashed.id, 5);

    // Not the administrator's: the review is the privacy officer's, who erases.
    expect(await t.call('privacy.retentionReview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const iris = await signInAsNewUser(t, 'iris', 'privacy');
    const review = value<RetentionReview>(await t.call('privacy.retentionReview', {}));
    expect(review.years).toBe(RELATIONSHIP_RETENTION_YEARS);
    const since = new Date();
    since.setFullYear(since.getFullYear() - RELATIONSHIP_RETENTION_YEARS);
    expect(review.since).toBe(localDay(since));
    expect(review.people).toEqual([
      { id: silent.id, title: 'Stil Sinds Lang', lastSeen: silentDay },
      { id: withdrew.id, title: 'Trok Terug', lastSeen: withdrawnDay },
      { id: withOldDeal.id, title: 'Oude Deal', lastSeen: dealDay },
    ]);
    expect(review.more).toBe(false);

    // A change to the person is a sign of life again.
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    value(await t.call('records.update', { entity: 'contact', id: silent.id, values: { job_title: 'Bakker' } }));
    await t.call('session.signOut');
    t.clock.advance(30);
    await signIn(t, 'iris', 'iris-fietst-langs-de-lange-vliet', totpAt(iris.secret, t.clock));
    expect(value<RetentionReview>(await t.call('privacy.retentionReview', {})).people.map((p) => p.id)).toEqual([withdrew.id, withOldDeal.id]);
  });

  it('lists the first 200 found, the longest silent first, and says there are more', async () => {
    const t = await signedInAdmin();
    const longAgo = new Date();
    longAgo.setFullYear(longAgo.getFullYear() - 4);
    seedRecords(t.core.requireActive(), { contacts: 600, now: longAgo });
    await signInAsNewUser(t, 'iris', 'privacy');
    const review = value<RetentionReview>(await t.call('privacy.retentionReview', {}));
    expect(review.people).toHaveLength(RETENTION_REVIEW_SHOWN);
    expect(review.more).toBe(true);
    const days = review.people.map((person) => person.lastSeen);
    expect(days).toEqual([...days].sort());
  });

  it('is refused to a role without the erasure task', async () => {
    const t = await signedInAdmin();
    await signInAsNewUser(t, 'sam', 'sales');
    expect(await t.call('privacy.retentionReview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
