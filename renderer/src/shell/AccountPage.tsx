/**
 * The user's own account: change the password, make new recovery codes (a sensitive step, so it
 * may ask for a fresh code), and see the recent sign-ins — a way to notice someone else's.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { SessionInfo, SignInRecord } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { PASSWORD_MIN_LENGTH } from '../../../shared/policy';
import { call, fieldErrorsFrom, retryAfterSecondsFrom } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { RecoveryCodeList } from '../components/RecoveryCodeList';
import { TextField } from '../components/TextField';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Reason } from '../i18n/translate';
import { checkNewPassword } from '../passwordChecks';
import { tooManySignIns } from '../screens/signInFailure';
import { isStepUpCancelled, useStepUp } from '../stepUp';

export function AccountPage({ session, takeFocus }: { session: SessionInfo; takeFocus: boolean }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t('account.title')}</PageHeading>
      <ChangePasswordSection username={session.user.username} />
      <RecoveryCodesSection userLabel={session.user.username} />
      <RecentSignInsSection />
    </section>
  );
}

type PasswordField = 'current' | 'password' | 'again';
type PasswordErrors = Partial<Record<PasswordField, string>>;

function ChangePasswordSection({ username }: { username: string }) {
  const { t, reasonTexts } = useI18n();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [checksShown, setChecksShown] = useState(false);
  const [coreErrors, setCoreErrors] = useState<Partial<Record<PasswordField, Reason>>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const againRef = useRef<HTMLInputElement>(null);

  /** What the form can tell before asking the core: an empty current password, and the new one's checks. */
  const checkLocally = (): PasswordErrors => ({
    ...(current === '' ? { current: t('account.currentRequired') } : {}),
    ...checkNewPassword(password, again, t),
  });
  const local = checksShown ? checkLocally() : {};
  const errors: PasswordErrors = { ...reasonTexts(coreErrors), ...local };

  function focusFirst(found: Partial<Record<PasswordField, unknown>>) {
    if (found.current) currentRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
    else if (found.again) againRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    setChanged(false);
    const found = checkLocally();
    if (found.current || found.password || found.again) {
      flushSync(() => setChecksShown(true));
      focusFirst(found);
      return;
    }
    setBusy(true);
    const result = await call('account.changePassword', { currentPassword: current, newPassword: password });
    if (result.ok) {
      setBusy(false);
      setCurrent('');
      setPassword('');
      setAgain('');
      setChecksShown(false);
      setCoreErrors({});
      setChanged(true);
      return;
    }
    const { error } = result;
    const fields = fieldErrorsFrom(error.details);
    const refused: Partial<Record<PasswordField, Reason>> = {};
    // Wrong guesses of the current password are slowed down as at sign-in: the wait is said, not "wrong password".
    const seconds = retryAfterSecondsFrom(error);
    if (seconds !== null) refused.current = tooManySignIns(seconds);
    else if (error.code === 'UNAUTHENTICATED' || fields.currentPassword) refused.current = { key: 'account.wrongCurrentPassword' };
    if (fields.newPassword) refused.password = fields.newPassword;
    flushSync(() => {
      setBusy(false);
      setCoreErrors(refused);
      if (!refused.current && !refused.password) setFormError({ key: 'account.changeFailed', params: { message: error } });
    });
    focusFirst(refused);
  }

  return (
    <section className="panel" aria-labelledby="account-password-title">
      <h3 id="account-password-title">{t('account.passwordTitle')}</h3>
      {changed && <Notice tone="info">{t('account.passwordChanged')}</Notice>}
      {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
      <form onSubmit={submit} noValidate aria-busy={busy} className="narrow-form">
        <input type="hidden" name="username" autoComplete="username" value={username} />
        <TextField
          ref={currentRef}
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          readOnly={busy}
          value={current}
          error={errors.current}
          onChange={(event) => {
            setCurrent(event.currentTarget.value);
            setCoreErrors(({ current: _dropped, ...rest }) => rest);
          }}
        />
        <TextField
          ref={passwordRef}
          label={t('account.newPassword')}
          hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          readOnly={busy}
          value={password}
          error={errors.password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            setCoreErrors(({ password: _dropped, ...rest }) => rest);
          }}
        />
        <TextField
          ref={againRef}
          label={t('account.newPasswordAgain')}
          type="password"
          autoComplete="new-password"
          required
          readOnly={busy}
          value={again}
          error={errors.again}
          onChange={(event) => setAgain(event.currentTarget.value)}
        />
        <BusyButton type="submit" className="button-primary" busy={busy}>
          {busy ? t('account.changing') : t('account.changePassword')}
        </BusyButton>
      </form>
    </section>
  );
}

/** From this many unused recovery codes down, the page warns: a lost phone is near. */
const FEW_RECOVERY_CODES = 2;

