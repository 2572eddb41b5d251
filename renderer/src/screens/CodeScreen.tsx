/**
 * Sign-in, step two (phase 'pending', step 'code'): one field that takes either the 6-digit code
 * from the authenticator app or a recovery code. A refusal ends the attempt — the core has signed
 * out — and the user starts again at step one, where the generic message is shown.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { KeyMode, SignInProgress } from '../../../shared/api';
import { call } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading, useScreenIds } from '../components/ScreenHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { CancelSignIn } from './CancelSignIn';
import { signInFailure } from './signInFailure';

interface CodeScreenProps {
  keyMode: KeyMode;
  onProgress: (progress: SignInProgress) => void;
  /** The attempt is over (wrong code, or wrong password found out now): back to step one. */
  onFailed: (reason: Message) => void;
  onCancelled: () => void;
}

export function CodeScreen({ keyMode, onProgress, onFailed, onCancelled }: CodeScreenProps) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<Message | null>(null);
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const { headingId, leadId, describedBy } = useScreenIds();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFieldError(null);
    setFormError(null);
    const trimmed = code.trim();
    if (trimmed === '') {
      setFieldError({ key: 'code.required' });
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await call('session.verifyCode', { code: trimmed });
    setBusy(false);
    if (result.ok) {
      onProgress(result.value);
      return;
    }
    const { error } = result;
    if (error.code === 'VALIDATION') {
      // The shape was wrong (too short, say); the attempt is still open, so it can be corrected.
      setFieldError({ key: 'code.invalid' });
      codeRef.current?.focus();
    } else if (error.code === 'UNAUTHENTICATED') {
      onFailed(signInFailure(error));
    } else {
      setFormError({ key: 'signIn.failed', params: { message: error } });
    }
  }

  return (
    <AuthLayout>
      <ScreenHeading id={headingId} initialFocus={codeRef}>
        {t('code.title')}
      </ScreenHeading>
      <p id={leadId} className="lead">{t('code.intro')}</p>
      <PassphraseOnlyNotice keyMode={keyMode} />
      {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          ref={codeRef}
          label={t('code.label')}
          describedBy={describedBy}
          hint={t('code.hint')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          readOnly={busy}
          value={code}
          error={fieldError ? t(fieldError.key, fieldError.params) : undefined}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('code.submitting') : t('code.submit')}
          </button>
          <CancelSignIn onCancelled={onCancelled} disabled={busy} />
        </div>
      </form>
      {/* This screen follows a wrong password too (it must not tell which was wrong): someone
          signing in for the first time, with no authenticator yet, learns what that means here,
          behind a question, so it does not read as a warning to everyone else. */}
      <details className="muted sign-in-note">
        <summary>{t('code.noAppYet')}</summary>
        <p>{t('code.firstSignIn')}</p>
      </details>
    </AuthLayout>
  );
}
