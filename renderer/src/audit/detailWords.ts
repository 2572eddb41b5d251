/**
 * The details of an audit entry in the reader's words. The core writes them as code names
 * (`withIt: 2`, `entity: contact`, `role: privacy`); a privacy officer reading the log in Dutch
 * should not have to guess what those mean. A name this file does not know is shown as written.
 */
import { BUILT_IN_ROLES, type RoleDefinition } from '../../../shared/access';
import { ENTITIES } from '../../../shared/registry';
import type { Language } from '../i18n/translate';
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
} as const satisfies Record<DetailName, string>;

const NAMES: Record<Language, Record<DetailName, string>> = { en, nl };

const isEntity = (name: string): name is keyof typeof ENTITIES => Object.hasOwn(ENTITIES, name);

/** True for a detail name this file puts in words (a known name, or a kind of record). */
export function isKnownDetail(name: string): boolean {
  return Object.hasOwn(en, name) || isEntity(name) || name === 'contacts';
}

/** A detail's name: a known one in words, an entity's name (erasure counts per kind) as its plural. */
export function detailName(name: string, language: Language): string {
  if (Object.hasOwn(en, name)) return NAMES[language][name as DetailName];
  if (isEntity(name)) return ENTITIES[name].label.plural[language].toLowerCase();
  // `contacts: 1` in an erasure's entry counts the erased person itself.
  if (name === 'contacts') return ENTITIES.contact.label.plural[language].toLowerCase();
  return name;
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

/** A text value in words where it names a kind of record or a role; otherwise as written. */
export function detailValue(name: string, value: string, language: Language, roles: readonly RoleDefinition[] | null = null): string {
  if (name === 'entity' && isEntity(value)) return ENTITIES[value].label.plural[language].toLowerCase();
  if (name === 'role') return roleText(value, roles, language);
  return value;
}