type CodesState = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'working' } | { kind: 'shown'; codes: string[] };

function RecoveryCodesSection({ userLabel }: { userLabel: string }) {
  const { t } = useI18n();
  const { callWithStepUp } = useStepUp();
  const [state, setState] = useState<CodesState>({ kind: 'idle' });
  const [error, setError] = useState<Message | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const shownRef = useRef<HTMLParagraphElement>(null);
  // How many codes are left: null until known (or when asking failed, which the page can live without).
  const [unused, setUnused] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void call('account.recoveryCodesLeft', {}).then((result) => {
      if (current && result.ok) setUnused(result.value.unused);
    });
    return () => {
      current = false;
    };
  }, []);

  async function regenerate() {
    setError(null);
    setState({ kind: 'working' });
    const result = await callWithStepUp('account.regenerateRecoveryCodes', {});
    if (result.ok) {
      flushSync(() => {
        setState({ kind: 'shown', codes: result.value.recoveryCodes });
        setUnused(result.value.recoveryCodes.length);
      });
      shownRef.current?.focus();
      return;
    }
    flushSync(() => {
      setState({ kind: 'idle' });
      if (!isStepUpCancelled(result.error)) setError({ key: 'account.newCodesFailed', params: { message: result.error } });
    });
    startRef.current?.focus();
  }

  function ask() {
    flushSync(() => setState({ kind: 'confirming' }));
    // The button pressed makes way for the question. The old codes stop working, so Cancel takes the
    // focus, as in every question that cannot be taken back: a second Enter changes nothing.
    cancelRef.current?.focus();
  }

  function close() {
    flushSync(() => setState({ kind: 'idle' }));
    startRef.current?.focus();
  }

  return (
    <section className="panel" aria-labelledby="account-recovery-title">
      <h3 id="account-recovery-title">{t('account.recoveryTitle')}</h3>
      <p>{t('account.recoveryIntro')}</p>
      {unused !== null && unused <= FEW_RECOVERY_CODES ? (
        <Notice tone="warning">{unused === 0 ? t('account.codesLeftNone') : t(unused === 1 ? 'account.codesLeftOne' : 'account.codesLeft', { count: unused })}</Notice>
      ) : (
        unused !== null && <p>{t('account.codesLeft', { count: unused })}</p>
      )}
      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      {state.kind === 'idle' && (
        <button ref={startRef} type="button" className="button-quiet" onClick={ask}>
          {t('account.newCodes')}
        </button>
      )}
      {(state.kind === 'confirming' || state.kind === 'working') && (
        <div
          className="confirm-inline"
          role="group"
          aria-labelledby="account-recovery-confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && state.kind === 'confirming') {
              event.preventDefault();
              close();
            }
          }}
        >
          <p id="account-recovery-confirm">{t('account.newCodesConfirm')}</p>
          <div className="button-row">
            <BusyButton className="button-primary" busy={state.kind === 'working'} onClick={() => void regenerate()}>
              {state.kind === 'working' ? t('account.newCodesWorking') : t('account.newCodesSubmit')}
            </BusyButton>
            <button ref={cancelRef} type="button" className="button-quiet" disabled={state.kind === 'working'} onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'shown' && (
        <div className="shown-once">
          <p ref={shownRef} tabIndex={-1} className="strong">
            {t('account.newCodesShown')}
          </p>
          <RecoveryCodeList codes={state.codes} userLabel={userLabel} />
          <button type="button" className="button-primary" onClick={close}>
            {t('common.done')}
          </button>
        </div>
      )}
    </section>
  );
}

type SignInsState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; records: SignInRecord[] };

function RecentSignInsSection() {
  const { t, language } = useI18n();
  const [state, setState] = useState<SignInsState>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    void call('account.recentSignIns', {}).then((result) => {
      if (!current) return;
      setState(result.ok ? { kind: 'ready', records: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <section className="panel" aria-labelledby="account-signins-title">
      <h3 id="account-signins-title">{t('account.signInsTitle')}</h3>
      {state.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.kind === 'failed' && <Notice tone="error">{t('account.signInsFailed', { message: state.error })}</Notice>}
      {state.kind === 'ready' && state.records.length === 0 && <p>{t('account.signInsEmpty')}</p>}
      {state.kind === 'ready' && state.records.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">{t('account.signInsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.signInsWhen')}</th>
              <th scope="col">{t('account.signInsOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {state.records.map((record, index) => (
              <tr key={`${record.at}-${index}`}>
                <td>
                  <time dateTime={record.at}>{formatDateTime(record.at, language)}</time>
                </td>
                <td className={record.outcome === 'failure' ? 'outcome-failure' : undefined}>
                  {record.outcome === 'failure' ? t('account.signInFailure') : record.recoveryCode ? t('account.signInRecovery') : t('account.signInSuccess')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
