/**
 * Refuses common and guessable passwords with zxcvbn (Dropbox's estimator, maintained as
 * zxcvbn-ts), and says why. The words of the install itself (the organisation's name, the user's
 * name and username) count as guessable too: zxcvbn gets each word, also lower case and without
 * accents, and what is left of the password without those words must be strong on its own — so
 * "Bakkerij Müller 2026" is refused for Bakkerij Müller & Zn. The dictionaries are loaded on
 * first use only.
 */
import type { TranslationKeys } from '@zxcvbn-ts/core';
import type { CoreMessage } from '../../../shared/coreMessages';
import { PASSWORD_MIN_LENGTH } from '../../../shared/policy';
import type { Localized } from '../../../shared/registry/types';
import { fieldErrorDetails, KluisError } from '../errors';
import { fold, writtenOut } from '../records/fold';

/** 3 of 4: "safely unguessable", about 10^10 guesses — with Argon2id in front, years per account. */
const MIN_SCORE = 3;

type WarningKey = keyof TranslationKeys['warnings'];
type SuggestionKey = keyof TranslationKeys['suggestions'];

/** zxcvbn's warnings in Dutch; the English is @zxcvbn-ts/language-en's own. */
const WARNINGS_NL: Record<WarningKey, string> = {
  straightRow: 'Rechte rijen toetsen op je toetsenbord zijn makkelijk te raden.',
  keyPattern: 'Korte toetsenbordpatronen zijn makkelijk te raden.',
  simpleRepeat: 'Herhaalde tekens zoals "aaa" zijn makkelijk te raden.',
  extendedRepeat: 'Herhaalde tekenpatronen zoals "abcabcabc" zijn makkelijk te raden.',
  sequences: 'Bekende tekenreeksen zoals "abc" zijn makkelijk te raden.',
  recentYears: 'Recente jaartallen zijn makkelijk te raden.',
  dates: 'Datums zijn makkelijk te raden.',
  topTen: 'Dit wachtwoord wordt heel veel gebruikt.',
  topHundred: 'Dit wachtwoord wordt vaak gebruikt.',
  common: 'Dit is een veelgebruikt wachtwoord.',
  similarToCommon: 'Dit lijkt op een veelgebruikt wachtwoord.',
  wordByItself: 'Losse woorden zijn makkelijk te raden.',
  namesByThemselves: 'Losse voor- of achternamen zijn makkelijk te raden.',
  commonNames: 'Veelvoorkomende voor- en achternamen zijn makkelijk te raden.',
  userInputs: 'Gebruik geen persoonlijke gegevens of woorden van deze pagina.',
  pwned: 'Je wachtwoord is uitgelekt bij een datalek op internet.',
};

/** zxcvbn's suggestions in Dutch; the English is @zxcvbn-ts/language-en's own. */
const SUGGESTIONS_NL: Record<SuggestionKey, string> = {
  l33t: "Vermijd voorspelbare vervangingen van letters, zoals '@' voor 'a'.",
  reverseWords: 'Vermijd gewone woorden die achterstevoren zijn gespeld.',
  allUppercase: 'Maak sommige letters hoofdletters, maar niet alle.',
  capitalization: 'Maak meer letters dan alleen de eerste een hoofdletter.',
  dates: 'Vermijd datums en jaartallen die iets met jou te maken hebben.',
  recentYears: 'Vermijd recente jaartallen.',
  associatedYears: 'Vermijd jaartallen die iets met jou te maken hebben.',
  sequences: 'Vermijd bekende tekenreeksen.',
  repeated: 'Vermijd herhaalde woorden en tekens.',
  longerKeyboardPattern: 'Gebruik langere toetsenbordpatronen en wissel vaak van richting.',
  anotherWord: 'Voeg meer woorden toe die minder gewoon zijn.',
  useWords: 'Gebruik meerdere woorden, maar vermijd bekende uitdrukkingen.',
  noNeed: 'Je kunt sterke wachtwoorden maken zonder symbolen, cijfers of hoofdletters.',
  pwned: 'Gebruik je dit wachtwoord ook ergens anders? Verander het daar dan.',
};

/** What Kluis says when zxcvbn names no suggestion. */
const NO_SUGGESTION: Localized = { en: 'Add more unrelated words.', nl: 'Voeg meer woorden toe die niets met elkaar te maken hebben.' };
/** Why a password is refused that is strong only thanks to the install's own words. */
const NAMES_WARNING: Localized = {
  en: 'Words from the name of the organisation or the user are easy to guess.',
  nl: 'Woorden uit de naam van de organisatie of de gebruiker zijn makkelijk te raden.',
};

/**
 * How much of a password is judged. zxcvbn's time grows steeply with length (a 1,024-character
 * password took 20–30 s here, holding the core the while, and setup is a channel anyone may call);
 * the first 100 characters take well under a second. A password is at least as hard to guess as its
 * beginning, so judging only that never lets a weak one through.
 */
const JUDGED_LENGTH = 100;

