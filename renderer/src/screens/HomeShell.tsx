/**
 * The signed-in shell (phase 'signedIn'): who and where you are, the settings, and the way out.
 * Later features hang their navigation and views inside <main>.
 */
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/api';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading } from '../components/ScreenHeading';
import { SettingsMenu } from '../components/SettingsMenu';
import { useI18n } from '../i18n/I18nProvider';

interface HomeShellProps {
  session: SessionInfo;
  onSignedOut: () => void;
}

export function HomeShell({ session, onSignedOut }: HomeShellProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { user } = session;

  async function signOut() {
    if (busy) return;
    setError(null);
    setBusy(true);
    const result = await call('session.signOut', {});
    setBusy(false);
    // A session that is already gone is what the user wanted, so that counts as signed out too.
    if (result.ok || result.error.code === 'UNAUTHENTICATED') onSignedOut();
    else setError(t('home.signOutFailed', { message: result.error.message }));
  }

  return (
    <div className="shell">
      <header className="shell-header">
        <ScreenHeading className="org-name">{session.orgName}</ScreenHeading>
        <div className="shell-actions">
          <p className="signed-in-user">
            <span className="visually-hidden">{t('home.signedInAs')} </span>
            <span className="user-display-name">{user.displayName}</span>{' '}
            {user.displayName !== user.username && <span className="user-username">{user.username}</span>}
          </p>
          <SettingsMenu />
          <button type="button" className="button-quiet" onClick={signOut} disabled={busy}>
            {busy ? t('home.signingOut') : t('home.signOut')}
          </button>
        </div>
      </header>
      <main className="shell-main">
        {error && <Notice tone="error">{error}</Notice>}
        <PassphraseOnlyNotice keyMode={session.keyMode} />
        <h2>{t('home.welcome', { name: user.displayName })}</h2>
        <p>{t('home.intro')}</p>
      </main>
    </div>
  );
}
