/**
 * Two setups of one folder at once (two windows, or the CLI beside the app): one install comes out
 * of it, whole, and the other setup is refused without touching it (install/createInstall.ts).
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CreatedInstall } from '../../shared/apiTypes';
import { dataPaths } from '../../electron/core/install/paths';
import { ADMIN, noKeychain, secretOf, signIn, tempDir, testCore, totpAt } from '../support/install';

describe('setting up one folder twice at once', () => {
  it('makes one install and refuses the other setup, which leaves the first whole', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = testCore({ dataDir, keychain: noKeychain });
    const second = testCore({ dataDir, keychain: noKeychain });
    const results = await Promise.all([
      first.call('setup.createInstall', { ...ADMIN, enrolTotp: true }),
      second.call('setup.createInstall', { ...ADMIN, orgName: 'Een Andere Zaak BV', enrolTotp: true }),
    ]);
    const made = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(made).toHaveLength(1);
    expect(refused).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CONFLICT', messageId: 'access.installExists' }) }]);
    const paths = dataPaths(dataDir);
    expect(existsSync(paths.db) && existsSync(paths.vault)).toBe(true);

    // The install whose codes were handed out is the one in the folder, and it opens.
    const winner = results.indexOf(made[0]!) === 0 ? first : second;
    const { otpauthUri } = (made[0] as { value: CreatedInstall }).value;
    const later = testCore({ dataDir, keychain: noKeychain, clock: winner.clock });
    later.clock.advance(30);
    await signIn(later, ADMIN.adminUsername, ADMIN.password, totpAt(secretOf(otpauthUri ?? ''), later.clock));
    const orgName = results.indexOf(made[0]!) === 0 ? ADMIN.orgName : 'Een Andere Zaak BV';
    expect(later.core.sessionInfo().orgName).toBe(orgName);
  });
});

describe('setting up a folder that holds an install', () => {
  it('is refused as set up before the password is judged, whatever the password', async () => {
    const dataDir = join(tempDir(), 'data');
    const { call } = testCore({ dataDir, keychain: noKeychain });
    expect((await call('setup.createInstall', ADMIN)).ok).toBe(true);
    // A weak password of the longest length: judging it would hold the core for many seconds, and
    // its refusal would say "too easy to guess" of a setup that cannot happen anyway.
    const again = await testCore({ dataDir, keychain: noKeychain }).call('setup.createInstall', { ...ADMIN, password: '1234567890'.repeat(103).slice(0, 1024) });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', messageId: 'access.installExists' }) });
  });
});
