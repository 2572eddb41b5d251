/**
 * A CSV cell (always text) → the value the field expects, before the usual validation: amounts as
 * people type them in the Netherlands and Belgium ("€ 1.234,56"), ja/nee, dates as DD-MM-YYYY,
 * options by their key or their English or Dutch label, and countries by name ("België" → BE).
 */
import type { CoreMessage } from '../../../../shared/coreMessages';
import { optionList, type Localized } from '../../../../shared/registry';
import type { ActiveField } from '../fields';
import { fold } from '../fold';

export type Converted = { value: string | number | boolean | null } | { error: CoreMessage };

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

const SPACES = /[\s\u00a0\u202f]+/g;
const CURRENCY = /^(?:€|euro|eur)|(?:€|euro|eur)$/i;

/**
 * The decimal mark a file's numbers use, when its form tells: a file separated by ';' comes from a
 * spreadsheet whose decimal mark is ',' (Dutch Excel writes "1.234,56"), so there "1,234" is one
 * and a bit, not a thousand. Otherwise null, and each number is read by its own shape.
 */
export type DecimalMark = ',' | null;

/**
 * "12,50", "12.50", "€ 1.234,56", "1,234.56", "-5" → cents; null when it is not an amount. A lone
 * separator before three digits ("1.234", "1,234") groups thousands, unless `decimalMark` says the
 * comma is the decimal mark: then "1,234" has three decimals, which no amount has.
 */
export function parseMoney(text: string, decimalMark: DecimalMark = null): number | null {
  let t = text.replace(SPACES, '');
  let negative = false;
  for (let i = 0; i < 2; i++) {
    if (t.startsWith('-')) {
      negative = !negative;
      t = t.slice(1);
    } else if (t.startsWith('+')) t = t.slice(1);
    t = t.replace(CURRENCY, '');
  }
  // "25,-": whole euros, as a Dutch price list writes them.
  t = t.replace(/(?<=\d)[.,][-\u2013\u2014]{1,2}$/, '');
  if (!/^\d[\d.,]*$/.test(t) || /[.,]$/.test(t)) return null;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  let thousands: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
    thousands = decimal === '.' ? ',' : '.';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = t.split(sep);
    const last = parts[parts.length - 1]!;
    // One separator followed by exactly three digits is a thousands separator ("1.234"), unless it follows a lone 0.
    if (parts.length === 2 && (last.length !== 3 || parts[0] === '0' || sep === decimalMark)) decimal = sep;
    else thousands = sep;
  }
  let whole = t;
  let fraction = '';
  if (decimal) {
    const at = t.lastIndexOf(decimal);
    whole = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (fraction.includes('.') || fraction.includes(',')) return null;
  }
  if (thousands) {
    if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`).test(whole)) return null;
    whole = whole.split(thousands).join('');
  }
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}

/** Whole numbers, with "." or "," as thousands separators allowed ("1.250"); not "," where it is the decimal mark. */
export function parseInteger(text: string, decimalMark: DecimalMark = null): number | null {
  const t = text.replace(SPACES, '');
  const grouped = decimalMark === ',' ? /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)$/ : /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)$/;
  const match = grouped.exec(t);
  if (!match) return null;
  const value = Number(match[2]!.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(value)) return null;
  return match[1] === '-' ? -value : value;
}

function realDate(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The cell without a time of day after its date ("31-12-2026 00:00", as Excel adds). */
const withoutTimeOfDay = (text: string): string => text.trim().replace(/[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/, '');

/**
 * Year, month and day of YYYY-MM-DD, or DD-MM-YYYY with "-", "/" or "."; a time of day after it (as
 * Excel adds) is ignored. Null when the text is not written as a date; the day need not exist.
 */
function dateParts(text: string): [number, number, number] | null {
  const t = withoutTimeOfDay(text);
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (match) return [Number(match[3]), Number(match[2]), Number(match[1])];
  return null;
}

/**
 * A date written with the year last (05/06/1990): its first two numbers and the mark between them.
 * Null for YYYY-MM-DD and for what is no date.
 */
function yearLastParts(text: string): { first: number; second: number; mark: string } | null {
  const match = /^(\d{1,2})([-/.])(\d{1,2})\2\d{4}$/.exec(withoutTimeOfDay(text));
  return match ? { first: Number(match[1]), second: Number(match[3]), mark: match[2]! } : null;
}

/** The mark of a cell that can only be month first (12/31/1990: no 31st month), or null. */
export function monthFirstMark(text: string): string | null {
  const parts = yearLastParts(text);
  return parts && parts.second > 12 && parts.first >= 1 && parts.first <= 12 ? parts.mark : null;
}

/** "MM/DD/YYYY" with the cell's own mark, in the reader's language (JJJJ in Dutch). */
function monthFirstPattern(mark: string): Localized {
  return { en: `MM${mark}DD${mark}YYYY`, nl: `MM${mark}DD${mark}JJJJ` };
}

/** The mark of a cell that reads as a day either way round (05/06/1990: 5 June or 6 May), or null. */
export function eitherWayMark(text: string): string | null {
  const parts = yearLastParts(text);
  return parts && parts.first !== parts.second && parts.first >= 1 && parts.first <= 12 && parts.second >= 1 && parts.second <= 12 ? parts.mark : null;
}

/** The day a cell names, as YYYY-MM-DD, or null when it names none (see dateParts). */
export function parseDate(text: string): string | null {
  const parts = dateParts(text);
  return parts && realDate(...parts);
}

export function parseBoolean(text: string): boolean | null {
  const t = fold(text);
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return null;
}

/** The option whose key or English or Dutch label matches, ignoring case and accents. */
export function parseOption(field: ActiveField, text: string): string | null {
  const t = fold(text);
  for (const option of field.options ?? []) {
    const label = field.optionLabels?.[option];
    if (fold(option) === t || (label && (fold(label.en) === t || fold(label.nl) === t))) return option;
  }
  return null;
}

/** "www.example.nl" → "https://www.example.nl"; anything else unchanged (validation decides). */
export function withScheme(text: string): string {
  return !/^[a-z][a-z0-9+.-]*:/i.test(text) && /^[^\s/]+\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(text) ? `https://${text}` : text;
}

