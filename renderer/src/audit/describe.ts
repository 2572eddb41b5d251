/**
 * An audit entry in words: who, what, what it concerns and its details, and the verdict of a check.
 * Pure functions of the entry and the language, so they are easy to test. Anything this page does
 * not know (a new action or target) is shown as the core wrote it; a reason is a code TypeScript
 * holds this page to.
 */
import type { AuditBreak, AuditEntry, AuditVerdict } from '../../../shared/apiTypes';
import { ENTITIES } from '../../../shared/registry';
import { formatCount } from '../format';
import type { Language } from '../i18n/translate';
import { detailName, detailNumber, detailValue, fieldLabel, NOTHING_KNOWN, roleText, type InstallNames } from './detailWords';
import { actionKey, auditText } from './strings';

type Entity = keyof typeof ENTITIES;

const isEntity = (name: string): name is Entity => Object.hasOwn(ENTITIES, name);

/** The record an entry is about, when it is one ("contact:5"), to link to. */
export function recordOfTarget(target: string | null): { entity: Entity; id: number } | null {
  const match = target === null ? null : /^([a-z]+):(\d+)$/.exec(target);
  return match && isEntity(match[1]!) ? { entity: match[1], id: Number(match[2]) } : null;
}

export function whoText(entry: Pick<AuditEntry, 'actor' | 'actorName'>, language: Language): string {
  if (entry.actor === null) return auditText(language, 'audit.install');
  return entry.actorName ?? auditText(language, 'audit.removedUser', { id: String(entry.actor) });
}

export function actionText(action: string, language: Language): string {
  const key = actionKey(action);
  return key ? auditText(language, key) : action;
}

/**
 * "contact:12" → "Contact 12", "user:3" → "User 3", "role:custom-front-desk" → "Role Front desk",
 * "field:contact.x_hobby" → "Field Contact – Hobby". `known`: the install's roles and fields.
 */
export function targetText(target: string | null, language: Language, known: InstallNames = NOTHING_KNOWN): string {
  if (target === null) return auditText(language, 'audit.none');
  const colon = target.indexOf(':');
  if (colon < 0) return target;
  const kind = target.slice(0, colon);
  const id = target.slice(colon + 1);
  if (isEntity(kind)) return `${ENTITIES[kind].label.singular[language]} ${id}`;
  switch (kind) {
    case 'user':
      return auditText(language, 'target.user', { id });
    case 'role':
      return auditText(language, 'target.role', { name: roleText(id, known.roles, language) });
    case 'team':
      return auditText(language, 'target.team', { id });
    case 'command':
      return auditText(language, 'target.command', { id });
    case 'field': {
      const dot = id.indexOf('.');
      const entity = id.slice(0, dot);
      if (dot < 0 || !isEntity(entity)) return target;
      const field = fieldLabel(id.slice(dot + 1), language, known, entity);
      return auditText(language, 'target.field', { entity: ENTITIES[entity].label.singular[language], field });
    }
    default:
      return target;
  }
}

/**
 * The details as "name: value" pairs, names and known values in words. The core puts only counts,
 * ids, flags and field keys there. `target`: the entry's, so a field key is read as a field of the
 * kind of record it concerns.
 */
export function detailsText(details: AuditEntry['details'], language: Language, known: InstallNames = NOTHING_KNOWN, target: string | null = null): string {
  const kind = target?.slice(0, Math.max(0, target.indexOf(':'))) ?? '';
  const entity = isEntity(kind) ? kind : null;
  const pairs = Object.entries(details).map(([key, value]) => {
    let text: string;
    if (value === null) text = auditText(language, 'audit.none');
    else if (typeof value === 'boolean') text = auditText(language, value ? 'audit.yes' : 'audit.no');
    else if (typeof value === 'number') text = Number.isInteger(value) ? formatCount(detailNumber(key, value), language) : String(value);
    else text = detailValue(key, value, language, known, entity);
    return `${detailName(key, language)}: ${text}`;
  });
  return pairs.length > 0 ? pairs.join(', ') : auditText(language, 'audit.none');
}

/** The reason of a broken chain in the reader's language, from the code the core gives (AuditBreak). */
export function reasonText(reason: AuditBreak, language: Language): string {
  const n = (entry: number) => formatCount(entry, language);
  switch (reason.code) {
    case 'missing':
      return auditText(language, 'audit.reason.missing', { entry: n(reason.entry) });
    case 'notFollowing':
      return auditText(language, 'audit.reason.notFollowing', { entry: n(reason.entry), previous: n(reason.previous) });
    case 'altered':
      return auditText(language, 'audit.reason.altered', { entry: n(reason.entry) });
    case 'tailCut':
      return auditText(language, 'audit.reason.tailCut', { last: n(reason.last), recorded: n(reason.recorded) });
    case 'headDiffers':
      return auditText(language, 'audit.reason.headDiffers', { entry: n(reason.entry) });
  }
}

export function verdictText(verdict: AuditVerdict, language: Language): string {
  if (verdict.ok) {
    return verdict.entries === 1
      ? auditText(language, 'audit.intactOne')
      : auditText(language, 'audit.intact', { entries: formatCount(verdict.entries, language) });
  }
  return auditText(language, 'audit.broken', { entry: formatCount(verdict.brokenAt, language), reason: reasonText(verdict.reason, language) });
}
