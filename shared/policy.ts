/** Rules both sides must agree on, so the form and the core say the same thing. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]{2,64}$/u;

/**
 * Letters that read alike across alphabets: a name mixing two of them ("sаnder" with a Cyrillic а)
 * can pass for another user's in a list or the audit log. Han, Hiragana and Katakana are written
 * together, so they count as one; a letter of any other alphabet counts as its own.
 */
const ALPHABETS: readonly RegExp[] = [
  /\p{Script=Latin}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Armenian}/u,
  /\p{Script=Georgian}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Devanagari}/u,
  /\p{Script=Thai}/u,
  /\p{Script=Hangul}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
];

/**
 * What is wrong with a new username, or null. Besides its shape (USERNAME_PATTERN, after joining
 * a letter typed with a separate accent, NFC): no full-width or other compatibility forms ("ｓａｎｄｅｒ",
 * which NFKC spells "sander"), and letters of one alphabet. Checked where a name is made (setup, a
 * new user); names already in an install stay as they are, since their key slots are keyed by them.
 */
export function usernameProblem(username: string): 'format' | 'lookAlike' | 'mixedAlphabets' | null {
  const name = username.trim().normalize('NFC');
  if (!USERNAME_PATTERN.test(name)) return 'format';
  if (name.normalize('NFKC') !== name) return 'lookAlike';
  const alphabets = new Set([...name].filter((c) => /\p{L}/u.test(c)).map((c) => ALPHABETS.findIndex((alphabet) => alphabet.test(c))));
  return alphabets.size > 1 ? 'mixedAlphabets' : null;
}

/** The sentence the core and the admin tool give for each problem of a new username. */
export const USERNAME_PROBLEM_TEXT = {
  format: 'Use 2–64 letters, digits, dots, dashes or underscores',
  lookAlike: 'Use ordinary letters, not full-width or other look-alike forms',
  mixedAlphabets: 'Use letters of one alphabet: a name mixing, say, Latin and Cyrillic can pass for another',
} as const;
export const ORG_NAME_MAX_LENGTH = 200;
