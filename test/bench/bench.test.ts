/**
 * The benchmark runs and reports every figure (its numbers are not asserted: speed is measured by
 * `npm run bench`, never by a timed unit test).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SIDE_KEYS = [
  'seed_rows_per_s',
  'seed_contacts_per_s',
  'search_p50_ms',
  'search_p95_ms',
  'list_page_p95_ms',
  'detail_p95_ms',
  'update_p95_ms',
  'undo_p95_ms',
  'dispatch_search_p95_ms',
];

describe('npm run bench', () => {
  it('prints one JSON object with every key for both sides, progress on stderr', async () => {
    const { stdout, stderr } = await run('npx', ['tsx', 'tools/bench/bench.ts', '--json', '--contacts', '2000'], { timeout: 240_000 });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown> & { encrypted: Record<string, number>; plain: Record<string, number> };
    expect(Object.keys(result).sort()).toEqual(['contacts', 'encrypted', 'plain', 'rss_mb', 'unlock_ms']);
    expect(result.contacts).toBe(2000);
    for (const side of [result.encrypted, result.plain]) {
      expect(Object.keys(side).sort()).toEqual([...SIDE_KEYS].sort());
      for (const key of SIDE_KEYS) expect(Number.isFinite(side[key]) && side[key]! > 0, key).toBe(true);
      expect(side.search_p50_ms).toBeLessThanOrEqual(side.search_p95_ms!);
    }
    // The real Argon2id parameters: an unlock cannot be instant.
    expect(result.unlock_ms).toBeGreaterThan(50);
    expect(stderr).toContain('encrypted: seeded 2000 / 2000 contacts');
    expect(stderr).toContain('reading both databases into the file cache');
    // The summary of the targets, on stderr so stdout stays one JSON object.
    expect(stderr).toMatch(/^Issue 7's targets \(they are set for 1,000,000 contacts; this run had 2,000\): \d+ of 12 hold$/m);
  }, 300_000);

  it('explains itself with --help, and points an unknown option there', async () => {
    const help = await run('npx', ['tsx', 'tools/bench/bench.ts', '--help'], { timeout: 60_000 });
    expect(help.stdout).toMatch(/^Usage: npm run --silent bench -- \[--json\] \[--contacts N\]\n/);
    expect(help.stdout).toContain('--contacts N   contacts per install: 100 to 2,000,000 (default 100,000)');
    expect(help.stderr).toBe('');
    const failed = await run('npx', ['tsx', 'tools/bench/bench.ts', '--contact', '5000'], { timeout: 60_000 }).catch((error: unknown) => error as { code: number; stdout: string; stderr: string });
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect((failed as { stderr: string }).stderr).toMatch(/^bench: Unknown option '--contact'.* \(see --help\)\n$/);
  }, 120_000);

  it('refuses a bad --contacts with one line on stderr and exit code 1', async () => {
    const failed = await run('npx', ['tsx', 'tools/bench/bench.ts', '--json', '--contacts', 'many'], { timeout: 60_000 }).catch((error: unknown) => error as { code: number; stdout: string; stderr: string });
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect((failed as { stderr: string }).stderr.trim()).toBe('bench: --contacts must be a whole number from 100 to 2,000,000.');
  }, 120_000);
});
