/**
 * A user's access: pick a person, then their role, teams and personal exceptions (saved together
 * through `users.setAccess`, which may ask for a fresh code), Explain for any right, and a
 * read-only "view as" preview of the app with their rights.
 */
import { useEffect, useState } from 'react';
import type { RoleDefinition } from '../../../shared/access';
import type { UserSummary } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { ExplainSection } from './ExplainSection';
import { UserAccessEditor } from './UserAccessEditor';
import { useAccessText, type AccessMessage } from './strings';
import './access.css';

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; users: UserSummary[]; roles: RoleDefinition[] };

export function AccessPage({ takeFocus, initialUserId, selfId }: { takeFocus: boolean; initialUserId?: number; selfId: number }) {
  const { a } = useAccessText();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [userId, setUserId] = useState<number | null>(initialUserId ?? null);
  const [viewAsError, setViewAsError] = useState<AccessMessage | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([call('users.list', {}), call('roles.list', {})]).then(([users, roles]) => {
      if (!current) return;
      if (!users.ok) setLoaded({ kind: 'failed', error: users.error });
      else if (!roles.ok) setLoaded({ kind: 'failed', error: roles.error });
      else setLoaded({ kind: 'ready', users: users.value, roles: roles.value });
    });
    return () => {
      current = false;
    };
  }, []);

  const user = loaded.kind === 'ready' ? loaded.users.find((u) => u.id === userId) : undefined;

  async function viewAs() {
    if (!user) return;
    setViewAsError(null);
    // The core announces the change; the app reloads the session and the shell shows the banner.
    const result = await call('access.viewAs', { userId: user.id });
    if (!result.ok) setViewAsError({ key: 'access.viewAsFailed', params: { message: result.error } });
  }

  return (
    <section className="page access-page">
      <PageHeading takeFocus={takeFocus}>{a('access.title')}</PageHeading>
      <p>{a('access.intro')}</p>
      {loaded.kind === 'loading' && <p role="status">{a('access.loading')}</p>}
      {loaded.kind === 'failed' && <Notice tone="error">{a('access.usersLoadFailed', { message: loaded.error })}</Notice>}
      {loaded.kind === 'ready' && (
        <>
          <SelectField
            label={a('access.user')}
            value={userId === null ? '' : String(userId)}
            options={[
              { value: '', label: a('access.pickUser') },
              ...loaded.users.map((u) => ({ value: String(u.id), label: u.displayName === u.username ? u.username : `${u.displayName} (${u.username})` })),
            ]}
            onChange={(event) => setUserId(event.currentTarget.value ? Number(event.currentTarget.value) : null)}
          />
          {user && (
            <>
              <div className="button-row">
                <button type="button" className="button-quiet" onClick={viewAs} disabled={user.status !== 'active'}>
                  {a('access.viewAs')}
                </button>
              </div>
              {viewAsError && <Notice tone="error">{a(viewAsError.key, viewAsError.params)}</Notice>}
              <UserAccessEditor key={user.id} user={user} roles={loaded.roles} own={user.id === selfId} />
              <ExplainSection key={`explain:${user.id}`} userId={user.id} />
            </>
          )}
        </>
      )}
    </section>
  );
}
