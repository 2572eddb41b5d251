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

/** Text as the search index holds it: ø, ß … in base letters (foldLetters), elided words also joined. */
export function searchSpelling(text: string): string {
  return withJoinedElisions(foldLetters(text));
}

