/**
 * A record's timeline lists the activities linked to it, so it says what each activity is linked
 * to. A caller who sees that link masked (Read-only: an activity's contact is personal) or not at
 * all (a personal deny) gets no timeline on that kind of record, as related records already did.
 */
import { describe, expect, it } from 'vitest';
import type { RecordDetail, RecordView } from '../../shared/recordTypes';
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
