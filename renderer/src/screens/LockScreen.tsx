/**
 * The lock screen (phase 'locked'). The core has closed the database and wiped the keys; nothing
 * of the signed-in screens is left in the page. The password (and a code, when the policy asks for
 * one) opens it again; "Sign out" lets someone else sign in.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { KeyMode, SessionInfo } from '../../../shared/api';
import type { LockReason } from '../../../shared/apiTypes';
import { call, retryAfterSecondsFrom } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading, useScreenIds } from '../components/ScreenHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { tooManySignIns } from './signInFailure';

interface LockScreenProps {
  user: { username: string; displayName: string };
  keyMode: KeyMode;
  unlockNeedsCode: boolean;
  reason: LockReason;
  onUnlocked: (session: SessionInfo) => void;
  onSignedOut: () => void;
}

export function LockScreen({ user, keyMode, unlockNeedsCode, reason, onUnlocked, onSignedOut }: LockScreenProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { headingId, leadId, describedBy } = useScreenIds();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    const trimmedCode = code.trim();
    const result = await call('session.unlock', unlockNeedsCode ? { password, code: trimmedCode } : { password });
    setBusy(false);
    setPassword('');
    setCode('');
    if (result.ok) {
      onUnlocked(result.value);
      return;
    }
    const seconds = retryAfterSecondsFrom(result.error);
    if (seconds !== null) setError(tooManySignIns(seconds));
    else if (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'VALIDATION')
      setError({ key: unlockNeedsCode ? 'lock.wrongPasswordOrCode' : 'lock.wrongPassword' });
    else setError({ key: 'lock.failed', params: { message: result.error } });
    passwordRef.current?.focus();
  }

  async function signOut() {
    setBusy(true);
    await call('session.signOut', {});
    onSignedOut();
  }

  const name = user.displayName === user.username ? user.username : `${user.displayName} (${user.username})`;
  // A wrong password is said above the form and read with the field it is about, which is marked as such.
  const errorId = `${headingId}-error`;
  const wrongEntry = error?.key === 'lock.wrongPassword' || error?.key === 'lock.wrongPasswordOrCode';

  return (
    <AuthLayout>
      {/* Unlocking is typing the password: it has the focus, described by the heading and the lead. */}
      <ScreenHeading id={headingId} initialFocus={passwordRef}>
        {t('lock.title')}
      </ScreenHeading>
      <p id={leadId} className="lead">{t(unlockNeedsCode ? 'lock.introWithCode' : 'lock.intro', { name })}</p>
      <PassphraseOnlyNotice keyMode={keyMode} />
      {/* Whoever comes back to the window learns that someone tried codes at it. */}
      {reason === 'wrongCodes' && !error && <Notice tone="warning">{t('lock.afterWrongCodes')}</Notice>}
      {error && (
        <Notice tone="error" id={errorId}>
          {t(error.key, error.params)}
        </Notice>
      )}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        {/* For password managers and screen readers: whose password this is. */}
        <input type="hidden" name="username" autoComplete="username" value={user.username} />
        <TextField
          ref={passwordRef}
          label={t('lock.password')}
          describedBy={error ? `${describedBy} ${errorId}` : describedBy}
          aria-invalid={wrongEntry || undefined}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          readOnly={busy}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        {unlockNeedsCode && (
          <TextField
            label={t('lock.code')}
            hint={t('lock.codeHint')}
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            readOnly={busy}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
        )}
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('lock.submitting') : t('lock.submit')}
          </button>
          <button type="button" className="button-quiet" onClick={() => void signOut()} disabled={busy}>
            {t('lock.signOut')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
