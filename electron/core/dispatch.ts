/**
 * The wall (DESIGN §4). Every call from the renderer, the CLI and the preview bridge passes here,
 * in this order: sender → channel → input schema → session → permission → handler (in a
 * transaction) → result. Errors leave as values; stack traces and secrets never do.
 */
import { forgetActiveFields } from './records/fields';
import { z } from 'zod';
import { api, type ChannelAuth } from '../../shared/api';
import { SECURED_ENTITIES, TASK_NAMES, type RecordAction, type SecuredEntity } from '../../shared/access';
import { isChannelName, type ChannelName, type EventName } from '../../shared/channels';
import type { Result } from '../../shared/errors';
import { lowerCase, type CoreMessageId } from '../../shared/coreMessages';
import { ENTITIES } from '../../shared/registry';
import { KluisError } from './errors';
import { inputProblems } from './inputProblems';
import { isBusy, isDatabaseDamage, isFileAccessProblem } from './db/open';
import { handlers, type Handler } from './handlers';
import type { ActiveSession, KluisCore } from './kluis';
import { audit, mirrorAuditHead } from './session/openInstall';
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

function isSecuredEntity(value: unknown): value is SecuredEntity {
  return typeof value === 'string' && (SECURED_ENTITIES as readonly string[]).includes(value);
}

/** The refusal for a record action whose scope is "none", by action. */
const MAY_NOT: Record<RecordAction, CoreMessageId> = {
  read: 'session.mayNotRead',
  create: 'session.mayNotCreate',
  update: 'session.mayNotUpdate',
  delete: 'session.mayNotDelete',
  export: 'session.mayNotExport',
  restore: 'session.mayNotRestore',
};

/**
 * The channel's input as its schema reads it, or a VALIDATION error that names each field's
 * problem. The wall's own check; the CLI also runs it before signing in, so a mistyped option does
 * not spend the admin's code (electron/cli/session.ts).
 */
export function validInput(channel: ChannelName, rawInput: unknown): unknown {
  if (holdsProtoKey(rawInput)) {
    throw new KluisError('VALIDATION', 'session.invalidRequest', { formErrors: ['"__proto__" is not a valid key.'], fieldErrors: {} });
  }
  const parsed = api[channel].input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error as z.ZodError);
    throw new KluisError('VALIDATION', 'session.invalidRequest', { formErrors, fieldErrors, fieldProblems: inputProblems(parsed.error as z.ZodError) });
  }
  return parsed.data;
}

/**
 * An own `__proto__` key anywhere in a call's input. The schemas would drop it without a word (zod
 * skips it in records), so `{ values: { __proto__: … } }` would go on as a change of nothing, with
 * a journal entry and an audit line: refused instead, like any key that names nothing.
 */
function holdsProtoKey(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some((inner) => holdsProtoKey(inner, depth + 1));
}

/** The kinds of record a call is about: its `entity`, or the `entity` of each of its `items`. */
function recordKinds(input: unknown): unknown[] {
  const { entity, items } = input as { entity?: unknown; items?: unknown };
  if (!Array.isArray(items)) return [entity];
  return [...new Set(items.map((item) => (item as { entity?: unknown }).entity))];
}

