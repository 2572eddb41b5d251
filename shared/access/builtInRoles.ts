/**
 * The seven built-in roles. Read is common, export and delete are rare, sensitive fields are hidden
 * unless the task needs them, and two task rights belong to one role each: only Finance sends payment
 * reminders, only Marketing publishes campaigns — not even the Administrator, whose job is the
 * system, not the customers.
 */
import type { Localized } from '../registry';
import { MODULES, recordRights, TASKS, type RecordAction, type RoleDefinition, type RoleRights, type Scope, type SecuredEntity } from './model';

const l = (en: string, nl: string): Localized => ({ en, nl });

type Grid = Partial<Record<SecuredEntity, Partial<Record<RecordAction, Scope>>>>;
const grid = (rows: Grid) => recordRights((entity, action) => rows[entity]?.[action] ?? 'none');
const all = (...actions: RecordAction[]) => Object.fromEntries(actions.map((a) => [a, 'all' as const]));

const CRM: SecuredEntity[] = ['contact', 'organisation', 'deal', 'activity', 'consent'];

function rights(r: Omit<RoleRights, 'fields'> & { fields?: RoleRights['fields'] }): RoleRights {
  return { fields: {}, ...r };
}

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  {
    id: 'admin',
    name: l('Administrator', 'Beheerder'),
    builtIn: true,
    rights: rights({
      modules: [...MODULES],
      records: grid(
        Object.fromEntries(
          (['contact', 'organisation', 'deal', 'activity', 'consent', 'invoice', 'campaign'] as const).map((e) => [e, all('read', 'create', 'update', 'delete', 'export', 'restore')]),
        ),
      ),
      fieldDefaults: { normal: 'edit', personal: 'edit', special: 'masked' },
      tasks: TASKS.filter((t) => !['finance.sendPaymentReminder', 'marketing.publish', 'privacy.erase', 'privacy.dsar'].includes(t)),
    }),
  },
  {
    id: 'office',
    name: l('Office staff', 'Kantoormedewerker'),
    builtIn: true,
    rights: rights({
      modules: ['contacts', 'organisations', 'deals', 'activities', 'finance'],
      records: grid({
        ...Object.fromEntries(CRM.map((e) => [e, { read: 'all', create: 'all', update: 'all', delete: 'own', export: 'all', restore: 'own' }])),
        invoice: { read: 'all' },
      }),
      fieldDefaults: { normal: 'edit', personal: 'edit', special: 'hidden' },
      tasks: ['data.import', 'data.export'],
    }),
  },
  {
    id: 'sales',
    name: l('Field sales', 'Buitendienst'),
    builtIn: true,
    rights: rights({
      modules: ['contacts', 'organisations', 'deals', 'activities'],
      records: grid({
        contact: { read: 'team', create: 'all', update: 'own' },
        consent: { read: 'team', create: 'all' },
        organisation: { read: 'all', create: 'all', update: 'team' },
        deal: { read: 'team', create: 'all', update: 'own' },
        activity: { read: 'team', create: 'all', update: 'own', delete: 'own', restore: 'own' },
      }),
      fields: { 'contact.notes': 'read', 'organisation.vat_number': 'read', 'organisation.registration_number': 'read' },
      fieldDefaults: { normal: 'edit', personal: 'edit', special: 'hidden' },
      tasks: [],
    }),
  },
  {
    id: 'finance',
    name: l('Finance', 'Financiële administratie'),
    builtIn: true,
    rights: rights({
      modules: ['contacts', 'organisations', 'finance'],
      records: grid({
        invoice: { read: 'all', create: 'all', update: 'all', export: 'all' },
        organisation: { read: 'all', update: 'all' },
        contact: { read: 'all' },
      }),
      // Whom an invoice's reminder is addressed to is Finance's to set: without it the letter
      // opens "Dear Sir or Madam" (reminder.ts).
      fields: { 'contact.notes': 'hidden', 'organisation.notes': 'hidden', 'invoice.contact_id': 'edit' },
      fieldDefaults: { normal: 'edit', personal: 'read', special: 'hidden' },
      tasks: ['finance.sendPaymentReminder', 'data.export'],
    }),
  },
  {
    id: 'marketing',
    name: l('Marketing', 'Marketing'),
    builtIn: true,
    rights: rights({
      modules: ['contacts', 'organisations', 'marketing'],
      records: grid({
        campaign: { read: 'all', create: 'all', update: 'all', delete: 'own', restore: 'own' },
        contact: { read: 'all' },
        consent: { read: 'all' },
        organisation: { read: 'all' },
      }),
      // Marketing writes its campaigns (status and publication day change only by publishing).
      fields: {
        'contact.phone': 'masked',
        'contact.notes': 'hidden',
        'campaign.name': 'edit',
        'campaign.channel': 'edit',
        'campaign.audience': 'edit',
        'campaign.consent_purpose': 'edit',
        'campaign.message': 'edit',
      },
      fieldDefaults: { normal: 'read', personal: 'read', special: 'hidden' },
      tasks: ['marketing.publish'],
    }),
  },
  {
    id: 'privacy',
    name: l('Privacy officer', 'Functionaris gegevensbescherming'),
    builtIn: true,
    rights: rights({
      modules: ['contacts', 'organisations', 'deals', 'activities', 'finance', 'marketing', 'audit'],
      records: grid({
        ...Object.fromEntries((['contact', 'organisation', 'deal', 'activity', 'consent', 'invoice', 'campaign'] as const).map((e) => [e, all('read', 'export', 'restore')])),
        // Recording a withdrawal of consent (GDPR art. 7(3)) is the officer's: the one field they edit.
        consent: all('read', 'update', 'export', 'restore'),
      }),
      fields: { 'consent.withdrawn_at': 'edit' },
      fieldDefaults: { normal: 'read', personal: 'read', special: 'read' },
      tasks: ['privacy.dsar', 'privacy.erase', 'audit.read', 'data.export', 'trash.purge'],
    }),
  },
  {
    id: 'readonly',
    name: l('Read-only', 'Alleen lezen'),
    builtIn: true,
    rights: rights({
      modules: ['contacts', 'organisations', 'deals', 'activities'],
      records: grid(Object.fromEntries(CRM.map((e) => [e, { read: 'all' }]))),
      fieldDefaults: { normal: 'read', personal: 'masked', special: 'hidden' },
      tasks: [],
    }),
  },
];

export const BUILT_IN_ROLE_IDS: readonly string[] = BUILT_IN_ROLES.map((r) => r.id);
