/**
 * The fields in force, as the core reports them (`fields.list`): loaded once per signed-in shell and
 * again after the Fields page changes something. Forms, list columns and import mapping offer only
 * enabled fields; nothing here decides that a field exists, the core does.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/errors';
import type { FieldInfo } from '../../../shared/recordTypes';
import { entityDef, fieldDef, type EntityName } from '../../../shared/registry';
import { call } from '../api';

type FieldsState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; fields: FieldInfo[] };

interface Fields {
  state: FieldsState;
  reload: () => Promise<void>;
}

const FieldsContext = createContext<Fields | null>(null);

export function FieldsProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<FieldsState>({ kind: 'loading' });

  const reload = useCallback(async () => {
    const result = await call('fields.list', {});
    setState(result.ok ? { kind: 'ready', fields: result.value } : { kind: 'failed', error: result.error });
  }, []);

  useEffect(() => {
    let current = true;
    void call('fields.list', {}).then((result) => {
      if (current) setState(result.ok ? { kind: 'ready', fields: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  const value = useMemo<Fields>(() => ({ state, reload }), [state, reload]);
  return <FieldsContext.Provider value={value}>{children}</FieldsContext.Provider>;
}

export function useFields(): Fields {
  const fields = useContext(FieldsContext);
  if (!fields) throw new Error('useFields must be used inside <FieldsProvider>');
  return fields;
}

/** The fields as far as they are known: none while loading or after a failed load (for what can do without). */
export function useKnownFields(): FieldInfo[] {
  const { state } = useFields();
  return state.kind === 'ready' ? state.fields : [];
}

/** The enabled fields of one entity, registry order first, then custom fields. */
export function enabledFields(fields: readonly FieldInfo[], entity: EntityName): FieldInfo[] {
  return fields.filter((field) => field.entity === entity && field.enabled);
}

/**
 * The enabled fields a form offers: not those only an action sets (an invoice's "Reminder sent", a
 * campaign's status), which the core refuses from a form whatever is typed — the page shows them,
 * the action's button changes them.
 */
export function typedFields(fields: readonly FieldInfo[], entity: EntityName): FieldInfo[] {
  return enabledFields(fields, entity).filter((field) => field.custom || fieldDef(entity, field.key)?.setByAction !== true);
}

/** The fields a list shows as columns: the registry's listed fields and every custom field, minus the title. */
export function listColumns(fields: readonly FieldInfo[], entity: EntityName): FieldInfo[] {
  const titleFields = new Set(entityDef(entity).titleFields);
  return enabledFields(fields, entity).filter(
    (field) => !titleFields.has(field.key) && (field.custom || fieldDef(entity, field.key)?.listed === true),
  );
}

/** Fields a list can filter on in the core: built-in enum, boolean and reference fields. */
export function filterFields(fields: readonly FieldInfo[], entity: EntityName): FieldInfo[] {
  return enabledFields(fields, entity).filter(
    (field) => !field.custom && (field.type === 'enum' || field.type === 'boolean' || field.type === 'reference'),
  );
}
