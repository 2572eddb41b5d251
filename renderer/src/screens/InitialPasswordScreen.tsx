/**
 * Sign-in with a one-time password (phase 'pending', step 'changePassword'): the user chooses their
 * own password before anything else. The core judges its strength and explains a refusal; that
 * explanation is shown under the field.
 */
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { KeyMode, SignInProgress } from '../../../shared/api';
import { PASSWORD_MIN_LENGTH } from '../../../shared/policy';
import { call, fieldErrorsFrom } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading, useScreenIds } from '../components/ScreenHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Reason } from '../i18n/translate';
import { checkNewPassword, type NewPasswordErrors } from '../passwordChecks';
import { CancelSignIn } from './CancelSignIn';

interface InitialPasswordScreenProps {
  keyMode: KeyMode;
  onProgress: (progress: SignInProgress) => void;
  onFailed: (reason: Message) => void;
  onCancelled: () => void;
}

export function InitialPasswordScreen({ keyMode, onProgress, onFailed, onCancelled }: InitialPasswordScreenProps) {
  const { t, reasonText } = useI18n();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [checksShown, setChecksShown] = useState(false);
  const [coreError, setCoreError] = useState<Reason | null>(null);
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { headingId, leadId, describedBy } = useScreenIds();
  const againRef = useRef<HTMLInputElement>(null);

  const local: NewPasswordErrors = checksShown ? checkNewPassword(password, again, t) : {};
  const passwordError = local.password ?? (coreError === null ? undefined : reasonText(coreError));

  function focusFirst(errors: NewPasswordErrors & { core?: Reason | null }) {
    if (errors.password || errors.core) passwordRef.current?.focus();
    else if (errors.again) againRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = checkNewPassword(password, again, t);
    if (found.password || found.again) {
      flushSync(() => setChecksShown(true));
      focusFirst(found);
      return;
    }
    setBusy(true);
    const result = await call('session.changeInitialPassword', { newPassword: password });
    if (result.ok) {
      onProgress(result.value);
      return;
    }
    const { error } = result;
    if (error.code === 'UNAUTHENTICATED') {
      onFailed({ key: 'signIn.startAgain' });
      return;
    }
    const refused = fieldErrorsFrom(error.details).newPassword ?? null;
    flushSync(() => {
      setBusy(false);
      setCoreError(refused);
      if (!refused) setFormError({ key: 'initialPassword.failed', params: { message: error } });
    });
    focusFirst({ core: refused });
  }

  return (
    <AuthLayout>
      <ScreenHeading id={headingId} initialFocus={passwordRef}>
        {t('initialPassword.title')}
      </ScreenHeading>
      <p id={leadId} className="lead">{t('initialPassword.intro')}</p>
      <PassphraseOnlyNotice keyMode={keyMode} />
      {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          ref={passwordRef}
          label={t('initialPassword.new')}
          describedBy={describedBy}
          hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          readOnly={busy}
          value={password}
          error={passwordError}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            setCoreError(null);
          }}
        />
        <TextField
          ref={againRef}
          label={t('initialPassword.again')}
          name="newPasswordAgain"
          type="password"
          autoComplete="new-password"
          required
          readOnly={busy}
          value={again}
          error={local.again}
          onChange={(event) => setAgain(event.currentTarget.value)}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('initialPassword.submitting') : t('initialPassword.submit')}
          </button>
          <CancelSignIn onCancelled={onCancelled} disabled={busy} />
        </div>
      </form>
    </AuthLayout>
  );
}
