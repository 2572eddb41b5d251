/**
 * The records that only name a person in their text (electron/core/records/mentions.ts): an access
 * request and an erasure follow links, so the privacy officer gets these to check by hand, beside
 * the access request (`privacy.mentions`) and in the erasure's review (`records.deleteImpact`).
 */
import { describe, expect, it } from 'vitest';
import type { DeleteImpact, DeleteResult } from '../../shared/historyTypes';
import type { Mentions, RecordView, SearchGroup } from '../../shared/recordTypes';
import { confirmStep, signedInAdmin, signInAsNewUser, type Installed, type TestCore } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

async function create(t: TestCore, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

const keys = (mentions: Mentions) => mentions.records.map((record) => `${record.entity}:${record.id}`).sort();
const key = (record: { entity: string; id: number }) => `${record.entity}:${record.id}`;

/** Erik, the records linked to him, and records elsewhere that only name him. */
async function erikAndHisMentions(t: Installed) {
  const erik = await create(t, 'contact', { first_name: 'Erik', last_name: 'Wissel', email: 'erik@wissel.example' });
  const linked = {
    consent: await create(t, 'consent', { contact_id: erik.id, purpose: 'Nieuwsbrief', source: 'Beurs', given_at: '2026-03-01' }),
    // His own activity goes with him at an erasure; the deal stays, without its link, and keeps its title.
    activity: await create(t, 'activity', { kind: 'call', subject: 'Erik Wissel terugbellen', contact_id: erik.id }),
    deal: await create(t, 'deal', { title: 'Keuken voor Erik Wissel', stage: 'lead', contact_id: erik.id }),
  };
  const naming = {
    sister: await create(t, 'contact', { first_name: 'Marie', last_name: 'Jansen', notes: 'Zus van Erik Wissel' }),
    deal: await create(t, 'deal', { title: 'Badkamer', stage: 'lead', notes: 'Aangebracht door Wissel, Erik' }),
    call: await create(t, 'activity', { kind: 'call', subject: 'Offerte', body: 'Erik Wissel belde over de offerte' }),
  };
  // Another Erik, and a Wissel without him: neither names him.
  await create(t, 'contact', { first_name: 'Erik', last_name: 'Jansen' });
  await create(t, 'organisation', { name: 'Wissel & Zonen' });
  return { erik, linked, naming };
}

describe('records that name a person', () => {
  it('beside an access request: the records that name the person without a link to them, not the person or what the report holds', async () => {
    const t = await signedInAdmin();
    const { erik, naming } = await erikAndHisMentions(t);
    await signInAsNewUser(t, 'pia', 'privacy');

    const mentions = value<Mentions>(await t.call('privacy.mentions', { entity: 'contact', id: erik.id }));
    expect(mentions.name).toBe('Erik Wissel');
    // Linked records are in the report in full, so they are not listed again.
    expect(keys(mentions)).toEqual([key(naming.call), key(naming.deal), key(naming.sister)].sort());
    expect(mentions.records.find((record) => key(record) === key(naming.sister))).toEqual({ entity: 'contact', id: naming.sister.id, title: 'Marie Jansen' });
    expect(mentions.more).toBe(false);
  });

  it("in an erasure's review: what the erasure leaves that names the person, the unlinked deal too; after it, those still do", async () => {
    const t = await signedInAdmin();
    const { erik, linked, naming } = await erikAndHisMentions(t);
    // Moving to the trash is no erasure: no list.
    const trashImpact = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids: [erik.id], mode: 'trash' }));
    expect(trashImpact.mentions).toBeNull();
    const pia = await signInAsNewUser(t, 'pia', 'privacy');

    const impact = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids: [erik.id], mode: 'erase' }));
    expect(impact.mentions?.name).toBe('Erik Wissel');
    // The consent and his own activity are erased with him; the deal only loses its link.
    expect(keys(impact.mentions!)).toEqual([key(linked.deal), key(naming.call), key(naming.deal), key(naming.sister)].sort());

    await confirmStep(t, pia.secret);
    value<DeleteResult>(await t.call('privacy.erase', { entity: 'contact', id: erik.id, reviewedTotal: impact.total }));
    // Which is why they are listed: the erasure does not touch their text.
    const found = value<SearchGroup[]>(await t.call('search.query', { text: 'Erik Wissel' })).flatMap((group) => group.hits.map((hit) => `${hit.entity}:${hit.id}`));
    expect(found.sort()).toEqual([key(linked.deal), key(naming.call), key(naming.deal), key(naming.sister)].sort());
  });

  it('lists twenty and says there are more; a name of one word is not searched for', async () => {
    const t = await signedInAdmin();
    const erik = await create(t, 'contact', { first_name: 'Erik', last_name: 'Wissel' });
    for (let n = 1; n <= 21; n += 1) await create(t, 'activity', { kind: 'note', subject: `Notitie ${n}`, body: `Gesproken met Erik Wissel (${n})` });
    const single = await create(t, 'contact', { last_name: 'Wissel' });
    await signInAsNewUser(t, 'pia', 'privacy');

    const mentions = value<Mentions>(await t.call('privacy.mentions', { entity: 'contact', id: erik.id }));
    expect(mentions.records).toHaveLength(20);
    expect(mentions.more).toBe(true);
    expect(value<Mentions>(await t.call('privacy.mentions', { entity: 'contact', id: single.id }))).toEqual({ name: 'Wissel', records: [], more: false });
  });

  it('lists only what the caller may read, and only for the access-request task', async () => {
    const t = await signedInAdmin();
    const { erik, naming } = await erikAndHisMentions(t);
    // The administrator has no access-request task.
    expect(await t.call('privacy.mentions', { entity: 'contact', id: erik.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // An officer who may not read deals gets no deal's title, as a search would give none.
    await signInAsNewUser(t, 'pim', 'privacy', { overrides: [{ right: 'record:deal.read', effect: 'deny' }] });
    const mentions = value<Mentions>(await t.call('privacy.mentions', { entity: 'contact', id: erik.id }));
    expect(keys(mentions)).toEqual([key(naming.call), key(naming.sister)].sort());
  });
});
