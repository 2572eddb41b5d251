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

/**
 * Cyrillic and Greek letters drawn as a Latin one, capitals included: a name wholly in one of those
 * alphabets ("ѕаndеr", "ΗΑΝS") passes the one-alphabet rule and still reads as "sander" or "hans".
 * Only letters that look the same in an ordinary sans-serif face; а and a, not и and u.
 */
const LATIN_LOOK_ALIKES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    a: 'аАΑ', b: 'вВΒ', c: 'сСϲϹ', d: 'ԁ', e: 'еЕҽΕ', h: 'һНΗ', i: 'іІιΙ', j: 'јЈϳ', k: 'кКκΚ', l: 'ӏ', m: 'мМΜ', n: 'Ν',
    o: 'оОοΟ', p: 'рРρΡ', q: 'ԛ', s: 'ѕЅ', t: 'тТΤ', u: 'υ', v: 'ν', w: 'ԝω', x: 'хХχΧ', y: 'уУүΥ', z: 'Ζ',
  }).flatMap(([latin, letters]) => [...letters].map((letter) => [letter, latin])),
);

/** The name with every look-alike written as its Latin letter, in lower case. */
function skeleton(name: string): string {
  return [...name].map((c) => LATIN_LOOK_ALIKES[c] ?? c).join('').toLowerCase();
}

/**
 * How a username may read on screen: lower case, with the Cyrillic and Greek letters that look
 * Latin written as that Latin letter. A name is shown as it was typed, and sign-in takes it in any
 * case, so the name as typed, in capitals and in lower case each give one. Two names that share one
 * pass for each other in a list of users or the audit log.
 */
export function usernameSkeletons(username: string): Set<string> {
  const name = username.trim().normalize('NFC');
  return new Set([skeleton(name), skeleton(name.toUpperCase()), skeleton(name.toLowerCase())]);
}

/** Whether two usernames can pass for each other on screen (and are not the same name). */
export function usernamesLookAlike(one: string, other: string): boolean {
  const theirs = usernameSkeletons(other);
  return [...usernameSkeletons(one)].some((s) => theirs.has(s));
}

/** The sentence the core and the admin tool give for each problem of a new username. */
export const USERNAME_PROBLEM_TEXT = {
  format: 'Use 2–64 letters, digits, dots, dashes or underscores',
  lookAlike: 'Use ordinary letters, not full-width or other look-alike forms',
  mixedAlphabets: 'Use letters of one alphabet: a name mixing, say, Latin and Cyrillic can pass for another',
} as const;
export const ORG_NAME_MAX_LENGTH = 200;
