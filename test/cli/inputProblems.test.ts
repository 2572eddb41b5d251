/**
 * The CLI's words for a value the wall's schema refused (electron/cli/output.ts): every kind of
 * problem the schema can find — a text too long, a number out of range, a list too long, a value
 * that is not one of the choices, a value of the wrong kind — named as the admin typed it, with the
 * limit, and never only "not valid" when the schema knows more. The refusals come from the real
 * dispatcher; the sentences are the ones the CLI prints (checked in real runs below).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromApiError } from '../../electron/cli/output';
import type { ChannelName } from '../../shared/channels';
import { NO_SECRET_SERVICE, runCli, signInEnv } from '../support/cli';
import { noKeychain, tempDir, testCore } from '../support/install';

/** What the CLI would print for this call's refusal: the wall checks the input before anything else. */
async function cliWords(channel: ChannelName, input: unknown): Promise<string> {
  const { dispatcher } = testCore({ keychain: noKeychain });
  const result = await dispatcher.dispatch(channel, input, { kind: 'cli' });
  if (result.ok) throw new Error(`${channel} took ${JSON.stringify(input)}`);
  expect(result.error.code).toBe('VALIDATION');
  return fromApiError(result.error, channel).message;
}

describe('the CLI words every problem the schema finds', () => {
  it.each([
    ['a number under its least', 'policy.update', { trashRetentionDays: 0 }, 'trashRetentionDays is too small: at least 1.'],
    ['a number over its most', 'policy.update', { bulkConfirmThreshold: 5_000 }, 'bulkConfirmThreshold is too large: at most 1000.'],
    ['a number that must be more than 0', 'users.disable', { userId: 0 }, 'userId is too small: more than 0.'],
    ['a number that is not whole', 'users.disable', { userId: 1.5 }, 'userId must be a whole number.'],
    ['a list too long', 'trash.restore', { items: Array.from({ length: 1_001 }, (_, i) => ({ entity: 'contact', id: i + 1 })) }, 'items has too many items: at most 1000.'],
    ['an empty list', 'trash.restore', { items: [] }, 'items has too few items: at least 1.'],
    ['a value that is not one of the choices', 'records.deleteImpact', { entity: 'contact', ids: [1], mode: 'shred' }, 'mode is not one of its choices: use one of trash, purge, erase.'],
    ['a value of the wrong kind', 'session.signIn', { username: 'anouk', password: 12 }, 'KLUIS_PASSWORD must be text.'],
    ['a missing value', 'session.signIn', { username: 'anouk' }, 'KLUIS_PASSWORD must be text.'],
    ['a rule of the schema’s own', 'trash.restore', { items: [{ entity: 'contact', id: 1 }, { entity: 'contact', id: 1 }] }, 'items is not valid: each record once.'],
  ] as const)('%s', async (_case, channel, input, words) => {
    expect(await cliWords(channel, input)).toBe(words);
  });

  it('falls back to "not valid" only where the schema says nothing more', async () => {
    const sentences = await Promise.all([
      cliWords('policy.update', { idleLockSeconds: 1 }),
      cliWords('audit.list', { limit: 501 }),
      cliWords('history.list', { limit: 'ten' }),
      cliWords('records.delete', { entity: 'planet', ids: [1] }),
    ]);
    expect(sentences).toEqual([
      'idleLockSeconds is too small: at least 5.',
      'limit is too large: at most 500.',
      'limit must be a number.',
      'entity is not one of its choices: use one of ' + sentences[3]!.split('use one of ')[1],
    ]);
    for (const sentence of sentences) expect(sentence).not.toMatch(/is not valid\.$/);
  });
});

describe('the CLI’s own inputs, in real runs', { timeout: 120_000 }, () => {
  const env = { KLUIS_PASSWORD: 'fietsen-langs-de-amstel', ...NO_SECRET_SERVICE };

  it.each([
    ['a password too long for anyone', ['--org', 'A', '--admin', 'anouk'], { KLUIS_PASSWORD: 'p'.repeat(1_025) }, 'kluis: KLUIS_PASSWORD is too long: at most 1024 characters.'],
    ['a username too long for the pattern', ['--org', 'A', '--admin', 'a'.repeat(65)], {}, 'kluis: --admin is not in the right format: use 2–64 letters, digits, dots, dashes or underscores.'],
  ])('init words %s with its limit and changes nothing', async (_case, options, extraEnv, message) => {
    const dataDir = join(tempDir(), 'data');
    const result = await runCli(['init', '--data', dataDir, ...options], { ...env, ...extraEnv });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${message}\n`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('words a username too long to be anyone’s at sign-in as a wrong credential (exit 2), with its limit', async () => {
    const result = await runCli(['status', '--data', join(tempDir(), 'data')], { ...env, ...signInEnv('u'.repeat(257), 'fietsen-langs-de-amstel', '123456') });
    expect(result.stderr).toBe('kluis: KLUIS_USER is too long: at most 256 characters.\n');
    expect(result.code).toBe(2);
  });
});
