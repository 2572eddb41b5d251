/**
 * Sign-in, step one (phase 'signedOut'): username and password. The core answers with the next
 * step — usually a code — even when the password was wrong, so this screen never learns, and never
 * tells, which part was wrong. A failure at a later step brings the user back here, with its message.
 */
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { KeyMode, SignInProgress } from '../../../shared/api';
import { call } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading, useScreenIds } from '../components/ScreenHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { signInFailure } from './signInFailure';

interface SignInScreenProps {
  keyMode: KeyMode;
  /** True right after setup, to tell the new administrator what to do next. */
  justSetUp: boolean;
  /**
   * Why the last attempt failed. Held by the app, because an attempt can also end at a later step
   * (a wrong code), after which this screen comes back and must say so.
   */
  error: Message | null;
  onError: (error: Message | null) => void;
  /** The username of an attempt that failed at a later step, so it need not be typed again. */
  initialUsername: string;
  onProgress: (progress: SignInProgress, username: string) => void;
}

export function SignInScreen({ keyMode, justSetUp, error, onError, initialUsername, onProgress }: SignInScreenProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // An empty field is refused here: it gives nothing away, and a code is not spent on it.
  const [fieldErrors, setFieldErrors] = useState<{ username?: Message; password?: Message }>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { headingId } = useScreenIds();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // Cleared first, so a repeated failure is inserted anew and announced again.
    onError(null);
    const empty = {
      ...(username.trim() === '' ? { username: { key: 'signIn.usernameRequired' as const } } : {}),
      ...(password === '' ? { password: { key: 'signIn.passwordRequired' as const } } : {}),
    };
    flushSync(() => setFieldErrors(empty));
    if (empty.username || empty.password) {
      (empty.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    const result = await call('session.signIn', { username: username.trim(), password });
    setBusy(false);
    setPassword('');
    if (result.ok) {
      onProgress(result.value, username.trim());
      return;
    }
    onError(signInFailure(result.error));
  }

  return (
    <AuthLayout>
      {/* Back after a failed attempt, the username is there: the password is what to type. */}
      <ScreenHeading id={headingId} initialFocus={initialUsername ? passwordRef : usernameRef}>
        {t('signIn.title')}
      </ScreenHeading>
      {justSetUp && !error && <Notice tone="info">{t('signIn.setupDone')}</Notice>}
      <PassphraseOnlyNotice keyMode={keyMode} />
      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          ref={usernameRef}
          label={t('signIn.username')}
          describedBy={initialUsername ? undefined : headingId}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          readOnly={busy}
          value={username}
          error={fieldErrors.username ? t(fieldErrors.username.key) : undefined}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <TextField
          ref={passwordRef}
          label={t('signIn.password')}
          describedBy={initialUsername ? headingId : undefined}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          readOnly={busy}
          value={password}
          error={fieldErrors.password ? t(fieldErrors.password.key) : undefined}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
