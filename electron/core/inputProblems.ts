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

function problemOf(issue: z.core.$ZodIssue): InputProblem {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? { kind: 'tooLong', max: Number(issue.maximum) } : { kind: 'invalid' };
    case 'too_small':
      if (issue.origin !== 'string') return { kind: 'invalid' };
      return Number(issue.minimum) <= 1 ? { kind: 'empty' } : { kind: 'tooShort', min: Number(issue.minimum) };
    case 'invalid_format': {
      const hint = ownMessage(issue);
      return hint === undefined ? { kind: 'badFormat' } : { kind: 'badFormat', hint };
    }
    default:
      return { kind: 'invalid' };
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
