/**
 * The number a new invoice is offered: the install's own numbering, continued. Dutch and Belgian
 * law want invoice numbers unique and in one unbroken series, so the form proposes the next one
 * instead of leaving Finance to look up the last. It stays a proposal the user may change; the
 * number column is UNIQUE (rows.ts says so under the field), which is what keeps numbers apart.
 *
 * The series is that of the invoice made last that is not in the trash (a mistyped number, trashed,
 * does not lead the series on; its number stays taken, as every number in the trash does): "F1009"
 * is followed by "F1010", "2026-000123" by "2026-000124". A series that starts with a year
 * starts again at 1 in a new year ("2025-000312", then "2026-000001" in 2026), as most
 * bookkeepers number. A number that ends in no digits gives no proposal: nothing says what follows.
 */
import { localDay } from '../../../shared/localDay';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';

/** What the first invoice of an install is offered: the year and six digits, as the demo data. */
const FIRST_WIDTH = 6;
/** Numbers typed ahead of the series are stepped over, up to this many in a row. */
const MOST_TAKEN_IN_A_ROW = 1000;

export function nextInvoiceNumber(db: Db, today: string = localDay()): string | null {
  const year = today.slice(0, 4);
  const latest = prepared(db, 'SELECT number FROM invoices WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  if (latest === undefined) return firstFree(db, `${year}-`, 1, FIRST_WIDTH);
  const parts = /^(.*?)(\d+)$/.exec(latest);
  if (!parts) return null;
  const [, oldPrefix, digits] = parts as unknown as [string, string, string];
  const prefix = withYear(oldPrefix, year);
  const highest = highestOfSeries(db, prefix, digits.length);
  return firstFree(db, prefix, highest === null ? 1 : highest + 1, digits.length);
}

/** "2025-" becomes "2026-" in 2026; a prefix that starts with no earlier year stays as it is. */
function withYear(prefix: string, year: string): string {
  const started = /^(\d{4})(\D.*)$/.exec(prefix);
  if (!started || !(started[1]! >= '2000' && started[1]! < year)) return prefix;
  return `${year}${started[2]!}`;
}

/**
 * The highest number of the series: the prefix and `width` digits. Of equal width, digits sort as
 * numbers do, so the UNIQUE column's index finds it in one step.
 */
function highestOfSeries(db: Db, prefix: string, width: number): number | null {
  const numbers = prepared(db, 'SELECT number FROM invoices WHERE number BETWEEN ? AND ? AND length(number) = ? ORDER BY number DESC')
    .pluck()
    .iterate(`${prefix}${'0'.repeat(width)}`, `${prefix}${'9'.repeat(width)}`, prefix.length + width) as IterableIterator<string>;
  // A letter among the digits ("2026-00001a") sorts between them: stepped over.
  for (const number of numbers) {
    const digits = number.slice(prefix.length);
    if (/^\d+$/.test(digits)) {
      numbers.return?.();
      return Number(digits);
    }
  }
  return null;
}

function firstFree(db: Db, prefix: string, from: number, width: number): string | null {
  // Taken whatever its capitals, as rows.ts holds numbers apart.
  const taken = prepared(db, 'SELECT 1 FROM invoices WHERE number = ? COLLATE NOCASE');
  for (let n = from; n < from + MOST_TAKEN_IN_A_ROW; n++) {
    const candidate = `${prefix}${String(n).padStart(width, '0')}`;
    if (taken.get(candidate) === undefined) return candidate;
  }
  return null;
}
