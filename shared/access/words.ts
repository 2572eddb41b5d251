/**
 * The names of the access model's parts, in English and Dutch — the one copy the renderer's labels
 * (renderer/src/access/labels.ts), Explain's reasons (evaluate.ts) and the core's messages about
 * rights (electron/core/access/roleBounds.ts) all take. Scopes, field access, actions, modules and
 * tasks are named as the role editor shows them, capitalised ("All", "Read", "Export data"); a
 * sentence quotes them that way, so the reader finds the same words on the page.
 */
import { ENTITIES, type EntityDef, type Localized, type Sensitivity } from '../registry';
import type { FieldAccess, Module, RecordAction, Scope, SecuredEntity, Task } from './model';

const l = (en: string, nl: string): Localized => ({ en, nl });

export const SCOPE_NAMES: Readonly<Record<Scope, Localized>> = {
  none: l('None', 'Geen'),
  own: l('Own', 'Eigen'),
  team: l('Team', 'Team'),
  all: l('All', 'Alle'),
};

export const FIELD_ACCESS_NAMES: Readonly<Record<FieldAccess, Localized>> = {
  hidden: l('Hidden', 'Verborgen'),
  masked: l('Masked', 'Gemaskeerd'),
  read: l('Read', 'Lezen'),
  edit: l('Edit', 'Bewerken'),
};

export const ACTION_NAMES: Readonly<Record<RecordAction, Localized>> = {
  read: l('Read', 'Lezen'),
  create: l('Create', 'Aanmaken'),
  update: l('Update', 'Wijzigen'),
  delete: l('Delete', 'Verwijderen'),
  export: l('Export', 'Exporteren'),
  restore: l('Restore', 'Terugzetten'),
};

export const MODULE_NAMES: Readonly<Record<Module, Localized>> = {
  contacts: l('Contacts', 'Contactpersonen'),
  organisations: l('Organisations', 'Organisaties'),
  deals: l('Deals', 'Deals'),
  activities: l('Activities', 'Activiteiten'),
  finance: l('Finance', 'Financiën'),
  marketing: l('Marketing', 'Marketing'),
  admin: l('Administration', 'Beheer'),
  audit: l('Audit', 'Audit'),
};

export const TASK_NAMES: Readonly<Record<Task, Localized>> = {
  'finance.sendPaymentReminder': l('Send payment reminders', 'Betalingsherinneringen sturen'),
  'marketing.publish': l('Publish campaigns', 'Campagnes publiceren'),
  'data.import': l('Import data', 'Gegevens importeren'),
  'data.export': l('Export data', 'Gegevens exporteren'),
  'privacy.dsar': l('Answer access requests (DSAR)', 'Inzageverzoeken beantwoorden'),
  'privacy.erase': l('Erase a person’s data, or restrict its processing', 'Iemands gegevens wissen of de verwerking beperken'),
  'trash.purge': l('Empty the trash', 'De prullenbak legen'),
  'audit.read': l('Read the audit log', 'Het auditlog lezen'),
  'users.manage': l('Manage users and their access', 'Gebruikers en hun toegang beheren'),
  'roles.manage': l('Manage roles', 'Rollen beheren'),
  'fields.manage': l('Manage fields', 'Velden beheren'),
  'policy.manage': l('Change the security policy', 'Het beveiligingsbeleid wijzigen'),
  'records.reassign': l('Reassign record owners', 'Eigenaar van records wijzigen'),
  'install.read': l('See install details', 'Installatiegegevens bekijken'),
  'install.backup': l('Make backups (admin tool)', 'Back-ups maken (beheertool)'),
};

/** A sensitivity said of a field, lower case: "Fields that are personal", "Velden die persoonlijk zijn". */
export const SENSITIVITY_NAMES: Readonly<Record<Sensitivity, Localized>> = {
  normal: l('normal', 'gewoon'),
  personal: l('personal', 'persoonlijk'),
  special: l('special', 'bijzonder'),
};

/** A sensitivity before the word "fields" (Dutch inflects it): "personal fields", "persoonlijke velden". */
export const SENSITIVITY_BEFORE_FIELDS: Readonly<Record<Sensitivity, Localized>> = {
  normal: l('normal', 'gewone'),
  personal: l('personal', 'persoonlijke'),
  special: l('special-category', 'bijzondere'),
};

/** The entity, or none for a name a role's field rights may hold without there being such an entity. */
const entityDef = (entity: string): EntityDef | undefined => (ENTITIES as Partial<Record<string, EntityDef>>)[entity];

/** A kind of record inside a sentence: plural, lower case ("contacts", "contactpersonen"). */
export function entityWords(entity: SecuredEntity): Localized {
  const plural = entityDef(entity)?.label.plural ?? { en: entity, nl: entity };
  return { en: plural.en.toLowerCase(), nl: plural.nl.toLowerCase() };
}

/** A field of the registry by its label; a key the registry lacks (a custom field) as it is written. */
export function fieldWords(entity: SecuredEntity, key: string): Localized {
  return entityDef(entity)?.fields.find((f) => f.key === key)?.label ?? { en: key, nl: key };
}
