/**
 * The renderer's only door to the core: a thin wrapper around `window.kluis` (the Electron preload
 * or, in tests, the preview bridge). Every call resolves to a Result; a missing or broken bridge
 * becomes an INTERNAL error value instead of an exception, so screens handle one shape only.
 */
import type { ChannelInput, ChannelOutput, EventPayloads, KluisBridge } from '../../shared/api';
import { JOURNALED_CHANNELS, type ChannelName } from '../../shared/channels';
import { CORE_MESSAGES, isCoreMessage, type CoreMessage } from '../../shared/coreMessages';
import type { ApiError, InputProblem, Result } from '../../shared/errors';
import { isCoreText } from './i18n/core';

// Read, not declared on Window globally: the bridge is provided by others, and the renderer should
// cope with its absence rather than assume it.
function bridge(): KluisBridge | undefined {
  return (window as unknown as { kluis?: KluisBridge }).kluis;
}

/** A failure of the window's own: a catalogue message, so it is shown in the reader's language. */
function failure(messageId: 'common.bridgeMissing' | 'common.bridgeUnclear' | 'common.bridgeFailed'): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'INTERNAL', message: CORE_MESSAGES[messageId], messageId } };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Told of each new step in the user's journal, before the caller hears of it (HistoryProvider). */
const stepListeners = new Set<() => void>();

/** Subscribes to new journal steps made from this window; returns the unsubscribe function. */
export function onNewStep(listener: () => void): () => void {
  stepListeners.add(listener);
  return () => stepListeners.delete(listener);
}

export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const kluis = bridge();
  if (!kluis) return failure('common.bridgeMissing');
  let result: unknown;
  try {
    result = await kluis.invoke(channel, input);
  } catch {
    return failure('common.bridgeFailed');
  }
  if (!isResult(result)) return failure('common.bridgeUnclear');
  if (result.ok && JOURNALED_CHANNELS.includes(channel)) for (const listener of stepListeners) listener();
  return result as Result<ChannelOutput<C>>;
}

/** Subscribes to a pushed event; returns the unsubscribe function (a no-op without a bridge). */
export function onEvent<E extends keyof EventPayloads>(
  event: E,
  callback: (payload: EventPayloads[E]) => void,
): () => void {
  const kluis = bridge();
  if (!kluis) return () => {};
  return kluis.on(event, callback);
}

/**
 * Zod's flattened errors arrive as `details: { fieldErrors: { field: [message, ...] } }`; the core's
 * own also as `details.fieldMessages: { field: { id, values } }` (a catalogue message), and the
 * wall's schema says what is wrong as data in `details.fieldProblems` (too long, empty …). Take one
 * reason per field: by id where there is one; else the schema's own words when they are a catalogue
 * message ("Use 2–64 letters …"); else the problem as a catalogue message, so zod's English never
 * reaches a form; and nothing from a shape we do not recognise. A form keeps them as they are and
 * shows them with `reasonText` (useI18n), in the reader's language of the moment.
 */
export function fieldErrorsFrom(details: unknown): Record<string, CoreMessage | string> {
  const { fieldErrors, fieldMessages, fieldProblems } = (details ?? {}) as { fieldErrors?: unknown; fieldMessages?: unknown; fieldProblems?: unknown };
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return {};
  const byId = typeof fieldMessages === 'object' && fieldMessages !== null ? (fieldMessages as Record<string, unknown>) : {};
  const problems = typeof fieldProblems === 'object' && fieldProblems !== null ? (fieldProblems as Record<string, unknown>) : {};
  const firstReasons: Record<string, CoreMessage | string> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const message = byId[field];
    const words = Array.isArray(messages) && typeof messages[0] === 'string' ? messages[0] : undefined;
    const problem = problemMessage(problems[field]);
    if (isCoreMessage(message)) firstReasons[field] = message;
    else if (words !== undefined && isCoreText(words)) firstReasons[field] = words;
    else if (problem !== null) firstReasons[field] = problem;
    else if (words !== undefined) firstReasons[field] = words;
  }
  return firstReasons;
}

/** An InputProblem (shared/errors.ts) as the catalogue message a form shows for it. */
function problemMessage(problem: unknown): CoreMessage | null {
  if (typeof problem !== 'object' || problem === null) return null;
  const { kind, max, min, inclusive, options, expected } = problem as Partial<Record<'kind' | 'max' | 'min' | 'inclusive' | 'options' | 'expected', unknown>> & {
    kind?: InputProblem['kind'];
  };
  const bound = (value: unknown, id: CoreMessage['id'], name: 'min' | 'max'): CoreMessage | null => (typeof value === 'number' ? { id, values: { [name]: value } } : null);
  switch (kind) {
    case 'tooLong':
      return bound(max, 'records.tooLong', 'max');
    case 'tooShort':
      return bound(min, 'records.tooShort', 'min');
    case 'empty':
      return { id: 'records.required' };
    case 'tooSmall':
      return bound(min, inclusive === false ? 'records.moreThan' : 'records.atLeast', 'min');
    case 'tooLarge':
      return bound(max, inclusive === false ? 'records.lessThan' : 'records.atMost', 'max');
    case 'tooFew':
      return bound(min, 'records.tooFew', 'min');
    case 'tooMany':
      return bound(max, 'records.tooMany', 'max');
    case 'notAnOption':
      return Array.isArray(options) ? { id: 'records.chooseOption', values: { options: options.map(String).join(', ') } } : null;
    case 'wrongType':
      return { id: TYPE_MESSAGES[String(expected)] ?? 'records.notValid' };
    case 'badFormat':
    case 'invalid':
      return { id: 'records.notValid' };
    default:
      return null;
  }
}

/** What a field of the wrong kind of value should hold, where the catalogue says it. */
const TYPE_MESSAGES: Partial<Record<string, CoreMessage['id']>> = {
  string: 'records.expectedText',
  int: 'records.expectedWholeNumber',
  boolean: 'records.expectedYesNo',
};

/** Seconds to wait before signing in again, when the core is slowing down failed attempts. */
export function retryAfterSecondsFrom(error: ApiError): number | null {
  const seconds = (error.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : null;
}
