/**
 * Administration of the people who use this install: the list, adding someone (they get a one-time
 * password, shown once), and per person disable, reset password and reset two-step sign-in. Every
 * change is a sensitive call, so each may first ask for a fresh code. The security policy sits here
 * too, for those allowed to change it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { RoleDefinition } from '../../../shared/access';
import type { SessionInfo, UserSummary } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CopyButton } from '../components/CopyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { AddUserForm } from './AddUserForm';
import { PolicySection } from './PolicySection';
import { roleLabel } from './roles';

interface UsersPageProps {
  session: SessionInfo;
  takeFocus: boolean;
  onPolicyChanged: () => void;
}

export function UsersPage({ session, takeFocus, onPolicyChanged }: UsersPageProps) {
  const { t } = useI18n();
  const canManageUsers = session.permissions.includes('users.manage');
  const canManagePolicy = session.permissions.includes('policy.manage');
  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t('users.title')}</PageHeading>
      {canManageUsers && <UserAdministration selfId={session.user.id} />}
      {canManagePolicy && <PolicySection onSaved={onPolicyChanged} />}
    </section>
  );
}

type ListState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; users: UserSummary[]; roles: RoleDefinition[] };

/** The users, and the roles (custom ones too) that name what each may do and that Add user offers. */
async function loadUsersAndRoles(): Promise<ListState> {
  const [users, roles] = await Promise.all([call('users.list', {}), call('roles.list', {})]);
  if (!users.ok) return { kind: 'failed', error: users.error };
  if (!roles.ok) return { kind: 'failed', error: roles.error };
  return { kind: 'ready', users: users.value, roles: roles.value };
}

/** A one-time password to hand over, shown once. */
interface Handover {
  /** Whose password it is: Done takes the focus back to that user's row. */
  userId: number;
  name: string;
  password: string;
  /** Their authenticator stays (a reset password, an account enabled again): no new set-up follows. */
  keepsAuthenticator: boolean;
}

type Action = 'disable' | 'enable' | 'resetPassword' | 'resetMfa';

const CHANNELS = { disable: 'users.disable', enable: 'users.enable', resetPassword: 'users.resetPassword', resetMfa: 'users.resetMfa' } as const;
const ACTION_LABELS = { disable: 'users.disable', enable: 'users.enable', resetPassword: 'users.resetPassword', resetMfa: 'users.resetMfa' } as const;
/** What a row offers: an active account can be disabled or reset (MFA only once set up); a disabled one let in again. */
const ACTIVE_ACTIONS: readonly Action[] = ['disable', 'resetPassword', 'resetMfa'];
const DISABLED_ACTIONS: readonly Action[] = ['enable'];
interface PendingAction {
  action: Action;
  user: UserSummary;
}