export function createDispatcher(core: KluisCore, options: DispatcherOptions): Dispatcher {
  const logger = options.logger ?? stderrLogger;

  /** A refused call leaves a trace: who, which channel, never the input. */
  function auditDenied(channel: ChannelName, code: 'FORBIDDEN'): void {
    if (!core.isSignedIn) return;
    const { open, user } = core.requireActive();
    try {
      // Immediate: the write lock first, so another process's write makes it wait (the busy timeout)
      // instead of failing at once on a read that went stale.
      open.db.transaction(() => audit(open, { actor: user.id, action: 'access.denied', details: { channel, code } })).immediate();
      mirrorAuditHead(open);
    } catch (error) {
      // The refusal stands and is answered as one; an entry that could not be written (the write
      // lock held longer than SQLite waits) goes to the local diagnostics.
      logger.error('audit.deniedNotWritten', { channel, ...describeError(error) });
    }
  }

  function checkAuth(auth: ChannelAuth): void {
    if (auth === 'pending' && core.stageKind !== 'pending') throw new KluisError('UNAUTHENTICATED', 'common.signInFirst');
    if (auth === 'locked' && core.stageKind !== 'locked') throw new KluisError('UNAUTHENTICATED', 'common.notLocked');
    // 'session': run() asks core.requireActive() for the session it goes on with.
  }

  /** A handler in the kind of run it asks for: a transaction (immediate when it writes), or its own. */
  async function runHandler(handler: Handler<ChannelName>, input: never, session: ActiveSession, mutates: boolean): Promise<unknown> {
    switch (handler.kind) {
      case 'lifecycle':
        return await handler.run(input, core);
      case 'async':
        return await handler.run(input, { ...session, core });
      case 'transaction': {
        const transaction = session.db.transaction(() => handler.run(input, { ...session, core }));
        return mutates ? transaction.immediate() : transaction.deferred();
      }
    }
  }

  async function run(channel: ChannelName, rawInput: unknown, caller: Caller): Promise<unknown> {
    const spec = api[channel];
    if (spec.adminToolOnly && caller.kind !== 'cli') throw new KluisError('FORBIDDEN', 'session.adminToolOnly');
    const valid = validInput(channel, rawInput);
    const input = valid as never;
    checkAuth(spec.auth);
    const handler = handlers[channel] as Handler<ChannelName>;
    if (spec.auth !== 'session') {
      if (handler.kind !== 'lifecycle') throw new Error(`Channel ${channel} needs a session handler`);
      return handler.run(input, core);
    }
    const session = core.requireActive();
    if (core.viewingAs && spec.mutates) {
      throw new KluisError('FORBIDDEN', 'session.previewReadOnly');
    }
    if (spec.permission && !session.access.task(spec.permission)) {
      // Named as the role editor names it ("Export data"), not by its id.
      throw new KluisError('FORBIDDEN', { id: 'common.noRight', values: { right: TASK_NAMES[spec.permission] } });
    }
    for (const entity of spec.record ? recordKinds(valid) : []) {
      if (spec.record && isSecuredEntity(entity) && session.access.scope(entity, spec.record) === 'none') {
        throw new KluisError('FORBIDDEN', { id: MAY_NOT[spec.record], values: { entity: lowerCase(ENTITIES[entity].label.singular) } });
      }
    }
    if (spec.stepUp === 'each') core.requireCodeForOneAction();
    else if (spec.stepUp) core.requireFreshCode();
    core.touch();
    try {
      const result = await runHandler(handler, input, session, spec.mutates);
      // Spent only once done: a refusal (a review that changed meanwhile) keeps it for the retry.
      if (spec.stepUp === 'each') core.spendStepUpCode();
      return result;
    } finally {
      // A mutation that failed may have changed the fields in force before it rolled back.
      if (spec.mutates) forgetActiveFields(session.db);
      if (core.isSignedIn) mirrorAuditHead(core.requireActive().open);
    }
  }

  return {
    async dispatch(channel, input, caller) {
      if (!isTrustedCaller(caller, options.trustedOrigins)) {
        return { ok: false, error: new KluisError('FORBIDDEN', 'session.untrustedCaller').toApiError() };
      }
      if (!isChannelName(channel)) {
        return { ok: false, error: new KluisError('VALIDATION', 'session.unknownChannel').toApiError() };
      }
      try {
        return { ok: true, value: await run(channel, input, caller) };
      } catch (error) {
        if (error instanceof KluisError) {
          if (error.code === 'FORBIDDEN') auditDenied(channel, error.code);
          return { ok: false, error: error.toApiError() };
        }
        // A damaged file is not a fault of the code: the answer says what it is and what to do.
        if (isDatabaseDamage(error)) return { ok: false, error: new KluisError('INTERNAL', 'access.databaseDamaged').toApiError() };
        if (isFileAccessProblem(error)) return { ok: false, error: new KluisError('INTERNAL', 'access.folderNotWritable').toApiError() };
        // The write lock held by another window or the admin tool: nothing went wrong, and nothing was done.
        if (isBusy(error)) return { ok: false, error: new KluisError('CONFLICT', 'common.busy').toApiError() };
        logger.error('dispatch.internal', { channel, ...describeError(error) });
        return { ok: false, error: new KluisError('INTERNAL', 'common.internal').toApiError() };
      }
    },
    onEvent(listener) {
      return core.events.on((name, payload) => listener(name, payload));
    },
  };
}
