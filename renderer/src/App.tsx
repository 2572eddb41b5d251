/**
 * Picks the screen from the core's AppState. The core decides the phase; the renderer follows it,
 * reloading whenever the core says the session changed (sign-in elsewhere, sign-out, lock). Screens
 * that learn the next phase from their own call (a sign-in step, an unlock) show it at once.
 *
 * Two things outlive a single screen and are held here: why the last sign-in attempt failed (it can
 * fail at the code step, after which the first step comes back), and the recovery codes shown right
 * after enrolment (the core is signed in by then, but the codes stay until the user goes on).
 * Whenever the core is locked or signed out, everything signed-in is unmounted: no data stays.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppState, KeyMode, SessionInfo, SignInProgress } from '../../shared/api';
import type { ApiError } from '../../shared/errors';
import { call, onEvent } from './api';
import { AuthLayout } from './components/AuthLayout';
import { Notice } from './components/Notice';
import { ScreenHeading } from './components/ScreenHeading';
import { useI18n } from './i18n/I18nProvider';
import type { Message } from './i18n/translate';
import { CodeScreen } from './screens/CodeScreen';
import { EnrolScreen } from './screens/EnrolScreen';
import { HomeShell } from './screens/HomeShell';
import { InitialPasswordScreen } from './screens/InitialPasswordScreen';
import { LockScreen } from './screens/LockScreen';
import { RecoveryCodesScreen } from './screens/RecoveryCodesScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { useActivityReporter, useLockShortcut } from './sessionActivity';

interface JustEnrolled {
  recoveryCodes: string[];
  progress: SignInProgress;
}

type View =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; state: AppState; justEnrolled: JustEnrolled | null };

/** The view for a new state. The recovery codes stay only while the same sign-in goes on. */
function viewFor(previous: View, state: AppState): View {
  const keepCodes = previous.kind === 'ready' && (state.phase === 'pending' || state.phase === 'signedIn');
  return { kind: 'ready', state, justEnrolled: keepCodes ? previous.justEnrolled : null };
}

function keyModeOf(state: AppState): KeyMode {
  switch (state.phase) {
    case 'setup':
      return 'keychain';
    case 'signedIn':
      return state.session.keyMode;
    default:
      return state.keyMode;
  }
}

