/**
 * What a role manager may put in a role (electron/core/access/roleBounds.ts). Nobody saves the role
 * they hold; who does not manage users gives a role only rights they hold themselves (role plus
 * personal exceptions), and the refusal names the first right over, in English and Dutch. Who
 * manages users is not bound: they can give anyone a personal exception anyway.
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/audit/chain';
import { BUILT_IN_ROLES, MODULES, TASKS, type RoleDefinition, type RoleRights } from '../../shared/access';
import type { FieldInfo } from '../../shared/recordTypes';
import { coreErrorText } from '../../renderer/src/i18n/core';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser, type Installed } from '../support/install';
import { refusal, value } from '../support/results';

const builtIn = (id: string) => BUILT_IN_ROLES.find((r) => r.id === id)!.rights;
const READ_ONLY = builtIn('readonly');
/** Read-only plus managing roles (and the Administration module, without which that task does not count): the role of the finding. */
const ROLE_MANAGER: RoleRights = { ...READ_ONLY, modules: [...READ_ONLY.modules, 'admin'], tasks: ['roles.manage'] };
/** Every right there is: every module and task, every scope "all", every field on edit. */
const EVERYTHING: RoleRights = {
  modules: [...MODULES],
  records: Object.fromEntries(Object.keys(READ_ONLY.records).map((e) => [e, { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all', restore: 'all' }])) as RoleRights['records'],
  fields: {},
  fieldDefaults: { normal: 'edit', personal: 'edit', special: 'edit' },
  tasks: [...TASKS],
};
const withRecord = (rights: RoleRights, entity: 'contact', action: 'export' | 'update', scope: 'own' | 'all'): RoleRights => ({
  ...rights,
  records: { ...rights.records, [entity]: { ...rights.records[entity], [action]: scope } },
});

const tasksNow = (t: Installed) => t.core.sessionInfo().rights.tasks;
const roleNow = async (t: Installed, id: string) => value<RoleDefinition[]>(await t.call('roles.list')).find((r) => r.id === id);

/** The admin makes the role manager's role; Rob holds it and is signed in. */
async function robManagesRoles(overrides: { right: string; effect: 'grant' | 'deny'; scope?: string }[] = []): Promise<{ t: Installed; robId: number }> {
  const t = await signedInAdmin();
  value(await t.call('roles.save', { name: { en: 'Role keeper', nl: 'Rollenbeheer' }, rights: ROLE_MANAGER }));
  const rob = await signInAsNewUser(t, 'rob', 'custom-role-keeper', { overrides });
  return { t, robId: rob.id };
}

describe('saving the role one holds', () => {
  it('is refused: the Read-only user who manages roles cannot give their own role every right (the finding)', async () => {
    const { t } = await robManagesRoles();
    expect(tasksNow(t)).toEqual(['roles.manage']);

    const escalated = await t.call('roles.save', { id: 'custom-role-keeper', name: { en: 'Role keeper', nl: 'Rollenbeheer' }, rights: { ...EVERYTHING, fields: { 'contact.birth_date': 'edit' } } });
    expect(refusal(escalated)).toMatchObject({ code: 'CONFLICT', messageId: 'access.ownRoleEdit' });
    expect(coreErrorText(refusal(escalated), 'en')).toBe(
      'Ask another user who manages roles to change the role you hold yourself, so nobody widens their own rights or locks themselves out.',
    );
    expect(coreErrorText(refusal(escalated), 'nl')).toMatch(/^Vraag een andere gebruiker die rollen beheert/);

    // The session's rights and the stored role are as they were.
    expect(tasksNow(t)).toEqual(['roles.manage']);
    expect(refusal(await t.call('users.list')).code).toBe('FORBIDDEN');
    expect((await roleNow(t, 'custom-role-keeper'))?.rights).toEqual(ROLE_MANAGER);
  });

  it('is refused even for a change that takes rights away or only renames it, also for one who manages users', async () => {
    const { t } = await robManagesRoles();
    const narrower = { ...ROLE_MANAGER, modules: ['contacts'] };
    expect(refusal(await t.call('roles.save', { id: 'custom-role-keeper', name: { en: 'Role keeper', nl: 'Rollenbeheer' }, rights: narrower })).messageId).toBe('access.ownRoleEdit');
    expect(refusal(await t.call('roles.save', { id: 'custom-role-keeper', name: { en: 'Keeper', nl: 'Beheer' }, rights: ROLE_MANAGER })).messageId).toBe('access.ownRoleEdit');

    // Jan holds a copy of Administrator: he manages users, and still does not edit his own role.
    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    value(await t.call('roles.save', { name: { en: 'Beheer', nl: 'Beheer' }, rights: builtIn('admin') }));
    await signInAsNewUser(t, 'jan', 'custom-beheer');
    const own = await t.call('roles.save', { id: 'custom-beheer', name: { en: 'Beheer', nl: 'Beheer' }, rights: EVERYTHING });
    expect(refusal(own)).toMatchObject({ code: 'CONFLICT', messageId: 'access.ownRoleEdit' });
    expect(tasksNow(t)).not.toContain('privacy.erase');
    // Another role manager makes that change: Jan edits Rob's role, the admin could edit Jan's.
    value(await t.call('roles.save', { id: 'custom-role-keeper', name: { en: 'Role keeper', nl: 'Rollenbeheer' }, rights: narrower }));
    expect(listAudit(t.core.requireActive().db, 500).filter((e) => e.action === 'roles.saved').map((e) => e.target)).toEqual([
      'role:custom-role-keeper',
      'role:custom-beheer',
      'role:custom-role-keeper',
    ]);
  });
});

describe('a role manager who does not manage users', () => {
  it('cannot give a role a task, module, scope or field beyond their own, and hears which, in both languages', async () => {
    const { t } = await robManagesRoles();
    const refused = async (rights: RoleRights) => refusal(await t.call('roles.save', { name: { en: 'Copy', nl: 'Kopie' }, rights }));

    const task = await refused({ ...READ_ONLY, tasks: ['privacy.erase'] });
    expect(task).toMatchObject({ code: 'FORBIDDEN', messageId: 'access.roleRightNotHeld' });
    expect(coreErrorText(task, 'en')).toBe('You cannot give a role the task "Erase a person’s data, or restrict its processing": you do not hold it yourself.');
    expect(coreErrorText(task, 'nl')).toBe('Je kunt een rol de taak "Iemands gegevens wissen of de verwerking beperken" niet geven: je hebt die zelf niet.');

    const module = await refused({ ...READ_ONLY, modules: [...READ_ONLY.modules, 'finance'] });
    expect(coreErrorText(module, 'en')).toBe('You cannot give a role the module "Finance": you do not hold it yourself.');
    expect(coreErrorText(module, 'nl')).toBe('Je kunt een rol de module "Financiën" niet geven: je hebt die zelf niet.');
    const scope = await refused(withRecord(READ_ONLY, 'contact', 'export', 'all'));
    expect(scope).toMatchObject({ code: 'FORBIDDEN', messageId: 'access.roleScopeNotHeld' });
    expect(coreErrorText(scope, 'en')).toBe('You cannot give a role "Export" on contacts with scope "All": yours is "None".');
    expect(coreErrorText(scope, 'nl')).toBe('Je kunt een rol niet "Exporteren" op contactpersonen geven met bereik "Alle": jouw bereik is "Geen".');
    // A scope on an entity whose module the role lacks counts too: a later edit could add the module.
    expect(coreErrorText(await refused(withRecord({ ...READ_ONLY, modules: ['organisations'] }, 'contact', 'update', 'own')), 'en')).toBe(
      'You cannot give a role "Update" on contacts with scope "Own": yours is "None".',
    );

    // Read-only sees personal fields masked and the date of birth not at all.
    const field = await refused({ ...READ_ONLY, fields: { 'contact.email': 'read' } });
    expect(coreErrorText(field, 'en')).toBe('You cannot give a role "Read" on the field "E-mail" of contacts: yours is "Masked".');
    expect(coreErrorText(field, 'nl')).toBe('Je kunt een rol niet "Lezen" geven op het veld "E-mailadres" van contactpersonen: jouw toegang is "Gemaskeerd".');
    expect(coreErrorText(await refused({ ...READ_ONLY, fieldDefaults: { ...READ_ONLY.fieldDefaults, special: 'masked' } }), 'en')).toBe(
      'You cannot give a role "Masked" on the field "Date of birth" of contacts: yours is "Hidden".',
    );
    // Every special field named as Read-only has it: the default still reaches a field added later.
    const defaults = await refused({ ...READ_ONLY, fields: { 'contact.birth_date': 'hidden' }, fieldDefaults: { ...READ_ONLY.fieldDefaults, special: 'read' } });
    expect(defaults.messageId).toBe('access.roleDefaultNotHeld');
    expect(coreErrorText(defaults, 'en')).toBe('You cannot give a role "Read" on special-category fields: your role gives "Hidden", and a field added later would follow it.');
    expect(coreErrorText(defaults, 'nl')).toBe(
      'Je kunt een rol niet "Lezen" geven op bijzondere velden: je eigen rol geeft "Verborgen", en een veld dat later wordt toegevoegd, zou dat volgen.',
    );
    // A field that does not exist (yet) is held to the lowest Rob would have, whatever it becomes.
    expect(coreErrorText(await refused({ ...READ_ONLY, fields: { 'contact.later_field': 'masked' } }), 'en')).toBe(
      'You cannot give a role "Masked" on the field "later_field" of contacts: yours is "Hidden".',
    );

    // Everything at once: the first right over is named (modules come first).
    expect((await refused(EVERYTHING)).values).toEqual({ kind: { en: 'module', nl: 'module' }, name: { en: 'Finance', nl: 'Financiën' } });

    // Each refusal is audited as a denied roles.save, and nothing was stored.
    const db = t.core.requireActive().db;
    const denied = listAudit(db, 500).filter((e) => e.action === 'access.denied' && (e.details as { channel?: string } | null)?.channel === 'roles.save');
    expect(denied.length).toBe(9);
    expect(value<RoleDefinition[]>(await t.call('roles.list')).map((r) => r.id)).not.toContain('custom-copy');
  });

  it('checks custom fields by their own sensitivity', async () => {
    const t = await signedInAdmin();
    const custom = value<FieldInfo>(
      await t.call('fields.addCustom', {
        entity: 'contact',
        label: { en: 'Shoe size', nl: 'Schoenmaat' },
        type: 'text',
        purpose: { en: 'Work shoes', nl: 'Werkschoenen' },
        legalBasis: 'contract',
        sensitivity: 'personal',
        retention: { en: 'While a customer', nl: 'Zolang klant' },
      }),
    );
    value(await t.call('roles.save', { name: { en: 'Role keeper', nl: 'Rollenbeheer' }, rights: ROLE_MANAGER }));
    await signInAsNewUser(t, 'rob', 'custom-role-keeper');
    // The custom field is personal: Rob (Read-only) has it masked, so a role may not have it on edit.
    const over = refusal(await t.call('roles.save', { name: { en: 'Copy', nl: 'Kopie' }, rights: { ...READ_ONLY, fields: { [`contact.${custom.key}`]: 'edit' } } }));
    expect(coreErrorText(over, 'en')).toBe('You cannot give a role "Edit" on the field "Shoe size" of contacts: yours is "Masked".');
    expect(coreErrorText(over, 'nl')).toBe('Je kunt een rol niet "Bewerken" geven op het veld "Schoenmaat" van contactpersonen: jouw toegang is "Gemaskeerd".');
    value(await t.call('roles.save', { name: { en: 'Copy', nl: 'Kopie' }, rights: { ...READ_ONLY, fields: { [`contact.${custom.key}`]: 'masked' } } }));
  });

  it('may give what their role and personal exceptions give them, and no more than an exception leaves', async () => {
    // Rob's exceptions: export data and contacts granted; the phone number denied.
    const { t } = await robManagesRoles([
      { right: 'task:data.export', effect: 'grant' },
      { right: 'record:contact.export', effect: 'grant', scope: 'all' },
      { right: 'field:contact.phone', effect: 'deny' },
    ]);
    const exporter: RoleRights = { ...withRecord(READ_ONLY, 'contact', 'export', 'all'), fields: { 'contact.phone': 'hidden' }, tasks: ['data.export', 'roles.manage'] };
    const saved = value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Exporter', nl: 'Exporteur' }, rights: exporter }));
    expect(saved).toMatchObject({ id: 'custom-exporter', builtIn: false, rights: exporter });
    // Narrower than his own is fine too: own contacts only, e-mail and phone hidden.
    const narrow: RoleRights = {
      ...READ_ONLY,
      records: { ...READ_ONLY.records, contact: { ...READ_ONLY.records.contact, read: 'own', export: 'own' } },
      fields: { 'contact.email': 'hidden', 'contact.phone': 'hidden' },
    };
    value(await t.call('roles.save', { name: { en: 'Narrow', nl: 'Smal' }, rights: narrow }));

    // The deny wins over the role's "masked" for personal fields: he cannot give the phone masked.
    const phone = refusal(await t.call('roles.save', { id: 'custom-exporter', name: { en: 'Exporter', nl: 'Exporteur' }, rights: { ...exporter, fields: {} } }));
    expect(coreErrorText(phone, 'en')).toBe('You cannot give a role "Masked" on the field "Phone" of contacts: yours is "Hidden".');
    expect((await roleNow(t, 'custom-exporter'))?.rights).toEqual(exporter);

    // Editing a role he does not hold, within his rights, is his to do.
    value(await t.call('roles.save', { id: 'custom-exporter', name: { en: 'Exporter', nl: 'Exporteur' }, rights: { ...exporter, tasks: ['data.export'] } }));
    expect((await roleNow(t, 'custom-exporter'))?.rights.tasks).toEqual(['data.export']);
  });
});

describe('a role manager who manages users', () => {
  it('is not bound: the Administrator copies the Privacy officer, whose tasks and special fields it lacks', async () => {
    const t = await signedInAdmin();
    expect(tasksNow(t)).not.toContain('privacy.erase');
    const privacy = builtIn('privacy');
    const copy = value<RoleDefinition>(await t.call('roles.save', { name: { en: 'Copy of Privacy officer', nl: 'Kopie van Functionaris gegevensbescherming' }, rights: privacy }));
    expect(copy.rights).toEqual(privacy);
    value(await t.call('roles.save', { id: copy.id, name: copy.name, rights: EVERYTHING }));
    // The Administrator's own rights did not change by it.
    expect(tasksNow(t)).not.toContain('privacy.erase');
  });
});
