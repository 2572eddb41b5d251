/**
 * The signed-in shell (phase 'signedIn'): who and where you are, the navigation, the settings, Lock
 * and the way out. Pages mount inside <main> and are dropped whole when the session locks or ends,
 * so nothing they loaded outlives the session. Navigation hides what the user may not do; the core
 * refuses it anyway.
 */
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/api';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading } from '../components/ScreenHeading';
import { SettingsMenu } from '../components/SettingsMenu';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import { lockShortcut } from '../sessionActivity';
import { AccountPage } from '../shell/AccountPage';
import { HomePage } from '../shell/HomePage';
import { UsersPage } from '../shell/UsersPage';
import { StepUpProvider } from '../stepUp';

type Page = 'home' | 'account' | 'users';

interface HomeShellProps {
  session: SessionInfo;
  onSignedOut: () => void;
  onLock: () => void;
  /** Something the session carries changed (the policy, say): ask the core again. */
  onSessionChanged: () => void;
}

const PAGE_LABELS: Record<Page, MessageKey> = { home: 'nav.home', account: 'nav.account', users: 'nav.users' };

export function HomeShell({ session, onSignedOut, onLock, onSessionChanged }: HomeShellProps) {
  const { t } = useI18n();
  const [page, setPage] = useState<Page>('home');
  // Page headings take focus only after the user moved; on arrival the shell's heading has it.
  const [navigated, setNavigated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { user, permissions } = session;

  const pages: Page[] = ['home', 'account'];
  if (permissions.includes('users.manage') || permissions.includes('policy.manage')) pages.push('users');
  const shownPage: Page = pages.includes(page) ? page : 'home';

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

  function go(next: Page) {
    setNavigated(true);
    setPage(next);
  }

  return (
    <StepUpProvider>
      <div className="shell">
        <header className="shell-header">
          <div className="shell-brand">
            <ScreenHeading className="org-name">{session.orgName}</ScreenHeading>
            <nav aria-label={t('shell.navigation')} className="shell-nav">
              <ul>
                {pages.map((item) => (
                  <li key={item}>
                    <button
                      type="button"
                      className="nav-item"
                      aria-current={item === shownPage ? 'page' : undefined}
                      onClick={() => go(item)}
                    >
                      {t(PAGE_LABELS[item])}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="shell-actions">
            <p className="signed-in-user">
              <span className="visually-hidden">{t('home.signedInAs')} </span>
              <span className="user-display-name">{user.displayName}</span>{' '}
              {user.displayName !== user.username && <span className="user-username">{user.username}</span>}
            </p>
            <SettingsMenu />
            <button type="button" className="button-quiet" onClick={onLock} aria-keyshortcuts={lockShortcut()}>
              {t('shell.lock')}
            </button>
            <button type="button" className="button-quiet" onClick={signOut} disabled={busy}>
              {busy ? t('home.signingOut') : t('home.signOut')}
            </button>
          </div>
        </header>
        <main className="shell-main">
          {error && <Notice tone="error">{error}</Notice>}
          <PassphraseOnlyNotice keyMode={session.keyMode} />
          {shownPage === 'home' && <HomePage session={session} takeFocus={navigated} />}
          {shownPage === 'account' && <AccountPage session={session} takeFocus={navigated} />}
          {shownPage === 'users' && (
            <UsersPage session={session} takeFocus={navigated} onPolicyChanged={onSessionChanged} />
          )}
        </main>
      </div>
    </StepUpProvider>
  );
}
