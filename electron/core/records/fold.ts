/**
 * Letters that carry no separate accent, so neither Unicode decomposition (NFD) nor the search
 * index's tokenizer (`unicode61 remove_diacritics 2`) takes them to a base letter: "Søren",
 * "Łukasz", "Straße" would otherwise only be found as typed. Their base Latin spelling, capitals
 * included; also the precomposed letters built on them (ǿ is ø with an acute), which NFD would
 * bring back to ø and the tokenizer keeps whole.
 */
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ǿ: 'o',
  Ǿ: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  æ: 'ae',
  Æ: 'AE',
  ǽ: 'ae',
  Ǽ: 'AE',
  ǣ: 'ae',
  Ǣ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ẞ: 'SS',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
};

/** The letters foldLetters replaces, one string (each is one UTF-16 unit): for a regex or GLOB class. */
export const FOLDED_LETTERS = Object.keys(LETTERS).join('');

const ANY_LETTER = new RegExp(`[${FOLDED_LETTERS}]`);
const EVERY_LETTER = new RegExp(ANY_LETTER.source, 'g');

/**
 * The text with ø, ł, đ, ð, æ, œ, ß, þ, ı, ħ, ŧ (and capitals) spelled in base Latin letters — "Søren
 * Ångström" → "Soren Ångström" — and otherwise untouched: case and decomposable accents stay (the
 * tokenizer takes care of those). What the search index holds. Most text holds none of these
 * letters and comes back as it is, after one test.
 */
export function foldLetters(text: string): string {
  return ANY_LETTER.test(text) ? text.replace(EVERY_LETTER, (letter) => LETTERS[letter] ?? letter) : text;
}

