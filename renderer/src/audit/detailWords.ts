/**
 * The details of an audit entry in the reader's words. The core writes them as code names
 * (`withIt: 2`, `entity: contact`, `role: privacy`); a privacy officer reading the log in Dutch
 * should not have to guess what those mean. A name this file does not know is shown as written.
 */
import { BUILT_IN_ROLES, type RoleDefinition } from '../../../shared/access';
import type { KeyMode, LockReason, Policy } from '../../../shared/apiTypes';
import type { ErrorCode } from '../../../shared/errors';
import type { FieldInfo } from '../../../shared/recordTypes';
import { ENTITIES, LEGAL_BASIS_LABELS } from '../../../shared/registry';
import type { MessageKey } from '../i18n/en';
import { translate, type Language } from '../i18n/translate';
import { auditText } from './strings';

const en = {
  entity: 'kind',
  count: 'records',
  records: 'records',
  fields: 'fields',
  field: 'field',
  purged: 'values removed',
  legalBasis: 'legal basis',
  reverted: 'taken back',
  kept: 'kept',
  imported: 'imported',
  merged: 'merged',
  skipped: 'skipped',
  failed: 'failed',
  leftOut: 'columns left out',
  organisationsCreated: 'organisations added',
  withThem: 'along with them',
  withIt: 'along with it',
  unlinked: 'links cut',
  removed: 'removed',
  commandsPruned: 'old changes forgotten',
  changes: 'changes',
  reason: 'reason',
  remaining: 'recovery codes left',
  initial: 'first password',
  role: 'role',
  teams: 'teams',
  overrides: 'personal exceptions',
  owner: 'new owner (user)',
  keyMode: 'key mode',
  channel: 'request',
  code: 'refusal',
  recoveryCode: 'with a recovery code',
  values: 'values',
  linked: 'linked records',
  auditEntries: 'audit entries',
  pastChanges: 'past changes',
  inTrash: 'in the trash',
  pages: 'database pages',
} as const;

type DetailName = keyof typeof en;

const nl = {
  entity: 'soort',
  count: 'records',
  records: 'records',
  fields: 'velden',
  field: 'veld',
  purged: 'waarden verwijderd',
  legalBasis: 'grondslag',
  reverted: 'teruggedraaid',
  kept: 'bewaard',
  imported: 'geïmporteerd',
  merged: 'samengevoegd',
  skipped: 'overgeslagen',
  failed: 'mislukt',
  leftOut: 'kolommen weggelaten',
  organisationsCreated: 'organisaties toegevoegd',
  withThem: 'meegegaan',
  withIt: 'meegegaan',
  unlinked: 'koppelingen verbroken',
  removed: 'verwijderd',
  commandsPruned: 'oude wijzigingen vergeten',
  changes: 'wijzigingen',
  reason: 'reden',
  remaining: 'herstelcodes over',
  initial: 'eerste wachtwoord',
  role: 'rol',
  teams: 'teams',
  overrides: 'persoonlijke uitzonderingen',
  owner: 'nieuwe eigenaar (gebruiker)',
  keyMode: 'sleutelmodus',
  channel: 'verzoek',
  code: 'weigering',
  recoveryCode: 'met een herstelcode',
  values: 'waarden',
  linked: 'gekoppelde records',
  auditEntries: 'auditregels',
  pastChanges: 'eerdere wijzigingen',
  inTrash: 'in de prullenbak',
  pages: 'databasepagina’s',
} as const satisfies Record<DetailName, string>;

const NAMES: Record<Language, Record<DetailName, string>> = { en, nl };

/** A changed policy's settings (`policy.updated`), named as the policy form labels them. */
const POLICY_LABELS: Record<keyof Policy, MessageKey> = {
  idleLockSeconds: 'policy.idleMinutes',
  unlockRequiresCode: 'policy.unlockCode',
  trashRetentionDays: 'policy.trashDays',
  bulkConfirmThreshold: 'policy.bulkThreshold',
};

/** Values that are codes, in words, by the detail that holds them. */
interface ValueWords {
  keyMode: Record<KeyMode, string>;
  /** Why a session locked (LockReason) or ended. */
  reason: Record<LockReason | 'accountDisabled' | 'passwordReset' | 'mfaReset', string>;
  /** Why a call was refused. */
  code: Record<ErrorCode, string>;
}

const VALUES: Record<Language, ValueWords> = {
  en: {
    keyMode: { keychain: 'OS keychain', 'passphrase-only': 'passwords only' },
    reason: {
      idle: 'no activity',
      manual: 'locked by the user',
      system: 'computer locked or asleep',
      wrongCodes: 'three wrong codes in a row',
      accountDisabled: 'account disabled',
      passwordReset: 'password reset by an administrator',
      mfaReset: 'two-step sign-in reset by an administrator',
    },
    code: {
      VALIDATION: 'not valid',
      UNAUTHENTICATED: 'not signed in',
      LOCKED: 'locked',
      FORBIDDEN: 'not allowed',
      NOT_FOUND: 'not found',
      CONFLICT: 'conflict',
      STEP_UP_REQUIRED: 'code needed',
      INTERNAL: 'internal error',
    },
  },
  nl: {
    keyMode: { keychain: 'sleutelhanger van het besturingssysteem', 'passphrase-only': 'alleen wachtwoorden' },
    reason: {
      idle: 'geen activiteit',
      manual: 'door de gebruiker vergrendeld',
      system: 'computer vergrendeld of in slaapstand',
      wrongCodes: 'drie foute codes achter elkaar',
      accountDisabled: 'account uitgeschakeld',
      passwordReset: 'wachtwoord opnieuw ingesteld door een beheerder',
      mfaReset: 'aanmelding in twee stappen opnieuw ingesteld door een beheerder',
    },
    code: {
      VALIDATION: 'ongeldig',
      UNAUTHENTICATED: 'niet aangemeld',
      LOCKED: 'vergrendeld',
      FORBIDDEN: 'niet toegestaan',
      NOT_FOUND: 'niet gevonden',
      CONFLICT: 'conflict',
      STEP_UP_REQUIRED: 'code nodig',
      INTERNAL: 'interne fout',
    },
  },
};

