/**
 * The wall (DESIGN §4). Every call from the renderer, the CLI and the preview bridge passes here,
 * in this order: sender → channel → input schema → session → permission → handler (in a
 * transaction) → result. Errors leave as values; stack traces and secrets never do.
 */
import { z } from 'zod';
import { api } from '../../shared/api';
import { isChannelName, type ChannelName, type EventName } from '../../shared/channels';
import type { Result } from '../../shared/errors';
import { roleHasPermission } from '../../shared/permissions';
import { KluisError } from './errors';
import { handlers, type Handler } from './handlers';
import type { KluisCore } from './kluis';
import { describeError, stderrLogger, type Logger } from './log';

export type Caller =
  | { kind: 'ipc'; url: string; isMainFrame: boolean }
  | { kind: 'bridge'; origin: string }
  | { kind: 'cli' };

export interface Dispatcher {
  dispatch(channel: unknown, input: unknown, caller: Caller): Promise<Result<unknown>>;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
}

export interface DispatcherOptions {
  trustedOrigins: readonly string[];
  logger?: Logger;
}

/** `scheme://host[:port]` of a URL, also for custom schemes where WHATWG `origin` is "null". */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

function isTrustedCaller(caller: Caller, trustedOrigins: readonly string[]): boolean {
  switch (caller.kind) {
    case 'cli':
      return true;
    case 'bridge':
      return trustedOrigins.includes(caller.origin);
    case 'ipc': {
      const origin = originOf(caller.url);
      return caller.isMainFrame && origin !== null && trustedOrigins.includes(origin);
    }
  }
}

export function createDispatcher(core: KluisCore, options: DispatcherOptions): Dispatcher {
  const logger = options.logger ?? stderrLogger;

  async function run(channel: ChannelName, rawInput: unknown): Promise<unknown> {
    const spec = api[channel];
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) {
      const { formErrors, fieldErrors } = z.flattenError(parsed.error as z.ZodError);
      throw new KluisError('VALIDATION', 'The request is not valid.', { formErrors, fieldErrors });
    }
    const handler = handlers[channel] as Handler<ChannelName>;
    if (spec.auth === 'public') {
      if (handler.transaction) throw new Error(`Public channel ${channel} cannot run in a transaction`);
      return handler.run(parsed.data as never, core);
    }
    const { db, user } = core.requireSession();
    if (spec.permission && !roleHasPermission(user.role, spec.permission)) {
      throw new KluisError('FORBIDDEN', `You do not have the right "${spec.permission}".`);
    }
    if (!handler.transaction) return handler.run(parsed.data as never, core);
    const transaction = db.transaction(() => handler.run(parsed.data as never, { core, db, user }));
    return spec.mutates ? transaction.immediate() : transaction.deferred();
  }

  return {
    async dispatch(channel, input, caller) {
      if (!isTrustedCaller(caller, options.trustedOrigins)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This caller may not use Kluis.' } };
      }
      if (!isChannelName(channel)) {
        return { ok: false, error: { code: 'VALIDATION', message: 'Unknown channel.' } };
      }
      try {
        return { ok: true, value: await run(channel, input) };
      } catch (error) {
        if (error instanceof KluisError) return { ok: false, error: error.toApiError() };
        logger.error('dispatch.internal', { channel, ...describeError(error) });
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong inside Kluis. Nothing was changed.' },
        };
      }
    },
    onEvent(listener) {
      return core.events.on((name, payload) => listener(name, payload));
    },
  };
}
