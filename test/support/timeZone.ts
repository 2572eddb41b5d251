/**
 * Runs a test in a time zone whose calendar day differs from UTC's right now (12 hours behind in
 * UTC's morning, 14 ahead after), so "today" taken from UTC instead of the computer's own day shows.
 */
import { expect } from 'vitest';
import { localDay } from '../../shared/localDay';

export async function inZoneWhereTodayIsNotUtcs(run: () => Promise<void>): Promise<void> {
  const zone = new Date().getUTCHours() < 12 ? 'Etc/GMT+12' : 'Etc/GMT-14';
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    expect(localDay()).not.toBe(new Date().toISOString().slice(0, 10));
    await run();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
