/**
 * Picks the screen from the core's AppState. The core decides the phase; the renderer only follows
 * it, reloading whenever the core says the session changed (sign-in elsewhere, sign-out, lock).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppState, SessionInfo } from '../../shared/api';
import { call, onEvent } from './api';
import { AuthLayout } from './components/AuthLayout';
import { Notice } from './components/Notice';
import { ScreenHeading } from './components/ScreenHeading';
import { useI18n } from './i18n/I18nProvider';
import { HomeShell } from './screens/HomeShell';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';

type View =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; state: AppState };

export function App() {
  const { t } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [justSetUp, setJustSetUp] = useState(false);
  // Only the newest app.state answer may set the view; an older one arriving late is stale.
  const latestRequest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latestRequest.current;
    const result = await call('app.state', {});
    if (request !== latestRequest.current) return;
    setView(result.ok ? { kind: 'ready', state: result.value } : { kind: 'failed', message: result.error.message });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      onEvent('session.changed', () => {
        void reload();
      }),
    [reload],
  );

  const showSignedIn = useCallback((session: SessionInfo) => {
    latestRequest.current++;
    setJustSetUp(false);
    setView({ kind: 'ready', state: { phase: 'signedIn', session } });
  }, []);

  if (view.kind === 'loading') {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }

  if (view.kind === 'failed') {
    return (
      <AuthLayout>
        <ScreenHeading>{t('app.name')}</ScreenHeading>
        <Notice tone="error">{t('app.loadFailed', { message: view.message })}</Notice>
        <button type="button" className="button-primary" onClick={() => void reload()}>
          {t('app.retry')}
        </button>
      </AuthLayout>
    );
  }

  const { state } = view;
  switch (state.phase) {
    case 'setup':
      return (
        <SetupScreen
          onCreated={() => {
            setJustSetUp(true);
            void reload();
          }}
        />
      );
    case 'signedOut':
      return <SignInScreen keyMode={state.keyMode} justSetUp={justSetUp} onSignedIn={showSignedIn} />;
    case 'signedIn':
      return (
        <HomeShell
          session={state.session}
          onSignedOut={() => {
            setJustSetUp(false);
            void reload();
          }}
        />
      );
  }
}
