/**
 * First run (phase 'setup'): creates the install, its encrypted store and the first administrator.
 * Checks the form locally first so a short or mistyped password never reaches the core; the
 * core's own validation messages are shown next to the right field when it refuses anyway.
 */
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { KeyMode } from '../../../shared/api';
import { PASSWORD_MIN_LENGTH } from '../../../shared/policy';
import { call, fieldErrorsFrom } from '../api';
import { AuthLayout } from '../components/AuthLayout';
import { Notice } from '../components/Notice';
import { ScreenHeading, useScreenIds } from '../components/ScreenHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Reason } from '../i18n/translate';
import {
  checkSetup,
  CORE_FIELD_TO_SETUP_FIELD,
  SETUP_FIELDS,
  type SetupErrors,
  type SetupField,
  type SetupValues,
} from './setupChecks';

const EMPTY: SetupValues = { orgName: '', username: '', password: '', passwordAgain: '' };

export function SetupScreen({ onCreated }: { onCreated: (keyMode: KeyMode) => void }) {
  const { t, reasonTexts } = useI18n();
  const [values, setValues] = useState<SetupValues>(EMPTY);
  // Checks speak up only after the first submit, then follow the typing (and the language).
  const [checksShown, setChecksShown] = useState(false);
  // What the core refused, per field; cleared as soon as that field is edited.
  const [coreErrors, setCoreErrors] = useState<Partial<Record<SetupField, Reason>>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const orgNameRef = useRef<HTMLInputElement>(null);
  const { headingId, leadId, describedBy } = useScreenIds();

  const errors: SetupErrors = { ...reasonTexts(coreErrors), ...(checksShown ? checkSetup(values, t) : {}) };

  const update = (field: SetupField) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
    setCoreErrors((previous) => {
      const remaining = { ...previous };
      delete remaining[field];
      return remaining;
    });
  };

  // Focus goes to the first field that needs attention, found by its name in the form. The errors
  // are rendered first, so a screen reader reads the field together with what is wrong with it.
  const focusFirstError = (found: Partial<Record<SetupField, unknown>>, form: HTMLFormElement) => {
    const first = SETUP_FIELDS.find((field) => found[field]);
    const input = first ? form.elements.namedItem(first) : null;
    if (input instanceof HTMLInputElement) input.focus();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (busy) return;
    setFormError(null);
    const found = checkSetup(values, t);
    if (Object.keys(found).length > 0) {
      flushSync(() => setChecksShown(true));
      focusFirstError(found, form);
      return;
    }
    setBusy(true);
    const result = await call('setup.createInstall', {
      orgName: values.orgName.trim(),
      adminUsername: values.username.trim(),
      password: values.password,
    });
    if (result.ok) {
      onCreated(result.value.keyMode);
      return;
    }
    const refused: Partial<Record<SetupField, Reason>> = {};
    for (const [coreField, message] of Object.entries(fieldErrorsFrom(result.error.details))) {
      const field = CORE_FIELD_TO_SETUP_FIELD[coreField];
      if (field) refused[field] = message;
    }
    flushSync(() => {
      setBusy(false);
      setCoreErrors(refused);
      if (Object.keys(refused).length === 0)
        setFormError({ key: 'setup.error.failed', params: { message: result.error } });
    });
    focusFirstError(refused, form);
  }

  const fieldProps = (field: SetupField) => ({
    name: field,
    value: values[field],
    onChange: update(field),
    error: errors[field],
    required: true,
    // Read-only rather than disabled: the fields keep focus and stay readable while the core works.
    readOnly: busy,
  });

  return (
    <AuthLayout>
      <ScreenHeading id={headingId} initialFocus={orgNameRef}>
        {t('setup.title')}
      </ScreenHeading>
      <p id={leadId} className="lead">{t('setup.intro')}</p>
      {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TextField ref={orgNameRef} label={t('setup.orgName')} describedBy={describedBy} autoComplete="organization" {...fieldProps('orgName')} />
        <TextField
          label={t('setup.username')}
          hint={t('setup.usernameHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          {...fieldProps('username')}
        />
        <TextField
          label={t('setup.password')}
          hint={t('setup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          {...fieldProps('password')}
        />
        <TextField
          label={t('setup.passwordAgain')}
          type="password"
          autoComplete="new-password"
          {...fieldProps('passwordAgain')}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
