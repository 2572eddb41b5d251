/**
 * The roles: a list (built-in roles marked, and only copied, never changed) and the editor of a
 * custom role or a copy. Saving sends the whole role to `roles.save`, which may ask for a fresh code.
 */
import { useEffect, useRef, useState } from 'react';
import type { RoleDefinition } from '../../../shared/access';
import type { ApiError } from '../../../shared/errors';
import { call } from '../api';
import { focusPageHeading } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { RoleEditor } from './RoleEditor';
import { accessText, useAccessText } from './strings';
import './access.css';

type ListState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; roles: RoleDefinition[] };

/** What the editor is working on: an existing custom role, or a new copy (no id yet). */
export interface Draft {
  id?: string;
  copiedFrom?: RoleDefinition;
  name: RoleDefinition['name'];
  rights: RoleDefinition['rights'];
}

/** `ownRole`: the role the signed-in user holds, which they may copy but not edit (roleBounds.ts in the core). */
export function RolesPage({ takeFocus, ownRole }: { takeFocus: boolean; ownRole: string }) {
  const { a, language } = useAccessText();
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(null);
  // The saved role's names in both languages: the notice follows a language switch.
  const [savedName, setSavedName] = useState<RoleDefinition['name'] | null>(null);
  const [reload, setReload] = useState(0);
  // A save closes the editor, and its Save button with it: the saved role's Edit takes the focus.
  const focusAfterLoad = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    void call('roles.list', {}).then((result) => {
      if (current) setList(result.ok ? { kind: 'ready', roles: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [reload]);

  useEffect(() => {
    const roleId = focusAfterLoad.current;
    if (list.kind === 'loading' || roleId === null) return;
    focusAfterLoad.current = null;
    const edit = document.querySelector<HTMLElement>(`[data-role-edit="${CSS.escape(roleId)}"]`);
    if (edit) edit.focus();
    else focusPageHeading();
  }, [list]);

  function copy(role: RoleDefinition) {
    setSavedName(null);
    setDraft({
      copiedFrom: role,
      name: { en: accessText('en', 'roles.copyOf', { name: role.name.en }), nl: accessText('nl', 'roles.copyOf', { name: role.name.nl }) },
      rights: structuredClone(role.rights),
    });
  }

  function edit(role: RoleDefinition) {
    setSavedName(null);
    setDraft({ id: role.id, name: { ...role.name }, rights: structuredClone(role.rights) });
  }

  function saved(role: RoleDefinition) {
    focusAfterLoad.current = role.id;
    setDraft(null);
    setSavedName(role.name);
    setReload((n) => n + 1);
  }

  return (
    <section className="page access-page">
      <PageHeading takeFocus={takeFocus}>{a('roles.title')}</PageHeading>
      <p>{a('roles.intro')}</p>
      {savedName && <Notice tone="info">{a('roles.saved', { name: savedName[language] })}</Notice>}
      {list.kind === 'loading' && <p role="status">{a('roles.loading')}</p>}
      {list.kind === 'failed' && <Notice tone="error">{a('roles.loadFailed', { message: list.error })}</Notice>}
      {list.kind === 'ready' && (
        <table className="table access-table">
          <caption className="visually-hidden">{a('roles.listLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{a('roles.name')}</th>
              <th scope="col">{a('roles.kind')}</th>
              <th scope="col">{a('roles.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.roles.map((role) => (
              <tr key={role.id}>
                <th scope="row">{role.name[language]}</th>
                <td>{role.builtIn ? a('roles.builtIn') : a('roles.custom')}</td>
                <td>
                  <div className="button-row">
                    {!role.builtIn && role.id === ownRole && <span className="muted">{a('roles.ownRole')}</span>}
                    {!role.builtIn && role.id !== ownRole && (
                      <button type="button" className="button-quiet" aria-label={a('roles.editLabel', { name: role.name[language] })} data-role-edit={role.id} onClick={() => edit(role)}>
                        {a('roles.edit')}
                      </button>
                    )}
                    <button type="button" className="button-quiet" aria-label={a('roles.copyLabel', { name: role.name[language] })} onClick={() => copy(role)}>
                      {a('roles.copy')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft && (
        <RoleEditor
          key={draft.id ?? `copy:${draft.copiedFrom?.id ?? ''}`}
          draft={draft}
          onSaved={saved}
          onCancel={() => setDraft(null)}
        />
      )}
    </section>
  );
}
