/**
 * zod's verdict on a call's input as InputProblems (shared/errors.ts): what is wrong with each
 * field, with the limit it broke, so no caller has to read zod's English sentences.
 */
import { z } from 'zod';
import type { InputProblem } from '../../shared/errors';

const zodDefault = z.locales.en().localeError;

/** The schema's own message, when it wrote one: zod's default sentence says nothing an admin can act on. */
function ownMessage(issue: z.core.$ZodIssue): string | undefined {
  const fallback = zodDefault?.(issue as never);
  const text = typeof fallback === 'string' ? fallback : fallback?.message;
  return issue.message !== text ? issue.message : undefined;
}

/**
 * A bound broken, by what it bounds: a text's length, a number (`.positive()` is "more than 0": not
 * inclusive) or a list's items.
 */
function outOfRange(origin: string, limit: number, inclusive: boolean, side: 'min' | 'max'): InputProblem {
  switch (origin) {
    case 'string':
      if (side === 'max') return { kind: 'tooLong', max: limit };
      return limit <= 1 ? { kind: 'empty' } : { kind: 'tooShort', min: limit };
    case 'number':
    case 'int':
    case 'bigint':
      return side === 'min' ? { kind: 'tooSmall', min: limit, inclusive } : { kind: 'tooLarge', max: limit, inclusive };
    case 'array':
    case 'set':
      return side === 'min' ? { kind: 'tooFew', min: limit } : { kind: 'tooMany', max: limit };
    default:
      return { kind: 'invalid' };
  }
}

function problemOf(issue: z.core.$ZodIssue): InputProblem {
  const hint = ownMessage(issue);
  switch (issue.code) {
    case 'too_big':
      return outOfRange(issue.origin, Number(issue.maximum), issue.inclusive !== false, 'max');
    case 'too_small':
      return outOfRange(issue.origin, Number(issue.minimum), issue.inclusive !== false, 'min');
    case 'invalid_format':
      return hint === undefined ? { kind: 'badFormat' } : { kind: 'badFormat', hint };
    case 'invalid_value':
      return { kind: 'notAnOption', options: issue.values.map((value) => String(value)) };
    case 'invalid_type':
      return { kind: 'wrongType', expected: issue.expected };
    default:
      // A rule of the schema's own (refine: "Each record once"), a union, a record's key: its words, if it has some.
      return hint === undefined ? { kind: 'invalid' } : { kind: 'invalid', hint };
  }
}

/** The first problem of each top-level field (the one to fix first), by field key. */
export function inputProblems(error: z.ZodError): Record<string, InputProblem> {
  const problems: Record<string, InputProblem> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !Object.hasOwn(problems, field)) problems[field] = problemOf(issue);
  }
  return problems;
}