/** Words shorter than this are not taken out of a password to judge the rest ("bv", "de"). */
const MIN_NAME_WORD_LENGTH = 3;

/** A score, and zxcvbn's feedback in both languages (null: it gave none). */
interface Estimate {
  score: number;
  warning: Localized | null;
  suggestion: Localized | null;
}

type Estimator = (password: string, userInputs: string[]) => Estimate;
let estimator: Estimator | null = null;

/** One of zxcvbn's English sentences (it gives feedback as text, not by key) in both languages; null for none. */
function bothLanguages<K extends string>(text: string | null | undefined, english: Record<K, string>, dutch: Record<K, string>): Localized | null {
  const key = (Object.keys(dutch) as K[]).find((k) => english[k] === text);
  return key ? { en: english[key], nl: dutch[key] } : null;
}

async function loadEstimator(): Promise<Estimator> {
  if (estimator) return estimator;
  const [{ zxcvbn, zxcvbnOptions }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  zxcvbnOptions.setOptions({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  estimator = (password, userInputs) => {
    const { score, feedback } = zxcvbn(password, userInputs);
    return {
      score,
      warning: bothLanguages(feedback.warning, en.translations.warnings, WARNINGS_NL),
      suggestion: bothLanguages(feedback.suggestions[0], en.translations.suggestions, SUGGESTIONS_NL),
    };
  };
  return estimator;
}

/** A word folded, and folded with its umlauts written out: "Müller" → "muller", "mueller". */
function foldedSpellings(word: string): string[] {
  const lower = word.normalize('NFC').toLowerCase();
  return [fold(lower), fold(writtenOut(lower))];
}

/** The spellings of a name or word to count as guessable: as written, in lower case, and folded. */
function spellings(word: string): string[] {
  return [word, word.toLowerCase(), ...foldedSpellings(word)];
}

/** The words of the names (organisation, username, display name): "Bakkerij Müller & Zn." → Bakkerij, Müller, Zn. */
function wordsOf(names: readonly string[]): string[] {
  return names.flatMap((name) => name.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

/** What zxcvbn counts as the user's own words: each name whole and word by word, in each spelling. */
export function guessableInputs(names: readonly string[]): string[] {
  const whole = names.map((name) => name.trim()).filter(Boolean);
  return [...new Set([...whole, ...wordsOf(whole)].flatMap(spellings))];
}

/**
 * The password without the names' words (found whatever their case or accents), or null when it
 * holds none: "Bakkerij Müller 2026" → "  2026". zxcvbn alone rates such a password strong, as the
 * words and what is around them add up to many guesses; an attacker who knows the names does not
 * need those guesses.
 */
export function withoutNames(password: string, names: readonly string[]): string | null {
  const words = [...new Set(wordsOf(names).flatMap(foldedSpellings))].filter((word) => word.length >= MIN_NAME_WORD_LENGTH);
  const chars = [...password.normalize('NFC')];
  // The folded password, and for each of its code units the character of the password it came from.
  let folded = '';
  const source: number[] = [];
  chars.forEach((char, index) => {
    const part = fold(char);
    folded += part;
    for (let unit = 0; unit < part.length; unit++) source.push(index);
  });
  const taken = new Set<number>();
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      for (let unit = at; unit < at + word.length; unit++) taken.add(source[unit] as number);
    }
  }
  return taken.size === 0 ? null : chars.filter((_, index) => !taken.has(index)).join('');
}

/** The words with a full stop at the end in both languages (zxcvbn's own sentences mostly have one). */
function sentence(words: Localized): Localized {
  return { en: words.en.replace(/\.?$/, '.'), nl: words.nl.replace(/\.?$/, '.') };
}

/** Throws VALIDATION on `field` with a reason a person can act on. */
export async function assertStrongPassword(password: string, context: string[], field: string): Promise<void> {
  const fail = (message: CoreMessage) => {
    throw new KluisError('VALIDATION', message, fieldErrorDetails({ [field]: message }));
  };
  if (password.length < PASSWORD_MIN_LENGTH) fail({ id: 'access.passwordTooShort', values: { min: PASSWORD_MIN_LENGTH } });
  password = [...password].slice(0, JUDGED_LENGTH).join('');
  const estimate = await loadEstimator();
  const inputs = guessableInputs(context);
  let { score, warning, suggestion } = estimate(password, inputs);
  const rest = score < MIN_SCORE ? null : withoutNames(password, context);
  if (rest !== null) {
    const withoutThem = estimate(rest, inputs);
    if (withoutThem.score < MIN_SCORE) {
      score = withoutThem.score;
      warning = NAMES_WARNING;
      suggestion = withoutThem.suggestion;
    }
  }
  if (score < MIN_SCORE) {
    const hint = sentence(suggestion ?? NO_SUGGESTION);
    // Without a reason from zxcvbn the refusal says only what to do: "too easy to guess" is said already.
    fail(warning ? { id: 'access.passwordTooGuessable', values: { why: sentence(warning), hint } } : { id: 'access.passwordTooGuessableHintOnly', values: { hint } });
  }
}
