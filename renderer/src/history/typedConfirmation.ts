/**
 * Whether what was typed in the typed step of a deletion (DeleteDialog) is what it asked for: the
 * number of records, or the name of the one record. Spaces around it do not count (a pasted name
 * often brings one along), and a number may be written with the digit grouping people use —
 * "1.000", "1,000", "1 000" — but nothing else is forgiven: no case folding, no other characters.
 */

/** One to three digits, then groups of three, each after the same separator (a dot, comma or space). */
const GROUPED = /^\d{1,3}(?:([.,\s])\d{3}(?:\1\d{3})*)?$/u;

export type AskedText = 'count' | 'name';

export function typedConfirms(typed: string, asked: string, kind: AskedText): boolean {
  const text = typed.trim();
  if (text === asked.trim()) return true;
  return kind === 'count' && GROUPED.test(text) && text.replace(/\D/g, '') === asked;
}
