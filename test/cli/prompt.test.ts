/**
 * The hidden password prompt, on a real terminal: `script` gives the CLI a pseudo-terminal, so it
 * asks instead of reading KLUIS_PASSWORD, with echo off, and reads what is typed key by key.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { installTemplate, NO_SECRET_SERVICE, type CliResult } from '../support/cli';
import { bundleOf } from '../support/toolBundles';

const PASSWORD = 'lange-wandeling-door-de-duinen';
const newInstall = installTemplate({ org: 'Bloemenhandel Bos', admin: 'beheer', password: PASSWORD, env: NO_SECRET_SERVICE });

/** Runs the CLI on a terminal and, once it asks for the password, types `keys`. */
function typedAtPrompt(args: string[], env: Record<string, string>, keys: string): Promise<CliResult> {
  const command = [process.execPath, bundleOf('cli'), ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((done, fail) => {
    // -e: script exits with the CLI's own code; -f: its output arrives as it is written.
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: Object.fromEntries(Object.entries({ ...process.env, ...NO_SECRET_SERVICE, ...env, KLUIS_PASSWORD: undefined }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The prompt is written once echo is off, so the keys are never shown.
      if (!typed && output.includes('Password: ')) {
        typed = true;
        child.stdin.write(keys);
      }
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: output, stderr: '' }));
  });
}

describe('the password prompt', { timeout: 60_000 }, () => {
  it('signs in with a password typed at the prompt, which is never echoed', async () => {
    const install = newInstall();
    const { KLUIS_USER, KLUIS_TOTP } = install.withRecoveryCode();
    const result = await typedAtPrompt(['status', '--data', install.dataDir], { KLUIS_USER: KLUIS_USER!, KLUIS_TOTP: KLUIS_TOTP! }, `${PASSWORD}\r`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/key mode +passphrase-only/);
    expect(result.stdout).not.toContain(PASSWORD);
  });

  it('ends with exit 130 and "Cancelled." on Ctrl+C, as a shell reports a command stopped by it', async () => {
    const install = newInstall();
    const { KLUIS_USER, KLUIS_TOTP } = install.withRecoveryCode();
    const result = await typedAtPrompt(['status', '--data', install.dataDir], { KLUIS_USER: KLUIS_USER!, KLUIS_TOTP: KLUIS_TOTP! }, 'half-typ\u0003');
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('kluis: Cancelled.');
    expect(result.stdout).not.toContain('half-typ');
  });
});
