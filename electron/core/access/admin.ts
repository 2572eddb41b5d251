/**
 * What admins do with rights: give a user a role, teams and personal overrides; make teams; explain
 * a decision; reveal a masked value (audited); hand a record to another owner.
 */
import {
  decideField,
  decideModule,
  decideRecord,
  decideTask,
  FIELD_ACCESS,
  MODULES,
  RECORD_ACTIONS,
  SCOPES,
  SECURED_ENTITIES,
  TASKS,
  type Override,
  type RightKey,
} from '../../../shared/access';
import type { Explanation, Team, UserAccess } from '../../../shared/apiTypes';
import { fieldDef, type EntityName, type Localized, type Sensitivity } from '../../../shared/registry';
import { localDay } from '../../../shared/localDay';
import { findUserById } from '../auth/users';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { KluisError } from '../errors';
import { campaignRecipients } from '../records/campaignRecipients';
import { activeFields } from '../records/fields';
import type { Row } from '../records/rows';
import { requireRowFor, searchableKeys, type RecordContext, type WriteContext } from '../records/service';
import { audit } from '../session/openInstall';
import { readOverrides, readTeamIds } from './access';
import { requireRole, roleById } from './roles';
import { keepingAUserManager } from './userManagers';

export function listTeams(db: Db): Team[] {
  const teams = db.prepare('SELECT id, name FROM teams ORDER BY name').all() as { id: number; name: string }[];
  const members = db.prepare('SELECT user_id FROM user_teams WHERE team_id = ? ORDER BY user_id');
  return teams.map((t) => ({ ...t, memberIds: (members.all(t.id) as { user_id: number }[]).map((m) => m.user_id) }));
}

export function createTeam(ctx: RecordContext, name: string): Team {
  const taken = ctx.db.prepare('SELECT id FROM teams WHERE name = ?').get(name.trim());
  if (taken) throw new KluisError('CONFLICT', 'access.teamNameTaken');
  const id = Number(ctx.db.prepare('INSERT INTO teams (name) VALUES (?)').run(name.trim()).lastInsertRowid);
  audit(ctx.open, { actor: ctx.user.id, action: 'teams.created', target: `team:${id}` });
  return { id, name: name.trim(), memberIds: [] };
}

export function userAccess(db: Db, userId: number): UserAccess {
  const user = findUserById(db, userId);
  if (!user) throw new KluisError('NOT_FOUND', 'common.noSuchUser');
  return { userId, role: user.role, teamIds: readTeamIds(db, userId), overrides: readOverrides(db, userId) };
}

/**
 * A field a right may name, its sensitivity and label: one of the registry's, or one of the install's
 * custom fields (a personal mobile number an admin added is restricted like the built-in phone);
 * undefined for anything else.
 */
function rightField(db: Db, entity: string, key: string): { sensitivity: Sensitivity; label: Localized } | undefined {
  if (!(SECURED_ENTITIES as readonly string[]).includes(entity)) return undefined;
  const builtIn = fieldDef(entity as EntityName, key);
  if (builtIn) return builtIn;
  const custom = prepared(db, 'SELECT sensitivity, label_en AS en, label_nl AS nl FROM custom_fields WHERE entity = ? AND key = ?').get(entity, key) as
    | { sensitivity: Sensitivity; en: string; nl: string }
    | undefined;
  return custom && { sensitivity: custom.sensitivity, label: { en: custom.en, nl: custom.nl } };
}

function isRightKey(db: Db, right: string): right is RightKey {
  const [kind, rest] = right.split(/:(.*)/s) as [string, string | undefined];
  if (!rest) return false;
  if (kind === 'task') return (TASKS as readonly string[]).includes(rest);
  if (kind === 'module') return (MODULES as readonly string[]).includes(rest);
  if (kind === 'record') {
    const [entity, action] = rest.split('.');
    return (SECURED_ENTITIES as readonly string[]).includes(entity ?? '') && (RECORD_ACTIONS as readonly string[]).includes(action ?? '');
  }
  if (kind === 'field') {
    const [entity, field] = rest.split('.');
    return rightField(db, entity ?? '', field ?? '') !== undefined;
  }
  return false;
}