/** Lower case without accents: "Müller" and "muller", "Søren" and "soren" sort and compare the same. */
export function fold(text: string): string {
  return foldLetters(text.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase().trim();
}

/** Apostrophes as names are written with them: typewriter, typographic and the modifier letter. */
const APOSTROPHE = /['\u2019\u02bc]/;
/** A word with an apostrophe inside it: D'Hondt, O'Brien, Dell'Acqua. */
const ELIDED_WORD = /[\p{L}\p{N}]+(?:['\u2019\u02bc][\p{L}\p{N}]+)+/gu;

/**
 * The text with, after it, each word that holds an apostrophe written without it: "Renée D'Hondt"
 * → "Renée D'Hondt DHondt". The tokenizer splits at the apostrophe (d, hondt), and people type such
 * a name without one ("dhondt") as often as with it. What the search index holds, and what a
 * search's words are matched against; most text holds no apostrophe and comes back as it is.
 */
export function withJoinedElisions(text: string): string {
  if (!APOSTROPHE.test(text)) return text;
  const joined = text.match(ELIDED_WORD)?.map((word) => word.replace(new RegExp(APOSTROPHE.source, 'g'), '')) ?? [];
  return joined.length === 0 ? text : `${text} ${joined.join(' ')}`;
}

/**
 * Country codes whose numbers are also written nationally with a leading 0: the Netherlands and
 * Belgium, where Kluis's offices are. "+31 6 12345678" is "06 12345678" there.
 */
const HOME_COUNTRY_CODES = ['31', '32'];

/**
 * A run of text that may hold phone numbers: an optional +, then digits or a bracketed group ("(0)"),
 * with at most one space, dot, dash or slash between them. Numbers next to each other ("kamer 12
 * 06 44332211", "020 5556667 06 98765432") make one run; withPhoneDigits finds them in it.
 */
const PHONE_RUN = /\+?(?:\(\d+\)|\d)(?:[ ./-]?(?:\(\d+\)|\d))*/g;

/** A Dutch or Belgian number dialled at home has nine or ten digits, its leading 0 included. */
const HOME_DIGITS = { least: 9, most: 10 };
/** E.164 allows 15 digits after the country code; "00" goes before it. */
const INTERNATIONAL_DIGITS_MOST = 17;

/**
 * One spelling of a phone number however it was written: its digits, as dialled at home —
 * "+31 6 1234 5678", "0031 (0)6-12345678" and "06 12 34 56 78" are all "0612345678"; a number of
 * another country keeps its code ("+49 30 1234567" is "0049301234567"). null for a run that is no
 * phone number as people write one: it must start with + or 0 (a date, an invoice number or a
 * postcode does not), hold `least` digits or more, and no more than a number has (ten at home).
 */
export function phoneKey(run: string, least = HOME_DIGITS.least): string | null {
  const digits = run.replace(/\D/g, '');
  let key: string;
  let most = HOME_DIGITS.most;
  if (run.startsWith('+') || digits.startsWith('00')) {
    const international = run.startsWith('+') ? digits : digits.slice(2);
    const home = HOME_COUNTRY_CODES.find((code) => international.startsWith(code));
    const national = home === undefined ? null : international.slice(home.length);
    if (national === null) most = INTERNATIONAL_DIGITS_MOST;
    key = national === null ? `00${international}` : national.startsWith('0') ? national : `0${national}`;
  } else if (digits.startsWith('0')) key = digits;
  else return null;
  return key.length >= least && key.length <= most ? key : null;
}

/**
 * The phone numbers in one run (PHONE_RUN), as phoneKey spells them. The run is cut into its groups
 * at the separators; from each group that can start a number (+, 0 or a bracket), the most groups
 * that still make one number are taken, and the search goes on after them.
 */
function phoneKeysIn(run: string): string[] {
  const groups = run.split(/[ ./-]/).filter((group) => group !== '');
  const keys: string[] = [];
  for (let start = 0; start < groups.length; start++) {
    if (!/^[+0(]/.test(groups[start]!)) continue;
    for (let end = groups.length; end > start; end--) {
      const key = phoneKey(groups.slice(start, end).join(' '));
      if (key === null) continue;
      keys.push(key);
      start = end - 1;
      break;
    }
  }
  return keys;
}

/**
 * The text with, after it, each phone number in it as phoneKey spells it: "Bel +31 6 1234 5678" →
 * "Bel +31 6 1234 5678 0612345678". The tokenizer splits a number at its spaces and dashes, and
 * people type a number in another form than it was written in ("0612345678", "06-1234"). Text
 * without a digit comes back as it is, after one test.
 */
export function withPhoneDigits(text: string): string {
  if (!/\d/.test(text)) return text;
  const keys = (text.match(PHONE_RUN) ?? []).flatMap(phoneKeysIn);
  return keys.length === 0 ? text : `${text} ${keys.join(' ')}`;
}

/**
 * A number written in parts joined by a dash or slash, not starting with 0: "2026-004137", the
 * "8841-22" of "T-8841-22". One starting with 0 is left to withPhoneDigits (phone numbers start
 * so); a dot is left alone, as "1.5" is no "15".
 */
const JOINED_NUMBER = /(?<!\d)(?<!\d[./-])[1-9]\d*(?:[/-]\d+)+/g;
/** A code of letters and digits in parts, starting with a letter: "INV-2026-77", "F2026/0042". */
const JOINED_CODE = /(?<![\p{L}\p{N}/-])\p{L}[\p{L}\p{N}]*(?:[/-][\p{L}\p{N}]+)+/gu;
const DIGIT_AT_SEPARATOR = /\d[/-]|[/-]\d/;

/**
 * The text with, after it, each number or code written in parts also joined: "Factuur 2026-004137"
 * → "Factuur 2026-004137 2026004137", "INV-2026-77" → "INV-2026-77 INV202677". The tokenizer splits
 * them at the dash, and people type an invoice number as they read it off a bank statement, without
 * one. A code must hold a digit ("Noord-Holland" stays as it is). Text without a digit next to a
 * dash or slash comes back as it is.
 */
export function withJoinedNumbers(text: string): string {
  if (!DIGIT_AT_SEPARATOR.test(text)) return text;
  const numbers = text.match(JOINED_NUMBER)?.map((run) => run.replace(/\D/g, '')) ?? [];
  const codes = (text.match(JOINED_CODE) ?? []).filter((run) => /\d/.test(run)).map((run) => run.replace(/[/-]/g, ''));
  const joined = [...numbers, ...codes];
  return joined.length === 0 ? text : `${text} ${joined.join(' ')}`;
}

/** Letters that German and Scandinavian names are also written out with: Müller is Mueller, Ødegård Ødegaard. */
const WRITTEN_OUT: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', å: 'aa', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', Å: 'Aa' };
const ANY_WRITTEN_OUT = /[äöüåÄÖÜÅ]/;
const WORD_WRITTEN_OUT = /[\p{L}\p{N}]*[äöüåÄÖÜÅ][\p{L}\p{N}]*/gu;

/** The text with ä, ö, ü, å written out as ae, oe, ue, aa: "Müller" → "Mueller". NFC text (as stored). */
export function writtenOut(text: string): string {
  return text.replace(/[äöüåÄÖÜÅ]/g, (letter) => WRITTEN_OUT[letter] ?? letter);
}

/**
 * The text with, after it, each word holding ä, ö, ü or å also written out: "Jürgen Müller" →
 * "Jürgen Müller Juergen Mueller". The tokenizer drops the accent ("muller" finds it), but people
 * also type the written-out spelling, as a German or Danish name is often spelled in e-mail and on
 * paper. Most text holds none of these letters and comes back as it is, after one test.
 */
export function withWrittenOut(text: string): string {
  if (!ANY_WRITTEN_OUT.test(text)) return text;
  const words = text.match(WORD_WRITTEN_OUT) ?? [];
  return words.length === 0 ? text : `${text} ${words.map(writtenOut).join(' ')}`;
}

/** The words a text is found by besides its own: umlauts written out, elided words and numbers in parts also joined, phone numbers also as digits. */
export function withJoinedForms(text: string): string {
  return withJoinedNumbers(withPhoneDigits(withJoinedElisions(withWrittenOut(text))));
}

/** Text as the search index holds it: ø, ß … in base letters (foldLetters), with its joined forms (withJoinedForms). */
export function searchSpelling(text: string): string {
  return withJoinedForms(foldLetters(text));
}

