import type { ChannelName } from '../../shared/channels';
import type { ApiError, InputProblem } from '../../shared/errors';

/**
 * Exit codes: 0 done, 1 any error (a refused value too), 2 wrong credentials (so scripts can tell
 * them apart), 130 cancelled with Ctrl+C at a prompt (as a shell reports a command stopped by it).
 */
export const EXIT = { ok: 0, error: 1, wrongCredentials: 2, cancelled: 130 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.error,
    /** The core's message id, when the error is the core's refusal (so a command can tell which). */
    readonly messageId?: string,
  ) {
    super(message);
  }
}

/**
 * Where the admin gave each field of a call's input, so a refusal names the option or variable they
 * typed ("--admin"), not the core's name for it ("adminUsername").
 */
export const CLI_NAMES: Partial<Record<ChannelName, Record<string, string>>> = {
  'setup.createInstall': { orgName: '--org', adminUsername: '--admin', password: 'KLUIS_PASSWORD' },
  'users.create': { username: '--username', displayName: '--name', email: '--email', role: '--role' },
  'session.signIn': { username: 'KLUIS_USER', password: 'KLUIS_PASSWORD' },
  'session.verifyCode': { code: 'KLUIS_TOTP' },
};

/**
 * "--name is too long: at most 200 characters.": the admin's own name for the field, what is wrong
 * with it and the limit, for every problem the wall's schema can find — none is only "not valid"
 * unless the schema says nothing more.
 */
export function problemText(name: string, problem: InputProblem): string {
  switch (problem.kind) {
    case 'tooLong':
      return `${name} is too long: at most ${problem.max} characters.`;
    case 'tooShort':
      return `${name} is too short: at least ${problem.min} characters.`;
    case 'empty':
      return `${name} is empty.`;
    case 'badFormat':
      return problem.hint ? `${name} is not in the right format: ${asClause(problem.hint)}.` : `${name} is not in the right format.`;
    case 'tooSmall':
      return `${name} is too small: ${problem.inclusive ? 'at least' : 'more than'} ${problem.min}.`;
    case 'tooLarge':
      return `${name} is too large: ${problem.inclusive ? 'at most' : 'less than'} ${problem.max}.`;
    case 'tooFew':
      return `${name} has too few items: at least ${problem.min}.`;
    case 'tooMany':
      return `${name} has too many items: at most ${problem.max}.`;
    case 'notAnOption':
      return `${name} is not one of its choices: use ${problem.options.length === 1 ? problem.options[0] : `one of ${problem.options.join(', ')}`}.`;
    case 'wrongType':
      return `${name} must be ${TYPE_WORDS[problem.expected] ?? `a value of type ${problem.expected}`}.`;
    case 'invalid':
      return problem.hint ? `${name} is not valid: ${asClause(problem.hint)}.` : `${name} is not valid.`;
  }
}

/** zod's names for kinds of value, as an admin reads them. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named values',
  date: 'a date',
};

/** The schema's own sentence ("Use 2–64 letters, …") as the end of ours. */
function asClause(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}

/**
 * Sign-in refuses on sight what can be no one's username or password (a password over 1,024
 * characters): that is a wrong credential all the same, so a script gets the exit code it gets for
 * any wrong password. (A KLUIS_TOTP that is no code at all is a wrong code too: session.ts.)
 */
function exitCodeOf(error: ApiError, channel: ChannelName | undefined): number {
  if (error.code === 'UNAUTHENTICATED') return EXIT.wrongCredentials;
  if (error.code === 'VALIDATION' && channel === 'session.signIn') return EXIT.wrongCredentials;
  return EXIT.error;
}

/** A refused call as one line for stderr, naming the fields as the admin gave them (CLI_NAMES). */
export function fromApiError(error: ApiError, channel?: ChannelName): CliError {
  const names = (channel && CLI_NAMES[channel]) || {};
  const exitCode = exitCodeOf(error, channel);
  const details = error.details as { fieldErrors?: Record<string, string[]>; fieldProblems?: Record<string, InputProblem> } | undefined;
  // A value the wall's schema refused: said in Kluis's words, never zod's.
  const problem = Object.entries(details?.fieldProblems ?? {})[0];
  if (problem) return new CliError(problemText(names[problem[0]] ?? problem[0], problem[1]), exitCode, error.messageId);
  const fields = details?.fieldErrors ?? {};
  const firstField = Object.entries(fields)[0];
  const fieldMessage = firstField?.[1][0] ?? 'invalid';
  // "That username is taken." needs no "(username: That username is taken.)" after it.
  const detail = firstField && fieldMessage !== error.message ? ` (${names[firstField[0]] ?? firstField[0]}: ${fieldMessage})` : '';
  return new CliError(`${error.message}${detail}`, exitCode, error.messageId);
}

export function tableText(rows: [string, string | number][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}

export function printTable(rows: [string, string | number][]): void {
  process.stdout.write(tableText(rows));
}

export const jsonText = (value: unknown): string => `${JSON.stringify(value)}\n`;

export function printJson(value: unknown): void {
  process.stdout.write(jsonText(value));
}

/**
 * Writes to stdout and settles once the text is out, or fails with the reason (a full disk, a
 * closed pipe): for output that must not be lost unnoticed, such as secrets shown once.
 */
export function writeOutput(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    process.stdout.once('error', failed);
    const settle = (error?: Error | null) => {
      // On failure the stream still emits 'error' after this; the listener stays to take it.
      if (error) return reject(error);
      process.stdout.off('error', failed);
      resolve();
    };
    try {
      process.stdout.write(text, settle);
    } catch (error) {
      settle(error as Error);
    }
  });
}
