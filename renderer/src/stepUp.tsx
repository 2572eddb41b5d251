/**
 * Step-up: sensitive channels need a TOTP code entered in the last few minutes, and answer
 * STEP_UP_REQUIRED otherwise (issue 3). `useStepUp().callWithStepUp` makes such a call; when the
 * core asks for a code it opens one small dialog ("Confirm it is you"), sends the code with
 * `session.stepUp`, and then retries the same call once and returns that answer. A cancelled
 * dialog returns the original refusal, marked so screens can stay quiet about it.
 */
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ChannelInput, ChannelOutput } from '../../shared/api';
import type { ChannelName } from '../../shared/channels';
import type { ApiError, Result } from '../../shared/errors';
import { call, retryAfterSecondsFrom } from './api';
import { Modal } from './components/Modal';
import { TextField } from './components/TextField';
import { useI18n } from './i18n/I18nProvider';
import type { Message } from './i18n/translate';
import { tooManySignIns } from './screens/signInFailure';

type CallWithStepUp = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

interface StepUp {
  callWithStepUp: CallWithStepUp;
}

const StepUpContext = createContext<StepUp | null>(null);

/** True for the answer of a call whose step-up dialog the user cancelled: nothing to report. */
export function isStepUpCancelled(error: ApiError): boolean {
  return (
    error.code === 'STEP_UP_REQUIRED' &&
    (error.details as { stepUpCancelled?: unknown } | null | undefined)?.stepUpCancelled === true
  );
}

export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  // One dialog answers every call waiting for it; they all retry once it is confirmed.
  const waiting = useRef<Promise<boolean> | null>(null);
  const settle = useRef<((confirmed: boolean) => void) | null>(null);

  const askForCode = useCallback((): Promise<boolean> => {
    if (!waiting.current) {
      waiting.current = new Promise<boolean>((resolve) => {
        settle.current = resolve;
      });
      setOpen(true);
    }
    return waiting.current;
  }, []);

  const finish = useCallback((confirmed: boolean) => {
    const resolve = settle.current;
    waiting.current = null;
    settle.current = null;
    setOpen(false);
    resolve?.(confirmed);
  }, []);

  // Leaving the signed-in shell (lock, sign-out) ends the wait: the calls report a cancel.
  useEffect(() => () => settle.current?.(false), []);

  const callWithStepUp = useCallback<CallWithStepUp>(
    async (channel, input) => {
      const first = await call(channel, input);
      if (first.ok || first.error.code !== 'STEP_UP_REQUIRED') return first;
      const confirmed = await askForCode();
      if (!confirmed) {
        return { ok: false, error: { ...first.error, details: { stepUpCancelled: true } } };
      }
      return call(channel, input);
    },
    [askForCode],
  );

  const value = useMemo<StepUp>(() => ({ callWithStepUp }), [callWithStepUp]);

  return (
    <StepUpContext.Provider value={value}>
      {children}
      {open && <StepUpDialog onConfirmed={() => finish(true)} onCancel={() => finish(false)} />}
    </StepUpContext.Provider>
  );
}

export function useStepUp(): StepUp {
  const stepUp = useContext(StepUpContext);
  if (!stepUp) throw new Error('useStepUp must be used inside <StepUpProvider>');
  return stepUp;
}

function stepUpFailure(error: ApiError): Message {
  const seconds = retryAfterSecondsFrom(error);
  if (seconds !== null) return tooManySignIns(seconds);
  if (error.messageId === 'session.recoveryCodeNotFresh') return { key: 'stepUp.recoveryCode' };
  if (error.code === 'UNAUTHENTICATED' || error.code === 'VALIDATION') return { key: 'stepUp.wrongCode' };
  return { key: 'stepUp.failed', params: { message: error } };
}

function StepUpDialog({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const trimmed = code.trim();
    if (trimmed === '') {
      setError({ key: 'stepUp.required' });
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await call('session.stepUp', { code: trimmed });
    setBusy(false);
    if (result.ok) {
      onConfirmed();
      return;
    }
    setCode('');
    setError(stepUpFailure(result.error));
    codeRef.current?.focus();
  }

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-intro`} onCancel={onCancel} initialFocus={codeRef}>
      <h2 id={`${id}-title`}>{t('stepUp.title')}</h2>
      <p id={`${id}-intro`}>{t('stepUp.intro')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          ref={codeRef}
          label={t('stepUp.code')}
          hint={t('stepUp.codeHint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          required
          readOnly={busy}
          value={code}
          error={error ? t(error.key, error.params) : undefined}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('stepUp.confirming') : t('stepUp.confirm')}
          </button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
