/**
 * Revealing a masked value is one audited act, and no way to copy what the mask protects: after
 * REVEALS_PER_CODE reveals the next asks for a fresh code, and special-category data is never revealed.
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/audit/chain';
import { REVEALS_PER_CODE } from '../../electron/core/kluis';
import { signedInAdmin, signInAsNewUser, totpAt } from '../support/install';

describe('revealing a masked value', () => {
  it('asks for a fresh code after a few, and counts again after it', async () => {
    const t = await signedInAdmin();
    const ids: number[] = [];
    for (let i = 0; i <= REVEALS_PER_CODE; i++) {
      const made = await t.call('records.create', { entity: 'contact', values: { last_name: `Visser ${i}`, phone: `061234${String(5000 + i)}` } });
      ids.push((made as unknown as { value: { id: number } }).value.id);
    }
    // Marketing sees phone numbers masked, and signed in with a code just now.
    const mila = await signInAsNewUser(t, 'mila', 'marketing');
    const reveal = (id: number) => t.call('records.reveal', { entity: 'contact', id, field: 'phone' });
    for (const id of ids.slice(0, REVEALS_PER_CODE)) expect(await reveal(id)).toMatchObject({ ok: true, value: { value: expect.stringMatching(/^061234\d{4}$/) } });
    const last = ids[REVEALS_PER_CODE]!;
    expect(await reveal(last)).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED', messageId: 'records.revealNeedsCode' } });
    // A lock and an unlock with the password alone (the default policy) do not start the count again.
    expect((await t.call('session.lock')).ok).toBe(true);
    expect((await t.call('session.unlock', { password: 'mila-fietst-langs-de-lange-vliet' })).ok).toBe(true);
    expect(await reveal(last)).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED', messageId: 'records.revealNeedsCode' } });
    t.clock.advance(30);
    expect((await t.call('session.stepUp', { code: totpAt(mila.secret, t.clock) })).ok).toBe(true);
    expect(await reveal(last)).toMatchObject({ ok: true, value: { value: `061234${5000 + REVEALS_PER_CODE}` } });
    const revealed = listAudit(t.core.requireActive().db, 500).filter((e) => e.action === 'records.revealed');
    expect(revealed).toHaveLength(REVEALS_PER_CODE + 1);
  });

  it('never shows special-category data, also not to the Administrator who sees it masked', async () => {
    const t = await signedInAdmin();
    const made = await t.call('records.create', { entity: 'contact', values: { last_name: 'Veenstra' } });
    const id = (made as unknown as { value: { id: number } }).value.id;
    t.core.requireActive().db.prepare("UPDATE contacts SET birth_date = '1980-12-31' WHERE id = ?").run(id);
    expect(await t.call('records.reveal', { entity: 'contact', id, field: 'birth_date' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', messageId: 'access.specialNotRevealed', message: 'Date of birth is special-category data: it is not revealed. Only those whose role may read it see it.' },
    });
  });
});
