/**
 * Switching off a field that holds values deletes them for good, so it takes a fresh code — asked
 * after the user was told how many values go, not before. A field with no values needs none.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, installedCore, noKeychain, signIn } from '../support/install';

describe('switching a field off', () => {
  it('says how many values go first, then asks for a fresh code, then deletes them', async () => {
    const t = await installedCore({ keychain: noKeychain });
    // A recovery code signs in without making the second factor fresh.
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.recoveryCodes[0]!);
    for (const job_title of ['Bakker', 'Slager']) expect((await t.call('records.create', { entity: 'contact', values: { last_name: 'Jansen', job_title } })).ok).toBe(true);

    const asked = await t.call('fields.setEnabled', { entity: 'contact', field: 'job_title', enabled: false });
    expect(asked).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { valueCount: 2 } } });
    const confirmed = { entity: 'contact', field: 'job_title', enabled: false, confirmValueCount: 2 };
    expect(await t.call('fields.setEnabled', confirmed)).toMatchObject({ ok: false, error: { code: 'STEP_UP_REQUIRED' } });
    expect(t.core.requireActive().db.prepare('SELECT count(*) FROM contacts WHERE job_title IS NOT NULL').pluck().get()).toBe(2);

    expect((await t.call('session.stepUp', { code: t.nextCode() })).ok).toBe(true);
    expect(await t.call('fields.setEnabled', confirmed)).toEqual({ ok: true, value: { enabled: false, purged: 2 } });
  });

  it('needs no code when the field holds no values: nothing is deleted', async () => {
    const t = await installedCore({ keychain: noKeychain });
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.recoveryCodes[0]!);
    expect(await t.call('fields.setEnabled', { entity: 'contact', field: 'job_title', enabled: false, confirmValueCount: 0 })).toEqual({ ok: true, value: { enabled: false, purged: 0 } });
  });
});