/**
 * "'+32 470 12 34 56" → "+32 470 12 34 56", "Smit,'=1" → "Smit,=1". Kluis's export (like other
 * careful exports) puts an apostrophe before = + - or @ where a spreadsheet could start a cell: at
 * the start, and after a "," or ";" inside the text (records/export.ts), so a spreadsheet shows it
 * instead of running it as a formula. The import takes those off again, so an exported file imports
 * as it was; a text that held such an apostrophe itself loses it.
 */
export function undoFormulaGuard(cell: string): string {
  const unguarded = cell.replace(/([,;][ \t]*)'(?=[=@]|[-+][\p{L}\p{N}(])/gu, '$1');
  return /^'[=+\-@\t\r]/.test(unguarded) ? unguarded.slice(1) : unguarded;
}

/**
 * Country names as people write them, in Dutch, English, French and German, folded (lower case,
 * no accents), for the countries a Dutch or Belgian office deals with most. The field holds the
 * two-letter ISO code.
 */
const COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  NL: ['nederland', 'the netherlands', 'netherlands', 'holland', 'pays-bas', 'pays bas', 'niederlande'],
  BE: ['belgie', 'belgium', 'belgique', 'belgien'],
  DE: ['duitsland', 'germany', 'allemagne', 'deutschland'],
  FR: ['frankrijk', 'france', 'frankreich'],
  LU: ['luxemburg', 'luxembourg'],
  GB: ['verenigd koninkrijk', 'united kingdom', 'uk', 'great britain', 'groot-brittannie', 'groot brittannie', 'royaume-uni', 'royaume uni', 'england', 'engeland'],
};
const COUNTRY_CODES = new Map(Object.entries(COUNTRIES).flatMap(([code, names]) => names.map((name) => [name, code] as const)));

/** "België", "belgique", "be" → "BE"; null when it is neither a code nor a name we know. */
/** The regions ISO 3166 names, to tell a country code from two letters ("XX" is none). */
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes that name a region but no country a record is in: the EU, the UN, "Unknown Region". */
const NOT_COUNTRIES: ReadonlySet<string> = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

export function parseCountry(text: string): string | null {
  const t = fold(text).replace(/\s+/g, ' ');
  // Names first: "UK" is a name here, not the code (which is GB).
  const named = COUNTRY_CODES.get(t);
  if (named) return named;
  const code = /^[a-z]{2}$/.test(t) ? t.toUpperCase() : null;
  return code !== null && !NOT_COUNTRIES.has(code) && REGION_NAMES.of(code) !== undefined ? code : null;
}

/** Empty cells are null; everything else is converted, or answers why it cannot be. */
export function convertCell(field: ActiveField, cell: string, decimalMark: DecimalMark = null): Converted {
  const text = cell.trim();
  if (text === '') return { value: null };
  if (field.key === 'country') {
    const code = parseCountry(text);
    return code === null ? { error: { id: 'records.expectedCountryCode' } } : { value: code };
  }
  switch (field.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'reference':
      return { value: text };
    case 'longText':
      return { value: text.replace(/\r\n?/g, '\n') };
    case 'url':
      return { value: withScheme(text) };
    case 'money': {
      const cents = parseMoney(text, decimalMark);
      return cents === null ? { error: { id: 'records.notAnAmount' } } : { value: cents };
    }
    case 'integer': {
      const value = parseInteger(text, decimalMark);
      return value === null ? { error: { id: 'records.expectedWholeNumber' } } : { value };
    }
    case 'boolean': {
      const value = parseBoolean(text);
      return value === null ? { error: { id: 'records.expectedYesNoCell' } } : { value };
    }
    case 'date': {
      const value = parseDate(text);
      if (value !== null) return { value };
      // 2026-02-30 is written right and names no day: saying how to write it would not help. But
      // 12/31/2026 is a day written month first, as American software writes it.
      const parts = dateParts(text);
      if (!parts) return { error: { id: 'records.notADateCell' } };
      const [, month, day] = parts;
      if (!(month > 12 && day >= 1 && day <= 12)) return { error: { id: 'records.noSuchDayCell' } };
      return { error: { id: 'records.monthFirstCell', values: { pattern: monthFirstPattern(/[-/.]/.exec(text)?.[0] ?? '-') } } };
    }
    case 'enum': {
      const value = parseOption(field, text);
      return value === null ? { error: { id: 'records.chooseOption', values: { options: optionList(field) } } } : { value };
    }
  }
}
