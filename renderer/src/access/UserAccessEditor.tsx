/** One user's role, teams and personal exceptions, saved together. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { FIELD_ACCESS, SCOPES, type FieldAccess, type Override, type RightKey, type RoleDefinition, type Scope } from '../../../shared/access';
import type { Team, UserSummary } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { call } from '../api';
import { BusyButton, neighbourOf } from '../components/BusyButton';
import { CheckboxField } from '../components/CheckboxField';
import { Notice } from '../components/Notice';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { fieldAccessLabel, scopeLabel } from './labels';
import { parseRight, RightPicker, useRightLabel } from './RightPicker';
import { useAccessText, type AccessMessage } from './strings';

type State = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready' };

/** `own`: the signed-in admin's own account, whose role the core lets only another admin change. */
/** The core's limit on a team's name (teams.create in shared/api.ts). */
const TEAM_NAME_MAX = 100;

export function UserAccessEditor({ user, roles, own }: { user: UserSummary; roles: RoleDefinition[]; own: boolean }) {
  const { a, language } = useAccessText();
  const { callWithStepUp } = useStepUp();
  const rightLabel = useRightLabel();
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [role, setRole] = useState('');
  const [teamIds, setTeamIds] = useState<number[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [newTeam, setNewTeam] = useState('');
  const [teamError, setTeamError] = useState<AccessMessage | null>(null);
  const [adding, setAdding] = useState<Override>({ right: 'task:data.export', effect: 'deny' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<AccessMessage | null>(null);
  const [error, setError] = useState<AccessMessage | null>(null);
  const adderRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([call('users.access', { userId: user.id }), call('teams.list', {})]).then(([access, teamList]) => {
      if (!current) return;
      if (!access.ok) return setState({ kind: 'failed', error: access.error });
      if (!teamList.ok) return setState({ kind: 'failed', error: teamList.error });
      setRole(access.value.role);
      setTeamIds(access.value.teamIds);
      setOverrides(access.value.overrides);
      setTeams(teamList.value);
      setState({ kind: 'ready' });
    });
    return () => {
      current = false;
    };
  }, [user.id]);

  async function createTeam() {
    const name = newTeam.trim();
    // Said under the field, as the core's limit (teams.create) would only say "not valid".
    if (!name) return setTeamError({ key: 'access.teamNameRequired' });
    if (name.length > TEAM_NAME_MAX) return setTeamError({ key: 'access.teamNameTooLong', params: { max: TEAM_NAME_MAX } });
    setTeamError(null);
    const result = await call('teams.create', { name });
    if (!result.ok) return setTeamError({ key: 'access.teamFailed', params: { message: result.error } });
    setTeams((list) => [...list, result.value]);
    setTeamIds((ids) => [...ids, result.value.id]);
    setNewTeam('');
  }

  function addOverride() {
    const kind = parseRight(adding.right).kind;
    const next: Override = { right: adding.right, effect: adding.effect };
    if (adding.effect === 'grant' && kind === 'record') next.scope = adding.scope ?? 'all';
    if (adding.effect === 'grant' && kind === 'field') next.access = adding.access ?? 'read';
    // One exception per right: a new one replaces the old, also one of the other effect — a grant
    // beside an older deny of the same right would look like a grant and do nothing (a deny wins).
    setOverrides((list) => [...list.filter((o) => o.right !== next.right), next]);
  }

  function removeOverride(o: Override) {
    const next = neighbourOf(overrides, o);
    flushSync(() => setOverrides((list) => list.filter((x) => x !== o)));
    // The row leaves with its button: the next row's Remove takes the focus, or with none left,
    // the first control for adding an exception.
    const within = adderRef.current?.closest('fieldset');
    within?.querySelector<HTMLElement>(next ? `[data-remove-right="${CSS.escape(next.right)}"]` : 'select')?.focus();
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    const result = await callWithStepUp('users.setAccess', { userId: user.id, role, teamIds, overrides });
    setBusy(false);
    if (result.ok) setStatus({ key: 'access.saved', params: { name: user.displayName } });
    else if (!isStepUpCancelled(result.error)) setError({ key: 'access.saveFailed', params: { message: result.error } });
  }

  if (state.kind === 'loading') return <p role="status">{a('access.loading')}</p>;
  if (state.kind === 'failed') return <Notice tone="error">{a('access.loadFailed', { message: state.error })}</Notice>;

  const addingKind = parseRight(adding.right).kind;
  const valueText = (o: Override) => (o.scope ? scopeLabel(o.scope, language) : o.access ? fieldAccessLabel(o.access, language) : '');

  return (
    <form className="user-access" onSubmit={save} noValidate aria-busy={busy}>
      {status && <Notice tone="info">{a(status.key, status.params)}</Notice>}
      {error && <Notice tone="error">{a(error.key, error.params)}</Notice>}
      <SelectField
        label={a('access.role')}
        value={role}
        disabled={own}
        hint={own ? a('access.ownAccount') : undefined}
        options={roles.map((r) => ({ value: r.id, label: r.name[language] }))}
        onChange={(event) => setRole(event.currentTarget.value)}
      />

      <fieldset>
        <legend>{a('access.teams')}</legend>
        {teams.length === 0 && <p>{a('access.noTeams')}</p>}
        {teams.map((team) => (
          <CheckboxField
            key={team.id}
            label={team.name}
            checked={teamIds.includes(team.id)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setTeamIds((ids) => (on ? [...ids, team.id] : ids.filter((x) => x !== team.id)));
            }}
          />
        ))}
        <div className="inline-form">
          <TextField label={a('access.newTeamName')} value={newTeam} onChange={(e) => setNewTeam(e.currentTarget.value)} error={teamError ? a(teamError.key, teamError.params) : undefined} />
          <button type="button" className="button-quiet" onClick={createTeam}>
            {a('access.addTeam')}
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend id={`${id}-overrides`}>{a('access.overrides')}</legend>
        <p className="field-hint">{a('access.overridesIntro')}</p>
        {overrides.length === 0 ? (
          <p>{a('access.noOverrides')}</p>
        ) : (
          <table className="table access-table" aria-labelledby={`${id}-overrides`}>
            <thead>
              <tr>
                <th scope="col">{a('access.right')}</th>
                <th scope="col">{a('access.effect')}</th>
                <th scope="col">{a('access.value')}</th>
                <th scope="col">
                  <span className="visually-hidden">{a('access.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={`${o.right}:${o.effect}`}>
                  <th scope="row">{rightLabel(o.right)}</th>
                  <td>{o.effect === 'grant' ? a('access.grant') : a('access.deny')}</td>
                  <td>{valueText(o)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-quiet"
                      aria-label={a('access.removeLabel', { right: rightLabel(o.right) })}
                      data-remove-right={o.right}
                      onClick={() => removeOverride(o)}
                    >
                      {a('access.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div ref={adderRef} className="override-adder">
          <RightPicker value={adding.right} onChange={(right: RightKey) => setAdding((o) => ({ ...o, right }))} />
          <SelectField
            label={a('access.effect')}
            value={adding.effect}
            options={[
              { value: 'grant', label: a('access.grant') },
              { value: 'deny', label: a('access.deny') },
            ]}
            onChange={(e) => {
                const value = e.currentTarget.value as Override['effect'];
                setAdding((o) => ({ ...o, effect: value }));
              }}
          />
          {adding.effect === 'grant' && addingKind === 'record' && (
            <SelectField
              label={a('access.value')}
              value={adding.scope ?? 'all'}
              options={SCOPES.map((s) => ({ value: s, label: scopeLabel(s, language) }))}
              onChange={(e) => {
                const value = e.currentTarget.value as Scope;
                setAdding((o) => ({ ...o, scope: value }));
              }}
            />
          )}
          {adding.effect === 'grant' && addingKind === 'field' && (
            <SelectField
              label={a('access.value')}
              value={adding.access ?? 'read'}
              options={FIELD_ACCESS.map((s) => ({ value: s, label: fieldAccessLabel(s, language) }))}
              onChange={(e) => {
                const value = e.currentTarget.value as FieldAccess;
                setAdding((o) => ({ ...o, access: value }));
              }}
            />
          )}
          <button type="button" className="button-quiet" onClick={addOverride}>
            {a('access.addOverride')}
          </button>
        </div>
      </fieldset>

      <div className="button-row">
        <BusyButton type="submit" className="button-primary" busy={busy}>
          {busy ? a('access.saving') : a('access.save')}
        </BusyButton>
      </div>
    </form>
  );
}
