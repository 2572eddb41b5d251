/**
 * Editing one role: its names, the modules it opens, a matrix of record rights (kind of record ×
 * action, each a scope), field access by sensitivity with exceptions per field, and the tasks.
 * Every select carries a label that names its row and column, so a screen reader user hears
 * "Contacts: export scope" rather than a bare "All".
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import {
  FIELD_ACCESS,
  MODULES,
  RECORD_ACTIONS,
  SCOPES,
  SECURED_ENTITIES,
  TASKS,
  type FieldAccess,
  type Module,
  type RecordAction,
  type RoleDefinition,
  type RoleRights,
  type Scope,
  type SecuredEntity,
  type Task,
} from '../../../shared/access';
import { ENTITIES, SENSITIVITIES, type Sensitivity } from '../../../shared/registry';
import { BusyButton } from '../components/BusyButton';
import { CheckboxField } from '../components/CheckboxField';
import { Notice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGES, type Language, type Reason } from '../i18n/translate';
import { reasonsByLanguage } from '../records/FieldsPage';
import { useKnownFields } from '../records/fields';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { accessFields } from './accessFields';
import { actionLabel, entityLabel, fieldAccessLabel, moduleLabel, scopeLabel, sensitivityLabel, taskLabel } from './labels';
import type { Draft } from './RolesPage';
import { useAccessText, type AccessMessage } from './strings';

interface RoleEditorProps {
  draft: Draft;
  onSaved: (role: RoleDefinition) => void;
  onCancel: () => void;
}

const FOLLOW = '';

function toggle<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return order.filter((x) => set.has(x));
}

export function RoleEditor({ draft, onSaved, onCancel }: RoleEditorProps) {
  const { a, language } = useAccessText();
  const knownFields = useKnownFields();
  const { reasonTexts } = useI18n();
  const { callWithStepUp } = useStepUp();
  const id = useId();
  const [name, setName] = useState(draft.name);
  const [rights, setRights] = useState<RoleRights>(draft.rights);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccessMessage | null>(null);
  // What is wrong with the name in each language, kept as it came and worded when shown.
  const [nameErrors, setNameErrors] = useState<Partial<Record<Language, Reason>>>({});
  const nameErrorTexts = reasonTexts(nameErrors);
  const nameEnRef = useRef<HTMLInputElement>(null);
  const nameNlRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The editor opens below the list: the focus (and with it the view) goes to its heading, so Copy
  // and Edit lead somewhere a keyboard and a screen reader follow.
  useEffect(() => headingRef.current?.focus(), []);

  const title = draft.copiedFrom
    ? a('roles.newFromCopy', { name: draft.copiedFrom.name[language] })
    : a('roles.editing', { name: draft.name[language] });

  const setScope = (entity: SecuredEntity, action: RecordAction, scope: Scope) =>
    setRights((r) => ({ ...r, records: { ...r.records, [entity]: { ...r.records[entity], [action]: scope } } }));
  const setModule = (module: Module, on: boolean) => setRights((r) => ({ ...r, modules: toggle(r.modules, module, on, MODULES) }));
  const setTask = (task: Task, on: boolean) => setRights((r) => ({ ...r, tasks: toggle(r.tasks, task, on, TASKS) }));
  const setDefault = (sensitivity: Sensitivity, access: FieldAccess) =>
    setRights((r) => ({ ...r, fieldDefaults: { ...r.fieldDefaults, [sensitivity]: access } }));
  const setField = (key: string, access: FieldAccess | typeof FOLLOW) =>
    setRights((r) => {
      const fields = { ...r.fields };
      if (access === FOLLOW) delete fields[key];
      else fields[key] = access;
      return { ...r, fields };
    });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const sent = { en: name.en.trim(), nl: name.nl.trim() };
    const empty = LANGUAGES.filter((lang) => !sent[lang]);
    if (empty.length > 0) {
      flushSync(() => {
        setError({ key: 'roles.nameRequired' });
        setNameErrors(Object.fromEntries(empty.map((lang) => [lang, { id: 'records.required' }])));
      });
      focusFirstName(empty);
      return;
    }
    setError(null);
    setNameErrors({});
    setBusy(true);
    const input = { ...(draft.id ? { id: draft.id } : {}), name: sent, rights };
    const result = await callWithStepUp('roles.save', input);
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else if (!isStepUpCancelled(result.error)) {
      // The core's reason for the name (too long, taken …) goes on the language's field at fault.
      const refused = reasonsByLanguage(result.error.details, 'name', sent);
      const invalid = LANGUAGES.filter((lang) => refused[lang]);
      flushSync(() => {
        setNameErrors(refused);
        setError({ key: 'roles.saveFailed', params: { message: result.error } });
      });
      focusFirstName(invalid);
    }
  }

  function focusFirstName(invalid: readonly Language[]) {
    const first = invalid[0];
    if (first) (first === 'en' ? nameEnRef : nameNlRef).current?.focus();
  }

  const updateName = (lang: Language, value: string) => {
    setName({ ...name, [lang]: value });
    setNameErrors(({ [lang]: _dropped, ...rest }) => rest);
  };

  const scopeOptions = SCOPES.map((scope) => ({ value: scope, label: scopeLabel(scope, language) }));

  return (
    <form className="role-editor" onSubmit={save} noValidate aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {error && <Notice tone="error">{a(error.key, error.params)}</Notice>}
      <TextField ref={nameEnRef} label={a('roles.nameEn')} value={name.en} error={nameErrorTexts.en} onChange={(e) => updateName('en', e.currentTarget.value)} required />
      <TextField ref={nameNlRef} label={a('roles.nameNl')} value={name.nl} error={nameErrorTexts.nl} onChange={(e) => updateName('nl', e.currentTarget.value)} required />

      <fieldset>
        <legend>{a('roles.modules')}</legend>
        <p className="field-hint">{a('roles.modulesIntro')}</p>
        {MODULES.map((module) => (
          <CheckboxField
            key={module}
            label={moduleLabel(module, language)}
            checked={rights.modules.includes(module)}
            onChange={(e) => setModule(module, e.currentTarget.checked)}
          />
        ))}
      </fieldset>

      <h4>{a('roles.records')}</h4>
      <div className="table-scroll">
        <table className="table access-table access-matrix">
          <caption>{a('roles.recordsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{a('roles.entity')}</th>
              {RECORD_ACTIONS.map((action) => (
                <th key={action} scope="col">
                  {actionLabel(action, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SECURED_ENTITIES.map((entity) => (
              <tr key={entity}>
                <th scope="row">{entityLabel(entity, language)}</th>
                {RECORD_ACTIONS.map((action) => (
                  <td key={action}>
                    <select
                      aria-label={a('roles.cellLabel', { entity: entityLabel(entity, language), action: actionLabel(action, language).toLowerCase() })}
                      value={rights.records[entity]?.[action] ?? 'none'}
                      onChange={(e) => setScope(entity, action, e.currentTarget.value as Scope)}
                    >
                      {scopeOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>{a('roles.fields')}</h4>
      <fieldset>
        <legend>{a('roles.fieldDefaults')}</legend>
        {SENSITIVITIES.map((sensitivity) => (
          <label key={sensitivity} className="field">
            <span>{a('roles.fieldDefaultLabel', { sensitivity: sensitivityLabel(sensitivity, language) })}</span>
            <select value={rights.fieldDefaults[sensitivity]} onChange={(e) => setDefault(sensitivity, e.currentTarget.value as FieldAccess)}>
              {FIELD_ACCESS.map((access) => (
                <option key={access} value={access}>
                  {fieldAccessLabel(access, language)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <details className="field-exceptions">
        <summary>{a('roles.fieldExceptions')}</summary>
        <div className="table-scroll">
          <table className="table access-table">
            <caption>{a('roles.fieldExceptionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{a('roles.field')}</th>
                <th scope="col">{a('roles.sensitivity')}</th>
                <th scope="col">{a('roles.access')}</th>
              </tr>
            </thead>
            <tbody>
              {SECURED_ENTITIES.flatMap((entity) =>
                accessFields(entity, knownFields).map((field) => {
                  const key = `${entity}.${field.key}`;
                  const fieldName = `${ENTITIES[entity].label.singular[language]} – ${field.label[language]}`;
                  return (
                    <tr key={key}>
                      <th scope="row">{fieldName}</th>
                      <td>{sensitivityLabel(field.sensitivity, language)}</td>
                      <td>
                        <select
                          aria-label={a('roles.fieldLabel', { entity: ENTITIES[entity].label.singular[language], field: field.label[language] })}
                          value={rights.fields[key] ?? FOLLOW}
                          onChange={(e) => setField(key, e.currentTarget.value as FieldAccess | typeof FOLLOW)}
                        >
                          <option value={FOLLOW}>{a('roles.followDefault', { access: fieldAccessLabel(rights.fieldDefaults[field.sensitivity], language) })}</option>
                          {FIELD_ACCESS.map((access) => (
                            <option key={access} value={access}>
                              {fieldAccessLabel(access, language)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </details>

      <fieldset>
        <legend>{a('roles.tasks')}</legend>
        {TASKS.map((task) => (
          <CheckboxField key={task} label={taskLabel(task, language)} checked={rights.tasks.includes(task)} onChange={(e) => setTask(task, e.currentTarget.checked)} />
        ))}
      </fieldset>

      <div className="button-row">
        <BusyButton type="submit" className="button-primary" busy={busy}>
          {busy ? a('roles.saving') : a('roles.save')}
        </BusyButton>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {a('roles.cancel')}
        </button>
      </div>
    </form>
  );
}
