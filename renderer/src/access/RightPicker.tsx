/**
 * Picks one right as a RightKey, by kind: a task, a module, a record right (kind of record and
 * action) or a field (kind of record and field). Used for personal exceptions and for Explain.
 */
import { MODULES, RECORD_ACTIONS, SECURED_ENTITIES, TASKS, type Module, type RecordAction, type RightKey, type SecuredEntity, type Task } from '../../../shared/access';
import { ENTITIES } from '../../../shared/registry';
import { SelectField } from '../components/SelectField';
import { useKnownFields } from '../records/fields';
import { accessFields } from './accessFields';
import { actionLabel, entityLabel, moduleLabel, taskLabel } from './labels';
import { useAccessText } from './strings';

export type RightKind = 'task' | 'module' | 'record' | 'field';
const KINDS: readonly RightKind[] = ['task', 'module', 'record', 'field'];

export interface ParsedRight {
  kind: RightKind;
  task: Task;
  module: Module;
  entity: SecuredEntity;
  action: RecordAction;
  field: string;
}


export function parseRight(right: RightKey): ParsedRight {
  const parsed: ParsedRight = { kind: 'task', task: TASKS[0], module: MODULES[0], entity: 'contact', action: 'read', field: ENTITIES.contact.fields[0]?.key ?? '' };
  const [kind, rest = ''] = right.split(/:(.*)/s) as [string, string?];
  if (kind === 'task') return { ...parsed, kind, task: rest as Task };
  if (kind === 'module') return { ...parsed, kind, module: rest as Module };
  const [entity, detail = ''] = rest.split(/\.(.*)/s) as [SecuredEntity, string?];
  if (kind === 'record') return { ...parsed, kind, entity, action: detail as RecordAction };
  return { ...parsed, kind: 'field', entity, field: detail };
}

export function rightKey(parsed: ParsedRight): RightKey {
  switch (parsed.kind) {
    case 'task':
      return `task:${parsed.task}`;
    case 'module':
      return `module:${parsed.module}`;
    case 'record':
      return `record:${parsed.entity}.${parsed.action}`;
    case 'field':
      return `field:${parsed.entity}.${parsed.field}`;
  }
}

/** A right as people read it: "Contacts: Export", "Task: Export data", "Contacts: Private mobile". */
export function useRightLabel(): (right: RightKey) => string {
  const { a, language } = useAccessText();
  const knownFields = useKnownFields();
  return (right) => {
    const p = parseRight(right);
    switch (p.kind) {
      case 'task':
        return `${a('picker.task')}: ${taskLabel(p.task, language)}`;
      case 'module':
        return `${a('picker.module')}: ${moduleLabel(p.module, language)}`;
      case 'record':
        return `${entityLabel(p.entity, language)}: ${actionLabel(p.action, language)}`;
      case 'field':
        return `${entityLabel(p.entity, language)}: ${accessFields(p.entity, knownFields).find((f) => f.key === p.field)?.label[language] ?? p.field}`;
    }
  };
}

export function RightPicker({ value, onChange }: { value: RightKey; onChange: (right: RightKey) => void }) {
  const { a, language } = useAccessText();
  const knownFields = useKnownFields();
  const fieldsOf = (entity: SecuredEntity) => accessFields(entity, knownFields);
  const parsed = parseRight(value);
  const set = (change: Partial<ParsedRight>) => onChange(rightKey({ ...parsed, ...change }));
  const entityOptions = SECURED_ENTITIES.map((e) => ({ value: e, label: entityLabel(e, language) }));
  return (
    <div className="access-right-picker">
      <SelectField
        label={a('picker.kind')}
        value={parsed.kind}
        options={KINDS.map((k) => ({ value: k, label: a(`picker.${k}`) }))}
        onChange={(event) => set({ kind: event.currentTarget.value as RightKind })}
      />
      {parsed.kind === 'task' && (
        <SelectField
          label={a('picker.taskName')}
          value={parsed.task}
          options={TASKS.map((task) => ({ value: task, label: taskLabel(task, language) }))}
          onChange={(event) => set({ task: event.currentTarget.value as Task })}
        />
      )}
      {parsed.kind === 'module' && (
        <SelectField
          label={a('picker.moduleName')}
          value={parsed.module}
          options={MODULES.map((m) => ({ value: m, label: moduleLabel(m, language) }))}
          onChange={(event) => set({ module: event.currentTarget.value as Module })}
        />
      )}
      {(parsed.kind === 'record' || parsed.kind === 'field') && (
        <SelectField
          label={a('picker.entity')}
          value={parsed.entity}
          options={entityOptions}
          onChange={(event) => {
            const entity = event.currentTarget.value as SecuredEntity;
            set({ entity, field: fieldsOf(entity)[0]?.key ?? '' });
          }}
        />
      )}
      {parsed.kind === 'record' && (
        <SelectField
          label={a('picker.action')}
          value={parsed.action}
          options={RECORD_ACTIONS.map((action) => ({ value: action, label: actionLabel(action, language) }))}
          onChange={(event) => set({ action: event.currentTarget.value as RecordAction })}
        />
      )}
      {parsed.kind === 'field' && (
        <SelectField
          label={a('picker.fieldName')}
          value={parsed.field}
          options={fieldsOf(parsed.entity).map((f) => ({ value: f.key, label: f.label[language] }))}
          onChange={(event) => set({ field: event.currentTarget.value })}
        />
      )}
    </div>
  );
}
