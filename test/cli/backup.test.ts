/**
 * `backup` as an admin runs it: a backup folder that `check` and `audit verify` pass and `status`
 * signs in to with the same account; a folder that is not empty is refused, exit 1, with the reason.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoSecrets, installTemplate, NO_SECRET_SERVICE, runCli, type CliResult } from '../support/cli';
import { tempDir } from '../support/install';

const PASSWORD = 'lange-wandeling-door-de-duinen';
const newInstall = installTemplate({ org: 'Bloemenhandel Bos', admin: 'beheer', password: PASSWORD, env: NO_SECRET_SERVICE });

async function cli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const result = await runCli(args, { ...NO_SECRET_SERVICE, ...env });
  expectNoSecrets(args, result, [PASSWORD]);
  return result;
}

describe('backup', { timeout: 120_000 }, () => {
  it('writes a folder that check, audit verify and a sign-in accept; a folder that is not empty is refused', async () => {
    const install = newInstall();
    expect((await cli(['seed', '--data', install.dataDir, '--contacts', '200'], install.withRecoveryCode())).code).toBe(0);
    const to = join(tempDir(), 'kluis-backup');

    const made = await cli(['backup', '--data', install.dataDir, '--to', to], install.withRecoveryCode());
    expect(made.stderr).toBe('');
    expect(made).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^backed up to ${to}: \\d+ pages \\(\\d+\\.\\d MB\\), every page read back and the audit log whole \\(\\d+ entries\\)\\n$`)) });
    expect(readdirSync(to).sort()).toEqual(['kluis.db', 'vault.json']);

    expect(await cli(['check', '--data', to], install.withRecoveryCode())).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok \d+ pages\n$/) });
    expect(await cli(['audit', 'verify', '--data', to], install.withRecoveryCode())).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok \d+\n$/) });
    const status = await cli(['status', '--data', to, '--json'], install.withRecoveryCode());
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ userCount: 1 });

    const full = join(tempDir(), 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'notes.txt'), 'mine');
    const refused = await cli(['backup', '--data', install.dataDir, '--to', full, '--json'], install.withRecoveryCode());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${full} is not empty. Give a new or empty folder for the backup; nothing was written.`);
    expect(readdirSync(full)).toEqual(['notes.txt']);
  });

  it('refuses a folder inside the data folder before signing in: the code is still good for the backup typed again', async () => {
    const install = newInstall();
    const signIn = install.withRecoveryCode();
    const inside = await cli(['backup', '--data', install.dataDir, '--to', join(install.dataDir, 'backup')], signIn);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain('is the data folder or inside it');
    expect(readdirSync(install.dataDir)).not.toContain('backup');
    const gone = await cli(['backup', '--data', install.dataDir, '--to', join(tempDir(), 'no-such-folder', 'backup')], signIn);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('cannot be created: check that the folder it goes in exists');
    // The same recovery code again: neither refusal signed in, so it was never used.
    const made = await cli(['backup', '--data', install.dataDir, '--to', join(tempDir(), 'kluis-backup')], signIn);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
  });
});
