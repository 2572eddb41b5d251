/**
 * The renderer's only door to the core: a thin wrapper around `window.kluis` (the Electron preload
 * or, in tests, the preview bridge). Every call resolves to a Result; a missing or broken bridge
 * becomes an INTERNAL error value instead of an exception, so screens handle one shape only.
 */
import type { ChannelInput, ChannelOutput, EventPayloads, KluisBridge } from '../../shared/api';
import type { ChannelName } from '../../shared/channels';
import { CORE_MESSAGES, isCoreMessage, type CoreMessage } from '../../shared/coreMessages';
import type { ApiError, Result } from '../../shared/errors';

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

export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const kluis = bridge();
  if (!kluis) return failure('common.bridgeMissing');
  try {
    const result: unknown = await kluis.invoke(channel, input);
    return isResult(result)
      ? (result as Result<ChannelOutput<C>>)
      : failure('common.bridgeUnclear');
  } catch {
    return failure('common.bridgeFailed');
  }
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
 * own also as `details.fieldMessages: { field: { id, values } }` (a catalogue message). Take one
 * reason per field — by id where there is one — and nothing from a shape we do not recognise.
 * A form keeps them as they are and shows them with `reasonText` (useI18n), in the reader's
 * language of the moment.
 */
export function fieldErrorsFrom(details: unknown): Record<string, CoreMessage | string> {
  const { fieldErrors, fieldMessages } = (details ?? {}) as { fieldErrors?: unknown; fieldMessages?: unknown };
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return {};
  const byId = typeof fieldMessages === 'object' && fieldMessages !== null ? (fieldMessages as Record<string, unknown>) : {};
  const firstReasons: Record<string, CoreMessage | string> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const message = byId[field];
    if (isCoreMessage(message)) firstReasons[field] = message;
    else if (Array.isArray(messages) && typeof messages[0] === 'string') firstReasons[field] = messages[0];
  }
  return firstReasons;
}

/** Seconds to wait before signing in again, when the core is slowing down failed attempts. */
export function retryAfterSecondsFrom(error: ApiError): number | null {
  const seconds = (error.details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : null;
}
