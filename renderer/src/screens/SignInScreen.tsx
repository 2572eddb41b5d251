/**
 * Sign-in (phase 'signedOut'). A refused sign-in gets one message whatever was wrong, so the screen
 * never tells anyone whether a username exists.
 */
import { useState, type FormEvent } from 'react';
import type { KeyMode, SessionInfo } from '../../../shared/api';
import { call } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading } from '../components/ScreenHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';

interface SignInScreenProps {
  keyMode: KeyMode;
  /** True right after setup, to tell the new administrator what to do next. */
  justSetUp: boolean;
  onSignedIn: (session: SessionInfo) => void;
}

export function SignInScreen({ keyMode, justSetUp, onSignedIn }: SignInScreenProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // Cleared first, so a repeated failure is inserted anew and announced again.
    setError(null);
    setBusy(true);
    const result = await call('session.signIn', { username: username.trim(), password });
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    setPassword('');
    setError(
      result.error.code === 'UNAUTHENTICATED'
        ? t('signIn.wrongCredentials')
        : t('signIn.failed', { message: result.error.message }),
    );
  }

  return (
    <AuthLayout>
      <ScreenHeading>{t('signIn.title')}</ScreenHeading>
      {justSetUp && <Notice tone="info">{t('signIn.setupDone')}</Notice>}
      <PassphraseOnlyNotice keyMode={keyMode} />
      {error && <Notice tone="error">{error}</Notice>}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          label={t('signIn.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          readOnly={busy}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          readOnly={busy}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