/** The same role, teams and exceptions, whatever order the teams and exceptions were listed in. */
function sameAccess(a: UserAccess, b: UserAccess): boolean {
  const teams = (access: UserAccess) => [...new Set(access.teamIds)].sort((x, y) => x - y).join();
  const overrides = (access: UserAccess) =>
    access.overrides
      .map((o) => JSON.stringify([o.right, o.effect, o.scope ?? null, o.access ?? null]))
      .sort()
      .join();
  return a.role === b.role && teams(a) === teams(b) && overrides(a) === overrides(b);
}

export function setUserAccess(ctx: RecordContext, input: UserAccess): UserAccess {
  const user = findUserById(ctx.db, input.userId);
  if (!user) throw new KluisError('NOT_FOUND', 'common.noSuchUser');
  if (user.id === ctx.user.id && input.role !== user.role) {
    throw new KluisError('CONFLICT', 'access.ownRole');
  }
  const role = requireRole(ctx.db, input.role);
  // A deny always wins, so an admin who denied themselves users.manage could not take it back. The
  // install keeps a user manager anyway (keepingAUserManager, below); this keeps an admin from
  // locking themselves out, as with their own role: another admin makes that change. Other own
  // exceptions stay possible (granting oneself edit on the date of birth, say).
  if (user.id === ctx.user.id && !decideTask(role, input.overrides, 'users.manage').value) {
    throw new KluisError('CONFLICT', 'access.ownOverrides');
  }
  for (const teamId of input.teamIds) {
    if (!ctx.db.prepare('SELECT 1 FROM teams WHERE id = ?').get(teamId)) throw new KluisError('VALIDATION', { id: 'access.noSuchTeam', values: { team: teamId } });
  }
  const excepted = new Set<string>();
  for (const override of input.overrides) {
    if (!isRightKey(ctx.db, override.right)) throw new KluisError('VALIDATION', { id: 'access.notARight', values: { right: override.right } });
    // One exception per right: with two (a grant and a deny, or two scopes) which holds is a guess.
    if (excepted.has(override.right)) throw new KluisError('VALIDATION', { id: 'access.exceptionTwice', values: { right: override.right } });
    excepted.add(override.right);
    if (override.scope && !(SCOPES as readonly string[]).includes(override.scope)) throw new KluisError('VALIDATION', 'access.unknownScope');
    if (override.access && !(FIELD_ACCESS as readonly string[]).includes(override.access)) throw new KluisError('VALIDATION', 'access.unknownFieldAccess');
  }
  // Saved as it was (a second click on Save): nothing changes, so nothing is audited.
  const current = userAccess(ctx.db, user.id);
  if (sameAccess(current, input)) return current;
  keepingAUserManager(ctx.db, () => {
    ctx.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(input.role, user.id);
    ctx.db.prepare('DELETE FROM user_teams WHERE user_id = ?').run(user.id);
    for (const teamId of new Set(input.teamIds)) ctx.db.prepare('INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)').run(user.id, teamId);
    ctx.db.prepare('DELETE FROM user_overrides WHERE user_id = ?').run(user.id);
    for (const o of input.overrides) {
      ctx.db.prepare('INSERT INTO user_overrides (user_id, "right", effect, scope, access) VALUES (?, ?, ?, ?, ?)').run(user.id, o.right, o.effect, o.scope ?? null, o.access ?? null);
    }
  });
  audit(ctx.open, {
    actor: ctx.user.id,
    action: 'users.accessChanged',
    target: `user:${user.id}`,
    details: { role: input.role, teams: input.teamIds.length, overrides: input.overrides.length },
  });
  return userAccess(ctx.db, user.id);
}

/** Allowed or not, and exactly why: the role, the overrides, the module, the scope. */
export function explain(db: Db, userId: number, right: string): Explanation {
  if (!isRightKey(db, right)) throw new KluisError('VALIDATION', { id: 'access.notARight', values: { right } });
  const user = findUserById(db, userId);
  if (!user) throw new KluisError('NOT_FOUND', 'common.noSuchUser');
  const role = roleById(db, user.role);
  if (!role) throw new KluisError('CONFLICT', { id: 'access.userRoleGone', values: { role: user.role } });
  const overrides: Override[] = readOverrides(db, userId);
  const [kind, rest] = right.split(/:(.*)/s) as [string, string];
  if (kind === 'task') {
    const d = decideTask(role, overrides, rest as never);
    return { right, allowed: d.value, value: d.value ? 'allowed' : 'denied', reasons: d.reasons };
  }
  if (kind === 'module') {
    const d = decideModule(role, overrides, rest as never);
    return { right, allowed: d.value, value: d.value ? 'allowed' : 'denied', reasons: d.reasons };
  }
  const [entity, key] = rest.split('.') as [EntityName, string];
  if (kind === 'record') {
    const d = decideRecord(role, overrides, entity, key as never);
    return { right, allowed: d.value !== 'none', value: d.value, reasons: d.reasons };
  }
  const field = rightField(db, entity, key)!;
  const d = decideField(role, overrides, entity, key, field.sensitivity, field.label);
  return { right, allowed: d.value !== 'hidden', value: d.value, reasons: d.reasons };
}