function UserAdministration({ selfId }: { selfId: number }) {
  const { t, language } = useI18n();
  const { callWithStepUp } = useStepUp();
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [handover, setHandover] = useState<Handover | null>(null);
  const [confirming, setConfirming] = useState<PendingAction | null>(null);
  const [busyUserId, setBusyUserId] = useState<number | null>(null);
  const [status, setStatus] = useState<Message | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const handoverRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const loaded = await loadUsersAndRoles();
    // Drawn at once, so the caller can put the focus on a row's new buttons.
    flushSync(() => setList(loaded));
  }, []);

  useEffect(() => {
    let current = true;
    void loadUsersAndRoles().then((loaded) => {
      if (current) setList(loaded);
    });
    return () => {
      current = false;
    };
  }, []);

  /** Back to the row's button after a cancelled step, so the keyboard user is where they were. */
  function focusAction(userId: number, action: Action) {
    document.querySelector<HTMLElement>(`[data-user-action="${userId}-${action}"]`)?.focus();
  }

  /**
   * To the first button of a user's row, once an action changed what the row offers (Disable gives
   * way to Enable) or its one-time password was handed over: the keyboard user stays at that row.
   */
  function focusRow(userId: number) {
    document.querySelector<HTMLElement>(`[data-user-action^="${userId}-"]`)?.focus();
  }

  function closeHandover() {
    const userId = handover?.userId;
    flushSync(() => setHandover(null));
    if (userId !== undefined) focusRow(userId);
  }

  function showHandover(next: Handover) {
    flushSync(() => setHandover(next));
    handoverRef.current?.focus();
  }

  async function run({ action, user }: PendingAction) {
    setConfirming(null);
    setStatus(null);
    setError(null);
    setBusyUserId(user.id);
    const name = user.displayName || user.username;
    const channel = CHANNELS[action];
    const result = await callWithStepUp(channel, { userId: user.id });
    flushSync(() => setBusyUserId(null));
    if (!result.ok) {
      if (isStepUpCancelled(result.error)) focusAction(user.id, action);
      else setError({ key: 'users.actionFailed', params: { message: result.error } });
      return;
    }
    const handedOver = 'oneTimePassword' in result.value ? result.value.oneTimePassword : null;
    if (handedOver !== null) showHandover({ userId: user.id, name, password: handedOver, keepsAuthenticator: user.mfaEnrolled });
    else setStatus(action === 'disable' ? { key: 'users.disabled', params: { name } } : { key: 'users.mfaReset', params: { name } });
    await load();
    if (handedOver === null) focusRow(user.id);
  }

  const confirmTexts = (pending: PendingAction) => {
    const name = pending.user.displayName || pending.user.username;
    switch (pending.action) {
      case 'disable':
        return {
          title: t('users.disableTitle', { name }),
          text: t('users.disableText', { name }),
          confirmLabel: t('users.disableConfirm', { name }),
        };
      case 'enable':
        return {
          title: t('users.enableTitle', { name }),
          text: t('users.enableText'),
          confirmLabel: t('users.enableConfirm', { name }),
        };
      case 'resetPassword':
        return {
          title: t('users.resetPasswordTitle', { name }),
          text: t('users.resetPasswordText'),
          confirmLabel: t('users.resetPasswordConfirm'),
        };
      case 'resetMfa':
        return {
          title: t('users.resetMfaTitle', { name }),
          text: t('users.resetMfaText'),
          confirmLabel: t('users.resetMfaConfirm'),
        };
    }
  };

  return (
    <>
      {status && <Notice tone="info">{t(status.key, status.params)}</Notice>}
      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      {handover && (
        <section className="panel panel-highlight" aria-labelledby="users-handover-title">
          <h3 id="users-handover-title" ref={handoverRef} tabIndex={-1}>
            {t('users.otpTitle', { name: handover.name })}
          </h3>
          <p>{t(handover.keepsAuthenticator ? 'users.otpNoteEnrolled' : 'users.otpNote', { name: handover.name })}</p>
          <div className="secret">
            <TextField
              label={t('users.otpLabel')}
              className="secret-value"
              readOnly
              spellCheck={false}
              value={handover.password}
            />
            <CopyButton text={handover.password} />
          </div>
          <button type="button" className="button-primary" onClick={closeHandover}>
            {t('common.done')}
          </button>
        </section>
      )}

      {list.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {list.kind === 'failed' && <Notice tone="error">{t('users.loadFailed', { message: list.error })}</Notice>}
      {list.kind === 'ready' && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.col.username')}</th>
                <th scope="col">{t('users.col.name')}</th>
                <th scope="col">{t('users.col.role')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.mfa')}</th>
                <th scope="col">{t('users.col.mustChange')}</th>
                <th scope="col">{t('users.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((user) => {
                const self = user.id === selfId;
                const busy = busyUserId === user.id;
                const ask = (action: Action) => setConfirming({ action, user });
                return (
                  <tr key={user.id} aria-busy={busy || undefined}>
                    <th scope="row">
                      {user.username}
                      {self && <span className="muted"> ({t('users.you')})</span>}
                    </th>
                    <td>{user.displayName}</td>
                    <td>{roleLabel(user.role, list.roles, language)}</td>
                    <td className={user.status === 'disabled' ? 'status-disabled' : undefined}>
                      {user.status === 'active' ? t('users.status.active') : t('users.status.disabled')}
                    </td>
                    <td>{user.mfaEnrolled ? t('users.mfa.on') : t('users.mfa.off')}</td>
                    <td>{user.mustChangePassword ? t('common.yes') : t('common.no')}</td>
                    <td>
                      {!self && (
                        <div className="row-actions">
                          {(user.status === 'active' ? ACTIVE_ACTIONS : DISABLED_ACTIONS)
                            .filter((action) => action !== 'resetMfa' || user.mfaEnrolled)
                            .map((action) => (
                              <BusyButton key={action} className="button-small" data-user-action={`${user.id}-${action}`} busy={busy} onClick={() => ask(action)}>
                                {t(ACTION_LABELS[action])}
                                <span className="visually-hidden"> {user.username}</span>
                              </BusyButton>
                            ))}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {list.kind === 'ready' && (
        <AddUserForm
          roles={list.roles}
          onAdded={(user, oneTimePassword) => {
            setStatus(null);
            setError(null);
            showHandover({ userId: user.id, name: user.displayName || user.username, password: oneTimePassword, keepsAuthenticator: false });
            void load();
          }}
        />
      )}

      {confirming && (
        <ConfirmDialog
          {...confirmTexts(confirming)}
          onConfirm={() => void run(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}
