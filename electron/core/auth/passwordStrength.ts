/**
 * Refuses common and guessable passwords with zxcvbn (Dropbox's estimator, maintained as
 * zxcvbn-ts), and says why. The words of the install itself (organisation, username) count as
 * guessable too. The dictionaries are loaded on first use only.
 */
import type { TranslationKeys } from '@zxcvbn-ts/core';
import type { CoreMessage } from '../../../shared/coreMessages';
import { PASSWORD_MIN_LENGTH } from '../../../shared/policy';
import type { Localized } from '../../../shared/registry/types';
import { fieldErrorDetails, KluisError } from '../errors';

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

/** What Kluis says when zxcvbn names no warning or no suggestion. */
const NO_WARNING: Localized = { en: 'It is too easy to guess.', nl: 'Het is te makkelijk te raden.' };
const NO_SUGGESTION: Localized = { en: 'Add more unrelated words.', nl: 'Voeg meer woorden toe die niets met elkaar te maken hebben.' };

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
  const { score, warning, suggestion } = (await loadEstimator())(password, context.filter(Boolean));
  if (score < MIN_SCORE) {
    fail({ id: 'access.passwordTooGuessable', values: { why: sentence(warning ?? NO_WARNING), hint: sentence(suggestion ?? NO_SUGGESTION) } });
  }
}
