/**
 * Whether what was typed in the typed step of a deletion (DeleteDialog) is what it asked for: the
 * number of records, or the name of the one record. White space is compared as one space: spaces
 * around it do not count (a pasted name often brings one along), and a run of spaces, a tab or a
 * no-break space inside it counts as one space on both sides — the label shows a name with its
 * spaces collapsed, and names from a spreadsheet often hold no-break spaces. A number may be
 * written with the digit grouping people use — "1.000", "1,000", "1 000" — but nothing else is
 * forgiven: no case folding, no other characters, no part of a name.
 */

/** One to three digits, then groups of three, each after the same separator (a dot, comma or space). */
const GROUPED = /^\d{1,3}(?:([.,\s])\d{3}(?:\1\d{3})*)?$/u;

export type AskedText = 'count' | 'name';

/** Every run of white space (tabs and no-break spaces too) as one space, none at the ends. */
function collapsed(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export function typedConfirms(typed: string, asked: string, kind: AskedText): boolean {
  const text = collapsed(typed);
  if (text === collapsed(asked)) return true;
  return kind === 'count' && GROUPED.test(text) && text.replace(/\D/g, '') === asked;
}
