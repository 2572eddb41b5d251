/**
 * Adding a person: username, name, optional e-mail and role. The core makes a one-time password
 * and seals the data key to the new user; the page then shows that password once. Only what the
 * person needs is asked: the e-mail is optional and sent only when filled in.
 */
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { RoleDefinition } from '../../../shared/access';
import type { UserSummary } from '../../../shared/api';
import type { Role } from '../../../shared/permissions';
import { usernameError } from '../screens/setupChecks';
import { fieldErrorsFrom } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Reason, Translate } from '../i18n/translate';
import { isStepUpCancelled, useStepUp } from '../stepUp';

interface AddUserFormProps {
  /** Every role of this install (`roles.list`), the custom ones too. */
  roles: readonly RoleDefinition[];
  onAdded: (user: UserSummary, oneTimePassword: string) => void;
}

interface Values {
  username: string;
  displayName: string;
  email: string;
  role: Role;
}
type Field = Exclude<keyof Values, 'role'>;
type Errors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['username', 'displayName', 'email'];
const EMPTY: Values = { username: '', displayName: '', email: '', role: 'office' };
// A courtesy check only: the core validates the address properly.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The core's limits of users.create (shared/api.ts). */
const DISPLAY_NAME_MAX = 200;
const EMAIL_MAX = 320;

function check(values: Values, t: Translate): Errors {
  const errors: Errors = {};
  const username = usernameError(values.username, t, 'users.error.usernameInvalid');
  if (username) errors.username = username;
  const name = values.displayName.trim();
  if (name === '') errors.displayName = t('users.error.nameRequired');
  // Checked here with the others, so every problem of the form shows at once (the core checks too).
  else if (name.length > DISPLAY_NAME_MAX) errors.displayName = t('users.error.nameTooLong', { max: DISPLAY_NAME_MAX });
  const email = values.email.trim();
  if (email !== '' && (email.length > EMAIL_MAX || !EMAIL_SHAPE.test(email))) errors.email = t('users.error.emailInvalid');
  return errors;
}

export function AddUserForm({ roles, onAdded }: AddUserFormProps) {
  const { t, language, reasonTexts } = useI18n();
  const { callWithStepUp } = useStepUp();
  const [values, setValues] = useState<Values>(EMPTY);
  const [checksShown, setChecksShown] = useState(false);
  const [coreErrors, setCoreErrors] = useState<Partial<Record<Field, Reason>>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const errors: Errors = { ...reasonTexts(coreErrors), ...(checksShown ? check(values, t) : {}) };

  const update = (field: Field) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
    setCoreErrors((previous) => {
      const remaining = { ...previous };
      delete remaining[field];
      return remaining;
    });
  };

  function focusFirst(found: Partial<Record<Field, unknown>>) {
    const first = FIELDS.find((field) => found[field]);
    const input = first ? formRef.current?.elements.namedItem(first) : null;
    if (input instanceof HTMLInputElement) input.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = check(values, t);
    if (Object.keys(found).length > 0) {
      flushSync(() => setChecksShown(true));
      focusFirst(found);
      return;
    }
    setBusy(true);
    const email = values.email.trim();
    const result = await callWithStepUp('users.create', {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      role: values.role,
      ...(email ? { email } : {}),
    });
    if (result.ok) {
      setBusy(false);
      setValues(EMPTY);
      setChecksShown(false);
      setCoreErrors({});
      onAdded(result.value.user, result.value.oneTimePassword);
      return;
    }
    const { error } = result;
    const refused: Partial<Record<Field, Reason>> = {};
    if (error.code === 'CONFLICT') refused.username = { key: 'users.error.taken' };
    for (const [field, message] of Object.entries(fieldErrorsFrom(error.details))) {
      if ((FIELDS as readonly string[]).includes(field)) refused[field as Field] = message;
    }
    flushSync(() => {
      setBusy(false);
      setCoreErrors(refused);
      if (Object.keys(refused).length === 0 && !isStepUpCancelled(error))
        setFormError({ key: 'users.addFailed', params: { message: error } });
    });
    // A cancelled code dialog leaves the user where they were (the button kept its focus).
    focusFirst(refused);
  }

  return (
    <section className="panel" aria-labelledby="users-add-title">
      <h3 id="users-add-title">{t('users.addTitle')}</h3>
      {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
      <form ref={formRef} onSubmit={submit} noValidate aria-busy={busy} className="narrow-form">
        <TextField
          label={t('users.username')}
          hint={t('users.usernameHint')}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          readOnly={busy}
          value={values.username}
          error={errors.username}
          onChange={update('username')}
        />
        <TextField
          label={t('users.displayName')}
          name="displayName"
          autoComplete="off"
          required
          readOnly={busy}
          value={values.displayName}
          error={errors.displayName}
          onChange={update('displayName')}
        />
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          readOnly={busy}
          value={values.email}
          error={errors.email}
          onChange={update('email')}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          disabled={busy}
          value={values.role}
          options={roles.map((role) => ({ value: role.id, label: role.name[language] }))}
          onChange={(event) => {
            const role = event.currentTarget.value;
            if (roles.some((r) => r.id === role)) setValues((previous) => ({ ...previous, role }));
          }}
        />
        <BusyButton type="submit" className="button-primary" busy={busy}>
          {busy ? t('users.adding') : t('users.add')}
        </BusyButton>
      </form>
    </section>
  );
}