const isEntity = (name: string): name is keyof typeof ENTITIES => Object.hasOwn(ENTITIES, name);
const isPolicySetting = (name: string): name is keyof Policy => Object.hasOwn(POLICY_LABELS, name);
/** A kind of record by its table (`organisations: 12` in a seed's counts, `contacts: 1` in an erasure's). */
const entityOfTable = (name: string) => Object.values(ENTITIES).find((entity) => entity.table === name);

/** True for a detail name this file puts in words (a known name, a policy setting, or a kind of record). */
export function isKnownDetail(name: string): boolean {
  return Object.hasOwn(en, name) || isPolicySetting(name) || isEntity(name) || entityOfTable(name) !== undefined;
}

/** A detail's name: a known one in words, an entity's name (erasure counts per kind) as its plural. */
export function detailName(name: string, language: Language): string {
  if (Object.hasOwn(en, name)) return NAMES[language][name as DetailName];
  if (isPolicySetting(name)) return translate(language, POLICY_LABELS[name]);
  if (isEntity(name)) return ENTITIES[name].label.plural[language].toLowerCase();
  const byTable = entityOfTable(name);
  if (byTable) return byTable.label.plural[language].toLowerCase();
  return name;
}

/** A number in the unit the policy form asks it in: the idle lock in minutes, not seconds. */
export function detailNumber(name: string, value: number): number {
  return name === 'idleLockSeconds' ? Math.round((value / 60) * 100) / 100 : value;
}

/**
 * What the page knows of the install, to name what the core writes as ids: its roles
 * (`roles.list`) and its fields, custom ones included (`fields.list`). null: not known, yet or at
 * all (a load that failed); then only what the registry holds is named, the rest shown as written.
 */
export interface InstallNames {
  roles: readonly RoleDefinition[] | null;
  fields: readonly FieldInfo[] | null;
}

export const NOTHING_KNOWN: InstallNames = { roles: null, fields: null };

/**
 * A field by its label, from the install's fields where known (a custom field's key, `x_hobby`,
 * says little), else from the registry. `entity`: the kind of record the entry concerns, when it
 * names one. Without it a key can be a field of more kinds of record (`email`): a reveal is of a
 * masked value, so a field that can be masked is the one meant.
 */
export function fieldLabel(key: string, language: Language, known: InstallNames, entity: string | null = null): string {
  const all: readonly { entity: string; key: string; label: Record<Language, string>; sensitivity: string }[] =
    known.fields ?? Object.entries(ENTITIES).flatMap(([name, def]) => def.fields.map((field) => ({ ...field, entity: name })));
  const fields = all.filter((field) => field.key === key && (entity === null || field.entity === entity));
  const field = fields.find((candidate) => candidate.sensitivity !== 'normal') ?? fields[0];
  return field ? field.label[language] : key;
}

/**
 * A role by its name in `language`, from the install's roles (`roles.list`), as the Users page
 * names it: a custom role's id says little, and it stays while the role is renamed. A role the
 * install no longer has shows its id, marked removed. `roles` null: not known (yet, or it could
 * not be loaded), so only the built-in roles are named and any other id is shown as written.
 */
export function roleText(id: string, roles: readonly RoleDefinition[] | null, language: Language): string {
  const role = (roles ?? BUILT_IN_ROLES).find((r) => r.id === id);
  if (role) return role.name[language];
  return roles === null ? id : auditText(language, 'audit.removedRole', { id });
}

/**
 * A text value in words where it names a kind of record, a role, a legal basis, a field or one of
 * the codes of VALUES; otherwise as written. `entity`: the kind of record the entry concerns, if any.
 */
export function detailValue(name: string, value: string, language: Language, known: InstallNames = NOTHING_KNOWN, entity: string | null = null): string {
  if (name === 'entity' && isEntity(value)) return ENTITIES[value].label.plural[language].toLowerCase();
  if (name === 'role') return roleText(value, known.roles, language);
  if (name === 'legalBasis' && Object.hasOwn(LEGAL_BASIS_LABELS, value)) return LEGAL_BASIS_LABELS[value as keyof typeof LEGAL_BASIS_LABELS][language];
  if (name === 'field') return fieldLabel(value, language, known, entity);
  if (name === 'keyMode' || name === 'reason' || name === 'code') {
    const words: Record<string, string> = VALUES[language][name];
    if (Object.hasOwn(words, value)) return words[value]!;
  }
  return value;
}
