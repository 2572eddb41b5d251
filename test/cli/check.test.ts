/**
 * `check` reads the whole database: ok on an untouched install, and "damaged" (exit 1) when a few
 * bytes in the middle of the file were changed — a page no sign-in reads, which nothing else notices.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../electron/core/install/paths';
import { expectNoSecrets, installTemplate, NO_SECRET_SERVICE, runCli, type CliResult } from '../support/cli';

const PASSWORD = 'lange-wandeling-door-de-duinen';
const newInstall = installTemplate({ org: 'Bloemenhandel Bos', admin: 'beheer', password: PASSWORD, env: NO_SECRET_SERVICE });

async function cli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const result = await runCli(args, { ...NO_SECRET_SERVICE, ...env });
  expectNoSecrets(args, result, [PASSWORD]);
  return result;
}

/** Inverts three bytes halfway through the file, as a bad disk or a broken copy would. */
function damageTheMiddle(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const at = Math.floor(fstatSync(fd).size / 2) + 50;
    const bytes = Buffer.alloc(3);
    readSync(fd, bytes, 0, 3, at);
    writeSync(fd, bytes.map((b) => b ^ 0xff), 0, 3, at);
  } finally {
    closeSync(fd);
  }
}

describe('check', { timeout: 120_000 }, () => {
  it('says ok on an untouched install, and damaged after three bytes in the middle of the file changed', async () => {
    const install = newInstall();
    expect((await cli(['seed', '--data', install.dataDir, '--contacts', '400'], install.withRecoveryCode())).code).toBe(0);
    const ok = await cli(['check', '--data', install.dataDir], install.withRecoveryCode());
    expect(ok.stderr).toBe('');
    expect(ok).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok \d+ pages\n$/) });
    const pages = Number(/^ok (\d+)/.exec(ok.stdout)![1]);
    expect(pages).toBeGreaterThan(100);

    damageTheMiddle(dataPaths(install.dataDir).db);
    const damaged = await cli(['check', '--data', install.dataDir], install.withRecoveryCode());
    expect(damaged).toMatchObject({ code: 1, stdout: 'damaged: part of the database cannot be read or does not hold together. Restore the data folder from a backup.\n' });
    const json = await cli(['check', '--data', install.dataDir, '--json'], install.withRecoveryCode());
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, pages: expect.any(Number) });
  });

  it('answers --json with a verdict also when the damage stops the sign-in: the first page, or vault.json', async () => {
    const install = newInstall();
    const { db, vault } = dataPaths(install.dataDir);
    const original = readFileSync(db);
    const damaged = Buffer.from(original);
    damaged[20] = (damaged[20] as number) ^ 0xff;
    writeFileSync(db, damaged);
    const json = await cli(['check', '--data', install.dataDir, '--json'], install.withRecoveryCode());
    expect(json.code).toBe(1);
    const databaseDamaged = 'The database file is damaged, or it is not this install’s. Nothing was changed: restore the data folder from a backup.';
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, pages: 0, message: databaseDamaged });
    expect(json.stderr).toBe(`kluis: ${databaseDamaged}\n`);
    // Without --json it stays one line on stderr, as any command says it.
    const text = await cli(['check', '--data', install.dataDir], install.withRecoveryCode());
    expect(text).toMatchObject({ code: 1, stdout: '', stderr: `kluis: ${databaseDamaged}\n` });

    writeFileSync(db, original);
    writeFileSync(vault, '{"version": 1, "cut off');
    const vaultJson = await cli(['check', '--data', install.dataDir, '--json'], install.withRecoveryCode());
    expect(vaultJson.code).toBe(1);
    expect(JSON.parse(vaultJson.stdout)).toEqual({ ok: false, pages: 0, message: 'vault.json is damaged: it is not valid JSON.' });
  });

  it('keeps other refusals off stdout with --json: a wrong password is no verdict on the file', async () => {
    const install = newInstall();
    const wrong = await runCli(['check', '--data', install.dataDir, '--json'], { ...NO_SECRET_SERVICE, ...install.withRecoveryCode(), KLUIS_PASSWORD: 'niet-het-goede-wachtwoord' });
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
  });
});
