/**
 * A record's timeline: the activities nearest to today (what is coming and what was done last), with
 * how many there are in all. It lists the activities linked to the record, so it says what each is
 * linked to: a caller who sees that link masked (Read-only: an activity's contact is personal) or
 * not at all (a personal deny) gets no timeline on that kind of record, as for related records.
 */
import { describe, expect, it } from 'vitest';
import type { RecordDetail, RecordView } from '../../shared/recordTypes';
import { localDay } from '../../shared/localDay';
import { signedInAdmin, signIn, ADMIN, signInAsNewUser, type Installed } from '../support/install';
import { value } from '../support/results';

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

const timelineOf = async (t: Installed, entity: string, id: number) => value<RecordDetail>(await t.call('records.get', { entity, id })).timeline;

describe('the timeline on a record’s page', () => {
  it('is withheld where the caller sees an activity’s link masked or hidden, and shown where they see it', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Bakkerij Zoet' });
    const anna = await create(t, 'contact', { first_name: 'Anna', last_name: 'Bos', organisation_id: org.id });
    await create(t, 'activity', { kind: 'call', subject: 'Klacht over levering', contact_id: anna.id, organisation_id: org.id });
    expect((await timelineOf(t, 'contact', anna.id))?.map((a) => a.title)).toEqual(['Klacht over levering']);

    // Read-only sees the activity's contact masked: the contact's timeline would name it.
    await signInAsNewUser(t, 'rita', 'readonly');
    const masked = value<RecordDetail>(await t.call('records.get', { entity: 'activity', id: 1 }));
    expect(masked.record.values.contact_id).toBe('••••');
    expect(await timelineOf(t, 'contact', anna.id)).toBeNull();
    // Its organisation link is not personal, so the organisation's timeline stands (the subject masked).
    expect(await timelineOf(t, 'organisation', org.id)).toHaveLength(1);

    // Office staff with a personal deny on the link: the field is gone, and so is the timeline.
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    await signInAsNewUser(t, 'otto', 'office', { overrides: [{ right: 'field:activity.contact_id', effect: 'deny' }] });
    expect(await timelineOf(t, 'contact', anna.id)).toBeNull();
    expect((await timelineOf(t, 'organisation', org.id))?.map((a) => a.title)).toEqual(['Klacht over levering']);
  });
});

/** The day `days` from today, as stored. */
function dayFrom(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localDay(date);
}

describe('a timeline with more activities than it shows', () => {
  it('shows the 20 nearest to today, newest first, and says how many there are', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Vos Transport' });
    // Far-off plans and last year's calls, with yesterday's call and next week's visit among them.
    for (let i = 0; i < 25; i++) await create(t, 'activity', { kind: 'meeting', subject: `Later ${i}`, due_at: dayFrom(60 + i), organisation_id: org.id });
    for (let i = 0; i < 15; i++) await create(t, 'activity', { kind: 'call', subject: `Earlier ${i}`, due_at: dayFrom(-300 - i), done: true, organisation_id: org.id });
    await create(t, 'activity', { kind: 'call', subject: 'Yesterday', due_at: dayFrom(-1), done: true, organisation_id: org.id });
    await create(t, 'activity', { kind: 'meeting', subject: 'Next week', due_at: dayFrom(7), organisation_id: org.id });

    const detail = value<RecordDetail>(await t.call('records.get', { entity: 'organisation', id: org.id }));
    expect(detail.timelineTotal).toBe(42);
    const titles = detail.timeline!.map((a) => a.title);
    expect(titles).toHaveLength(20);
    expect(titles).toContain('Yesterday');
    expect(titles).toContain('Next week');
    // Newest first: the plans, next week, yesterday, then the calls of last year.
    const days = detail.timeline!.map((a) => String(a.values.due_at));
    expect(days).toEqual([...days].sort().reverse());
  });
});

describe('a timeline for someone who may not read the due day', () => {
  it('goes by the order the activities were added, so their places tell nothing of the hidden day', async () => {
    const t = await signedInAdmin();
    const org = await create(t, 'organisation', { name: 'Kwekerij Groen' });
    const days = [dayFrom(1500), dayFrom(1), dayFrom(-2000), dayFrom(180), dayFrom(-2)];
    for (const [i, due_at] of days.entries()) await create(t, 'activity', { kind: 'meeting', subject: `Afspraak ${i}`, due_at, organisation_id: org.id });
    // The admin reads the days: newest due day first.
    expect((await timelineOf(t, 'organisation', org.id))?.map((a) => a.title)).toEqual(['Afspraak 0', 'Afspraak 3', 'Afspraak 1', 'Afspraak 4', 'Afspraak 2']);

    await signInAsNewUser(t, 'rita', 'readonly', { overrides: [{ right: 'field:activity.due_at', effect: 'deny' }] });
    const timeline = await timelineOf(t, 'organisation', org.id);
    expect(timeline?.every((a) => !('due_at' in a.values))).toBe(true);
    // All were added today: last added first.
    expect(timeline?.map((a) => a.id)).toEqual([...timeline!.map((a) => a.id)].sort((a, b) => b - a));
  });
});