export function App() {
  const { t } = useI18n();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [justSetUp, setJustSetUp] = useState(false);
  const [signInError, setSignInError] = useState<Message | null>(null);
  // Who was signing in, kept only while an attempt is under way or has just failed.
  const [attemptUsername, setAttemptUsername] = useState('');
  // Only the newest answer may set the view; an older app.state arriving late is stale.
  const latestRequest = useRef(0);
  const confirmingEnrolment = useRef(false);
  // A form's unsaved input is dropped with the shell when Kluis locks (no data stays on screen):
  // the shell says so once after the unlock, so nobody looks for what they typed.
  const heldInputAtLock = useRef(false);
  const [inputLostAtLock, setInputLostAtLock] = useState(false);

  const reload = useCallback(async () => {
    const request = ++latestRequest.current;
    const result = await call('app.state', {});
    if (request !== latestRequest.current) return;
    // Signed in by a correct enrolment code: the enrol screen stays until its answer brings the codes.
    if (result.ok && confirmingEnrolment.current && result.value.phase === 'signedIn') return;
    setView((previous) =>
      result.ok ? viewFor(previous, result.value) : { kind: 'failed', error: result.error },
    );
  }, []);

  /** Shows a state the core just reported to a screen, making any app.state still on its way stale. */
  const show = useCallback((state: AppState) => {
    latestRequest.current++;
    setView((previous) => viewFor(previous, state));
  }, []);

  const setJustEnrolled = useCallback((justEnrolled: JustEnrolled | null) => {
    setView((previous) => (previous.kind === 'ready' ? { ...previous, justEnrolled } : previous));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      onEvent('session.changed', ({ reason }) => {
        // Whoever was working learns why they are back at the sign-in screen.
        if (reason === 'accountDisabled') setSignInError({ key: 'signIn.accountDisabled' });
        if (reason === 'passwordReset') setSignInError({ key: 'signIn.passwordReset' });
        if (reason === 'mfaReset') setSignInError({ key: 'signIn.mfaReset' });
        void reload();
      }),
    [reload],
  );

  const signedIn = view.kind === 'ready' && view.state.phase === 'signedIn' ? view.state.session : null;

  const lock = useCallback(async () => {
    await call('session.lock', {});
    // The core also announces the lock; asking now makes the screen follow without waiting for it.
    void reload();
  }, [reload]);

  useActivityReporter(signedIn ? signedIn.idleLockSeconds : null, () => void reload());
  useLockShortcut(signedIn !== null, () => void lock());

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
        <Notice tone="error">{t('app.loadFailed', { message: view.error })}</Notice>
        <button type="button" className="button-primary" onClick={() => void reload()}>
          {t('app.retry')}
        </button>
      </AuthLayout>
    );
  }

  const { state, justEnrolled } = view;
  const keyMode = keyModeOf(state);

  const showSignedIn = (session: SessionInfo) => {
    heldInputAtLock.current = false;
    setInputLostAtLock(false);
    setSignInError(null);
    setAttemptUsername('');
    setJustSetUp(false);
    show({ phase: 'signedIn', session });
  };
  const followProgress = (progress: SignInProgress) => {
    if (progress.next === 'done') showSignedIn(progress.session);
    else show({ phase: 'pending', step: progress.next, keyMode });
  };
  const backToSignIn = (reason: Message | null) => {
    setSignInError(reason);
    if (!reason) setAttemptUsername('');
    show({ phase: 'signedOut', keyMode });
  };
  const signedOut = () => {
    setJustSetUp(false);
    setSignInError(null);
    setAttemptUsername('');
    void reload();
  };

  if (justEnrolled && (state.phase === 'pending' || state.phase === 'signedIn')) {
    const { progress } = justEnrolled;
    const owner =
      progress.next === 'done'
        ? progress.session.user.username
        : state.phase === 'signedIn'
          ? state.session.user.username
          : t('app.name');
    return (
      <RecoveryCodesScreen
        codes={justEnrolled.recoveryCodes}
        userLabel={owner}
        onContinue={() => {
          setJustEnrolled(null);
          followProgress(progress);
        }}
      />
    );
  }

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
      return (
        <SignInScreen
          keyMode={state.keyMode}
          justSetUp={justSetUp}
          error={signInError}
          onError={setSignInError}
          initialUsername={attemptUsername}
          onProgress={(progress, username) => {
            setAttemptUsername(username);
            followProgress(progress);
          }}
        />
      );
    case 'pending':
      switch (state.step) {
        case 'code':
          return (
            <CodeScreen
              keyMode={state.keyMode}
              onProgress={followProgress}
              onFailed={backToSignIn}
              onCancelled={() => backToSignIn(null)}
            />
          );
        case 'changePassword':
          return (
            <InitialPasswordScreen
              keyMode={state.keyMode}
              onProgress={followProgress}
              onFailed={backToSignIn}
              onCancelled={() => backToSignIn(null)}
            />
          );
        case 'enrol':
          return (
            <EnrolScreen
              keyMode={state.keyMode}
              onConfirming={(inFlight) => {
                confirmingEnrolment.current = inFlight;
              }}
              onEnrolled={(recoveryCodes, progress) => setJustEnrolled({ recoveryCodes, progress })}
              onFailed={backToSignIn}
              onCancelled={() => backToSignIn(null)}
            />
          );
      }
      break;
    case 'locked':
      return (
        <LockScreen
          user={state.user}
          keyMode={state.keyMode}
          unlockNeedsCode={state.unlockNeedsCode}
          reason={state.reason}
          onUnlocked={(session) => {
            const lost = heldInputAtLock.current;
            showSignedIn(session);
            setInputLostAtLock(lost);
          }}
          onSignedOut={signedOut}
        />
      );
    case 'signedIn':
      return (
        <HomeShell
          session={state.session}
          onSignedOut={signedOut}
          onLock={() => void lock()}
          onSessionChanged={() => void reload()}
          onLeftWithInput={() => {
            heldInputAtLock.current = true;
          }}
          inputLostAtLock={inputLostAtLock}
        />
      );
  }
  return null;
}
