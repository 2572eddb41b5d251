/**
 * TOTP enrolment at first sign-in (phase 'pending', step 'enrol'): the QR code and the same secret
 * as text, then one code from the app to prove it was added. Only a correct code turns two-step
 * sign-in on; the core then answers with the recovery codes, which the app shows next.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KeyMode, SignInProgress, TotpEnrolment } from '../../../shared/api';
import type { ApiError, Result } from '../../../shared/errors';
import { call } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { CopyButton } from '../components/CopyButton';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading } from '../components/ScreenHeading';
import { TextField } from '../components/TextField';
import { groupInFours } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { CancelSignIn } from './CancelSignIn';

interface EnrolScreenProps {
  keyMode: KeyMode;
  onEnrolled: (recoveryCodes: string[], progress: SignInProgress) => void;
  /**
   * A correct code signs the user in at once, and the core announces it before this screen hears
   * its answer; the app holds the signed-in view back while a code is being checked, so the
   * recovery codes come first.
   */
  onConfirming: (inFlight: boolean) => void;
  onFailed: (reason: Message) => void;
  onCancelled: () => void;
}

type Preparation = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; enrolment: TotpEnrolment };

/**
 * Each call makes the core draw a new secret, so a second call while one is on its way (React's
 * development double effects, a quick retry) would leave the screen showing a secret the core no
 * longer holds. Calls in flight are shared instead.
 */
let beginning: Promise<Result<TotpEnrolment>> | null = null;
function beginEnrolment(): Promise<Result<TotpEnrolment>> {
  beginning ??= call('mfa.beginEnrolment', {}).finally(() => {
    beginning = null;
  });
  return beginning;
}

/** The QR code as an image: the core's SVG markup is never put into the page as HTML. */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function EnrolScreen({ keyMode, onEnrolled, onConfirming, onFailed, onCancelled }: EnrolScreenProps) {
  const { t } = useI18n();
  const [preparation, setPreparation] = useState<Preparation>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<Message | null>(null);
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  // A failed start leaves the pending attempt to the core; Cancel or reload starts it over.
  const onFailedRef = useRef(onFailed);
  useEffect(() => {
    onFailedRef.current = onFailed;
  }, [onFailed]);

  useEffect(() => {
    let current = true;
    void beginEnrolment().then((result) => {
      if (!current) return;
      if (result.ok) setPreparation({ kind: 'ready', enrolment: result.value });
      else if (result.error.code === 'UNAUTHENTICATED') onFailedRef.current({ key: 'signIn.startAgain' });
      else setPreparation({ kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setCodeError(null);
    setFormError(null);
    const trimmed = code.trim();
    if (trimmed === '') {
      setCodeError({ key: 'enrol.codeRequired' });
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    onConfirming(true);
    const result = await call('mfa.confirmEnrolment', { code: trimmed });
    onConfirming(false);
    setBusy(false);
    if (result.ok) {
      onEnrolled(result.value.recoveryCodes, result.value.progress);
      return;
    }
    const { error } = result;
    if (error.code === 'VALIDATION') {
      setCode('');
      setCodeError({ key: 'enrol.wrongCode' });
      codeRef.current?.focus();
    } else if (error.code === 'UNAUTHENTICATED') {
      onFailed({ key: 'signIn.startAgain' });
    } else {
      setFormError({ key: 'enrol.failed', params: { message: error } });
    }
  }

  return (
    <AuthLayout>
      <ScreenHeading>{t('enrol.title')}</ScreenHeading>
      <p className="lead">{t('enrol.intro')}</p>
      <PassphraseOnlyNotice keyMode={keyMode} />
      {preparation.kind === 'loading' && (
        <p role="status" className="muted">
          {t('enrol.preparing')}
        </p>
      )}
      {preparation.kind === 'failed' && (
        <>
          <Notice tone="error">{t('enrol.failed', { message: preparation.error })}</Notice>
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setPreparation({ kind: 'loading' });
                setAttempt((previous) => previous + 1);
              }}
            >
              {t('app.retry')}
            </button>
            <CancelSignIn onCancelled={onCancelled} />
          </div>
        </>
      )}
      {preparation.kind === 'ready' && (
        <>
          <p>{t('enrol.scan')}</p>
          <img className="qr" src={svgDataUrl(preparation.enrolment.qrSvg)} alt={t('enrol.qrAlt')} width={192} height={192} />
          <div className="secret">
            <TextField
              label={t('enrol.secret')}
              hint={t('enrol.secretHint')}
              className="secret-value"
              readOnly
              spellCheck={false}
              value={groupInFours(preparation.enrolment.secret)}
            />
            <CopyButton text={preparation.enrolment.secret} label={t('enrol.copySecret')} />
          </div>
          {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
          <form onSubmit={submit} noValidate aria-busy={busy}>
            <TextField
              ref={codeRef}
              label={t('enrol.code')}
              hint={t('enrol.codeHint')}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              required
              readOnly={busy}
              value={code}
              error={codeError ? t(codeError.key, codeError.params) : undefined}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <div className="button-row">
              <button type="submit" className="button-primary" disabled={busy}>
                {busy ? t('enrol.submitting') : t('enrol.submit')}
              </button>
              <CancelSignIn onCancelled={onCancelled} disabled={busy} />
            </div>
          </form>
        </>
      )}
    </AuthLayout>
  );
}
