/**
 * What the signed-in user may do, as the core summarised it in the session (DESIGN §5), so pages
 * can hide what cannot be used: lists without read rights, New/Edit/Delete without the record
 * right, fields without edit access in forms. Only hiding: the core checks every call anyway.
 */
import { createContext, useContext } from 'react';
import type { RightsSummary } from '../../../shared/apiTypes';
import type { FieldAccess, RecordAction, Scope, Task } from '../../../shared/access';
import type { FieldInfo } from '../../../shared/recordTypes';
import type { EntityName } from '../../../shared/registry';

export interface Rights {
  can: (entity: EntityName, action: RecordAction) => boolean;
  /** Whether every record of this kind is theirs to read (scope `all`), not only their own or team's. */
  readsAll: (entity: EntityName) => boolean;
  /** How far an action on this kind reaches: none, their own records, their team's, or all. */
  scope: (entity: EntityName, action: RecordAction) => Scope;
  hasTask: (task: Task) => boolean;
  /** Custom fields are not in the summary; the core decides for them, so the form offers them. */
  field: (field: Pick<FieldInfo, 'entity' | 'key'>) => FieldAccess;
}

/**
 * The rights of the signed-in user, or of the one a "view as" preview shows. Whether they reach one
 * record (its owner and team) is the core's answer, sent with it: RecordAllowed.
 */
export function rightsFrom(summary: RightsSummary): Rights {
  const scope = (entity: EntityName, action: RecordAction) => summary.records[entity]?.[action] ?? 'none';
  return {
    can: (entity, action) => scope(entity, action) !== 'none',
    readsAll: (entity) => scope(entity, 'read') === 'all',
    scope,
    hasTask: (task) => summary.tasks.includes(task),
    field: ({ entity, key }) => summary.fields[`${entity}.${key}`] ?? 'edit',
  };
}

/** Everything allowed: for pages shown outside a session's rights (never in the app itself). */
const PERMISSIVE: Rights = { can: () => true, readsAll: () => true, scope: () => 'all', hasTask: () => true, field: () => 'edit' };

export const RightsContext = createContext<Rights>(PERMISSIVE);

export function useRights(): Rights {
  return useContext(RightsContext);
}