/** The full value behind a mask, for someone who may see it masked; the reveal is audited. */
export function revealField(ctx: RecordContext, entity: EntityName, id: number, field: string): { value: string | number | null } {
  const def = activeFields(ctx.db, entity).find((f) => f.key === field);
  if (!def) throw new KluisError('NOT_FOUND', 'common.noSuchField');
  const access = ctx.access.field(entity, field, def.sensitivity);
  if (access === 'hidden') throw new KluisError('FORBIDDEN', { id: 'access.fieldHidden', values: { field: def.label } });
  // Special-category data (GDPR art. 9) is read by those whose role reads it, never by a reveal: a
  // masked date of birth stays masked, also for the Administrator.
  if (access === 'masked' && def.sensitivity === 'special') throw new KluisError('FORBIDDEN', { id: 'access.specialNotRevealed', values: { field: def.label } });
  const row = requireRowFor(ctx, entity, id, 'read');
  const value = def.custom ? ((JSON.parse(String(row.custom ?? '{}')) as Row)[field] ?? null) : (row[field] ?? null);
  audit(ctx.open, { actor: ctx.user.id, action: 'records.revealed', target: `${entity}:${id}`, details: { field } });
  return { value };
}

/** Hands a record to another owner (and that owner's first team): a right of its own. */
export function reassignRecord(ctx: WriteContext, entity: EntityName, id: number, ownerId: number): { ownerId: number } {
  const before = requireRowFor(ctx, entity, id, 'update');
  const owner = findUserById(ctx.db, ownerId);
  if (!owner || owner.status !== 'active') throw new KluisError('VALIDATION', 'access.ownerNotActive');
  const team = readTeamIds(ctx.db, ownerId)[0] ?? null;
  const after: Row = { ...before, owner_id: ownerId, team_id: team, updated_at: new Date().toISOString() };
  ctx.command.write({ entity, id, before, after }, searchableKeys(activeFields(ctx.db, entity)));
  audit(ctx.open, { actor: ctx.user.id, action: 'records.reassigned', target: `${entity}:${id}`, details: { owner: ownerId } });
  return { ownerId };
}

/** Draft → published: the task right only Marketing has. */
export function publishCampaign(ctx: WriteContext, id: number): { publishedAt: string } {
  const before = requireRowFor(ctx, 'campaign', id, 'update');
  if (before.status === 'published') throw new KluisError('CONFLICT', 'access.campaignPublished');
  if (!before.message) throw new KluisError('VALIDATION', 'access.campaignWithoutMessage');
  // An addressed campaign goes only to people with a consent of the purpose it names (campaignRecipients.ts).
  if (before.channel !== 'social' && !String(before.consent_purpose ?? '').trim()) {
    throw new KluisError('VALIDATION', { id: 'access.campaignWithoutConsent', values: { field: fieldDef('campaign', 'consent_purpose')!.label } });
  }
  // Published, it is fixed: one that reaches no one (a purpose typed otherwise than the consents') could never go out.
  const reach = campaignRecipients(ctx, id);
  if (reach.addressed && reach.recipients === 0) {
    throw new KluisError('VALIDATION', { id: 'access.campaignReachesNoOne', values: { purpose: String(before.consent_purpose).trim() } });
  }
  // The day on this computer's calendar, as a person reads it (not UTC's, yesterday after midnight).
  const today = localDay();
  const after: Row = { ...before, status: 'published', published_at: today, updated_at: new Date().toISOString() };
  ctx.command.write({ entity: 'campaign', id, before, after }, searchableKeys(activeFields(ctx.db, 'campaign')));
  audit(ctx.open, { actor: ctx.user.id, action: 'marketing.published', target: `campaign:${id}` });
  return { publishedAt: today };
}

