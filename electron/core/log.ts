/**
 * Local diagnostics on stderr, one JSON line each. Callers pass ids, codes and error names only:
 * never passwords, keys, codes or record values.
 */
export interface Logger {
  error(event: string, fields?: Record<string, string | number | boolean | null>): void;
}

export const stderrLogger: Logger = {
  error(event, fields = {}) {
    process.stderr.write(`${JSON.stringify({ level: 'error', time: new Date().toISOString(), event, ...fields })}\n`);
  },
};

/** Describes an unexpected error for the log: its class and message, no stack, no values. */
export function describeError(error: unknown): Record<string, string> {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message.slice(0, 300) };
  return { errorName: typeof error };
}
