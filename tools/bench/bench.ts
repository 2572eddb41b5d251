/**
 * `npm run --silent bench -- --json --contacts N`: seeds two fresh installs with the same
 * deterministic data — one encrypted exactly as the app does, one plain (same driver, no key) — and
 * times the same workload on both, interleaved sample by sample so the ratios hold on a noisy
 * machine, after reading both database files side by side (see fileCache.ts). One JSON object on
 * stdout; progress on stderr. See docs/performance.md.
 */
import { parseArgs } from 'node:util';
import { seedRecords } from '../../electron/core/records/seed';
import { readSideBySide } from './fileCache';
import { benchInstall, type BenchInstall } from './install';
import { percentile, timeMs, timeMsAsync } from './stats';
import { targetsSummary, type SideFigures } from './targets';
import { drawSamples, operations, type Operations } from './workload';

const SAMPLES = 200;
const WARM_UP = 20;

/** One side's figures: those the targets are checked on, and two more for the reader. */
interface SideResult extends SideFigures {
  seed_rows_per_s: number;
  search_p50_ms: number;
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

const USAGE = `Usage: npm run --silent bench -- [--json] [--contacts N]

Seeds two fresh installs with the same N demo contacts and their organisations, deals, activities,
invoices and consents: one encrypted exactly as the app does, one plain. Then times the same
searches, list pages, contact pages, edits, undos and searches through the dispatcher on both, and
the unlock. Prints one JSON object on stdout; progress goes to stderr.

  --contacts N   contacts per install: 100 to 2,000,000 (default 100,000)
  --json         the object on one line
  --help         this text

What each figure means, and every run so far: docs/performance.md.
`;

/** The options, or null when --help asked for the usage (printed here). */
function parse(): { contacts: number; json: boolean } | null {
  let values: { json?: boolean; contacts?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { json: { type: 'boolean' }, contacts: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return null;
  }
  const contacts = values.contacts === undefined ? 100_000 : Number(values.contacts);
  if (!Number.isSafeInteger(contacts) || contacts < 100 || contacts > 2_000_000) {
    throw new Error('--contacts must be a whole number from 100 to 2,000,000.');
  }
  return { contacts, json: values.json === true };
}

function seed(install: BenchInstall, contacts: number, label: string): { rowsPerSecond: number; contactsPerSecond: number } {
  const session = install.core.requireActive();
  const result = seedRecords(session, {
    contacts,
    seed: 1,
    now: new Date('2026-11-01T09:00:00Z'),
    onProgress: (done, total) => progress(`${label}: seeded ${done} / ${total} contacts`),
  });
  progress(`${label}: ${Math.round(result.contactsPerSecond)} contacts/s, ${Math.round(result.rowsPerSecond)} rows/s`);
  return { rowsPerSecond: Math.round(result.rowsPerSecond), contactsPerSecond: Math.round(result.contactsPerSecond) };
}

type Sides = { encrypted: Operations; plain: Operations };
type Timings = Record<'encrypted' | 'plain', number[]>;

/** Runs `sample(i, side)` for each sample on both sides, alternating which goes first. */
async function interleaved(sides: Sides, count: number, sample: (ops: Operations, i: number) => Promise<number> | number): Promise<Timings> {
  const timings: Timings = { encrypted: [], plain: [] };
  for (let i = 0; i < count; i++) {
    const order = i % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const);
    for (const side of order) timings[side].push(await sample(sides[side], i));
  }
  return timings;
}

async function main(): Promise<void> {
  const options = parse();
  if (options === null) return;
  const { contacts, json } = options;
  progress(`Kluis benchmark: ${contacts.toLocaleString('en-GB')} contacts, encrypted and plain`);
  const encrypted = await benchInstall(true);
  const plain = await benchInstall(false).catch(async (error: unknown) => {
    await encrypted.remove();
    throw error;
  });
  try {
    const seeded = { encrypted: seed(encrypted, contacts, 'encrypted'), plain: seed(plain, contacts, 'plain') };
    progress('reading both databases into the file cache');
    readSideBySide([encrypted.databaseFile, plain.databaseFile]);
    // Drawn on both sides, so both read the same rows before timing (and hold the same data).
    const samples = drawSamples(encrypted, SAMPLES);
    if (JSON.stringify(drawSamples(plain, SAMPLES)) !== JSON.stringify(samples)) throw new Error('The two installs hold different data.');
    const sides: Sides = { encrypted: operations(encrypted, samples), plain: operations(plain, samples) };

    progress('warming up');
    await interleaved(sides, WARM_UP, (ops, i) => timeMs(() => ops.search(samples.queries[i]!)));
    progress('search');
    const search = await interleaved(sides, SAMPLES, (ops, i) => timeMs(() => ops.search(samples.queries[i]!)));
    progress('list pages');
    const list = await interleaved(sides, SAMPLES, (ops, i) => timeMs(() => ops.listPage(i)));
    progress('detail');
    const detail = await interleaved(sides, SAMPLES, (ops, i) => timeMs(() => ops.detail(samples.contactIds[i]!)));
    progress('update and undo');
    const undo: Timings = { encrypted: [], plain: [] };
    const update = await interleaved(sides, SAMPLES, (ops, i) => {
      const elapsed = timeMs(() => ops.update(samples.contactIds[i]!, `Functie ${i}`));
      (ops === sides.encrypted ? undo.encrypted : undo.plain).push(timeMs(() => ops.undo()));
      return elapsed;
    });
    progress('search through the dispatcher');
    const dispatch = await interleaved(sides, SAMPLES, (ops, i) => timeMsAsync(() => ops.dispatchSearch(samples.queries[i]!)));

    progress('unlock');
    const unlocks: number[] = [];
    for (let i = 0; i < 3; i++) unlocks.push(await timeMsAsync(() => encrypted.unlock()));

    const side = (name: 'encrypted' | 'plain'): SideResult => ({
      seed_rows_per_s: seeded[name].rowsPerSecond,
      seed_contacts_per_s: seeded[name].contactsPerSecond,
      search_p50_ms: percentile(search[name], 50),
      search_p95_ms: percentile(search[name], 95),
      list_page_p95_ms: percentile(list[name], 95),
      detail_p95_ms: percentile(detail[name], 95),
      update_p95_ms: percentile(update[name], 95),
      undo_p95_ms: percentile(undo[name], 95),
      dispatch_search_p95_ms: percentile(dispatch[name], 95),
    });
    const result = {
      contacts,
      encrypted: side('encrypted'),
      plain: side('plain'),
      unlock_ms: Math.round(percentile(unlocks, 50)),
      rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    progress(targetsSummary(result));
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await encrypted.remove();
    await plain.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
