/**
 * Who may do what, through the admin's screens (issue 5): the role editor copies a built-in role
 * and changes one cell of its matrix; a user's page gives one Office colleague a personal deny on
 * exporting; Explain names the override for the denied right and the role for an allowed one; and
 * "view as" shows the app with that colleague's rights — banner on top, no Export — until Stop.
 * And no role saved on the Roles page may leave the install without anyone who can manage users.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, createRecord, goTo, nav } from './crm';
import { ACCOUNT, expectHome, invoke, signInAsAdmin, signInWithCode, signOut, type Authenticator, switchLanguage } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const OFFICE = { username: 'olga.office', displayName: 'Olga Jansen' };

/** Clicks a button whose call needs a fresh code, and answers the step-up dialog if it comes. */
async function withStepUp(page: Page, authenticator: Authenticator, button: Locator, done: Locator): Promise<void> {
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(dialog.or(done).first()).toBeVisible();
  if (await dialog.isVisible()) {
    await dialog.getByLabel('Code').fill(await authenticator.nextCode());
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(done).toBeVisible();
}

test('copy a role and change a cell, deny one user export, explain why, and view the app as that user', async ({ page }) => {
  test.setTimeout(240_000);
  const admin = await signInAsAdmin(page);
  // Signed in again with a code, so the second factor is fresh for the sensitive saves below.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await expectHome(page);

  const created = await invoke(page, 'users.create', { username: OFFICE.username, displayName: OFFICE.displayName, role: 'office' });
  if (!created.ok) throw new Error(JSON.stringify(created));
  // An open task of the admin's and one of Olga's, for the activities list seen as her.
  await createRecord(page, 'activity', { kind: 'task', subject: 'Anna belt de leverancier' });
  const olgasTask = await createRecord(page, 'activity', { kind: 'task', subject: 'Olga stuurt de offerte' });
  const reassigned = await invoke(page, 'records.reassign', { entity: 'activity', id: olgasTask.id, ownerId: created.value.user.id });
  expect(reassigned.ok, JSON.stringify(reassigned)).toBe(true);

  // The role editor: built-in roles are marked and can only be copied.
  await goTo(page, 'Roles');
  await expect(page.getByRole('heading', { level: 2, name: 'Roles' })).toBeVisible();
  const salesRow = page.getByRole('row', { name: /^Field sales/ });
  await expect(salesRow).toContainText('Built-in');
  await expect(salesRow.getByRole('button', { name: 'Edit Field sales' })).toHaveCount(0);
  await salesRow.getByRole('button', { name: 'Copy Field sales' }).click();
  const editor = page.getByRole('form', { name: 'New role (copy of Field sales)' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('heading', { name: 'New role (copy of Field sales)' })).toBeFocused();
  await expect(editor.getByLabel('Name in English')).toHaveValue('Copy of Field sales');
  const cell = editor.getByRole('combobox', { name: 'Contacts: export scope' });
  await expect(cell).toHaveValue('none');
  await cell.selectOption({ label: 'All' });
  await withStepUp(page, admin.authenticator, editor.getByRole('button', { name: 'Save role' }), page.getByText('Role Copy of Field sales saved.'));
  await expect(page.getByRole('row', { name: /^Copy of Field sales/ })).toContainText('Custom');
  const roles = await invoke(page, 'roles.list', {});
  const copy = roles.ok ? roles.value.find((r) => r.name.en === 'Copy of Field sales') : undefined;
  expect(copy?.builtIn).toBe(false);
  expect(copy?.rights.records.contact.export).toBe('all');
  expect(copy?.rights.records.contact.read).toBe('team');

  // A personal deny on exporting for one Office colleague.
  await goTo(page, 'Access');
  await page.getByLabel('User', { exact: true }).selectOption({ label: `${OFFICE.displayName} (${OFFICE.username})` });
  await expect(page.getByLabel('Role', { exact: true })).toHaveValue('office');
  const exceptions = page.getByRole('group', { name: 'Personal exceptions' });
  await exceptions.getByLabel('Kind of right').selectOption('task');
  await exceptions.getByLabel('Task', { exact: true }).selectOption({ label: 'Export data' });
  await exceptions.getByLabel('Effect').selectOption('deny');
  await exceptions.getByRole('button', { name: 'Add exception' }).click();
  await expect(exceptions.getByRole('row', { name: /Task: Export data/ })).toContainText('Deny');
  await withStepUp(page, admin.authenticator, page.getByRole('button', { name: 'Save access' }), page.getByText(`Access of ${OFFICE.displayName} saved.`));

  // Explain: denied by the override; reading contacts allowed by the role.
  const explain = page.getByRole('region', { name: 'Explain' });
  await explain.getByLabel('Kind of right').selectOption('task');
  await explain.getByLabel('Task', { exact: true }).selectOption('data.export');
  await explain.getByRole('button', { name: 'Explain' }).click();
  const verdict = explain.getByRole('status');
  await expect(verdict).toContainText('Denied');
  // Each reason is one sentence that names its source, and the task by its name, not its id.
  await expect(verdict.getByRole('listitem')).toHaveText([
    'The role "Office staff" includes the task "Export data".',
    'A personal exception denies the task "Export data" (a deny always wins).',
  ]);
  await explain.getByLabel('Kind of right').selectOption('record');
  await explain.getByLabel('Kind of record').selectOption('contact');
  await explain.getByLabel('Action').selectOption('read');
  await explain.getByRole('button', { name: 'Explain' }).click();
  await expect(verdict).toContainText('Allowed');
  await expect(verdict).toContainText('Value: All');
  await expect(verdict.getByRole('listitem')).toHaveText(['The role "Office staff" gives "Read" on contacts with scope "All".']);
  // In Dutch, every word of the reason is Dutch: the role, the action, the kind of record, the scope.
  await switchLanguage(page, 'nl');
  const oordeel = page.getByRole('region', { name: 'Uitleg' }).getByRole('status');
  await expect(oordeel).toContainText('Waarde: Alle');
  await expect(oordeel.getByRole('listitem')).toHaveText(['De rol "Kantoormedewerker" geeft "Lezen" op contactpersonen met bereik "Alle".']);
  await switchLanguage(page, 'en');
  await expect(verdict).toContainText('Value: All');

  // The admin sees Export on the contacts list; as Olga, the same list has none.
  await goTo(page, 'Contacts');
  await expect(page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: 'Export' })).toBeVisible();

  await goTo(page, 'Access');
  await page.getByLabel('User', { exact: true }).selectOption({ label: `${OFFICE.displayName} (${OFFICE.username})` });
  await page.getByRole('button', { name: 'View as this user' }).click();
  const banner = page.getByRole('region', { name: `Viewing as ${OFFICE.displayName} — read-only` });
  await expect(banner).toBeVisible();
  // Office staff do not manage users, so the admin's pages are gone from the navigation.
  await expect(nav(page).getByRole('button', { name: 'Access', exact: true })).toHaveCount(0);
  await expect(nav(page).getByRole('button', { name: 'Roles', exact: true })).toHaveCount(0);
  await goTo(page, 'Contacts');
  await expect(page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('button', { name: 'Export' })).toHaveCount(0);
  // Read-only: even a call the previewed user could make is refused while the preview runs.
  const write = await invoke(page, 'records.create', { entity: 'contact', values: { first_name: 'Piet', last_name: 'Peters' } });
  expect(write.ok ? 'ok' : write.error.code).toBe('FORBIDDEN');
  // Her open tasks come first, once; the admin's task is among everyone else's, not left out.
  await goTo(page, 'Activities');
  await expect(page.getByRole('row', { name: /Olga stuurt de offerte/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Anna belt de leverancier/ })).toHaveCount(1);

  await banner.getByRole('button', { name: 'Stop' }).click();
  await expect(banner).toHaveCount(0);
  await expect(nav(page).getByRole('button', { name: 'Access', exact: true })).toBeVisible();
  await goTo(page, 'Contacts');
  await expect(page.getByRole('main').getByRole('button', { name: 'Export' })).toBeVisible();
});

test('a custom field can be restricted like a built-in one: in a role and as a personal exception', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Fields');
  await page.getByLabel('Record type').selectOption('contact');
  const form = page.getByRole('region', { name: 'Add a field to Contacts' });
  await form.getByLabel('Label (English)').fill('Private mobile');
  await form.getByLabel('Label (Dutch)').fill('Privé mobiel');
  await form.getByLabel('Type').selectOption('phone');
  await form.getByLabel('Purpose (English)').fill('Reaching the person out of hours');
  await form.getByLabel('Legal basis').selectOption('consent');
  await form.getByLabel('Kept for (English)').fill('Until consent is withdrawn');
  await form.getByRole('button', { name: 'Add field' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The field Private mobile is added.' })).toBeVisible();

  // A role's exceptions per field list it, with the built-in ones.
  await goTo(page, 'Roles');
  await page.getByRole('row', { name: /^Field sales/ }).getByRole('button', { name: 'Copy Field sales' }).click();
  const editor = page.getByRole('form', { name: 'New role (copy of Field sales)' });
  await editor.getByText('Exceptions per field').click();
  await editor.getByRole('combobox', { name: 'Contact – Private mobile: access' }).selectOption('hidden');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // So does the picker of a personal exception, and the exception is named by the field's label.
  await goTo(page, 'Access');
  await page.getByLabel('User', { exact: true }).selectOption({ label: ACCOUNT.username });
  const exceptions = page.getByRole('group', { name: 'Personal exceptions' });
  await exceptions.getByLabel('Kind of right').selectOption('field');
  await exceptions.getByLabel('Kind of record').selectOption({ label: 'Contacts' });
  await exceptions.getByLabel('Field', { exact: true }).selectOption({ label: 'Private mobile' });
  await exceptions.getByLabel('Effect').selectOption('deny');
  await exceptions.getByRole('button', { name: 'Add exception' }).click();
  await expect(exceptions.getByRole('row', { name: /Contacts: Private mobile/ })).toContainText('Deny');
});

test("the admin's own account: no role to change, and no exception that takes away managing users", async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Access');
  await page.getByLabel('User', { exact: true }).selectOption({ label: ACCOUNT.username });
  // The core refuses an own role change; the page does not offer one, and says why.
  await expect(page.getByLabel('Role', { exact: true })).toBeDisabled();
  await expect(page.getByText('This is your own account: another administrator changes your role')).toBeVisible();

  // A deny always wins: one on managing users could never be undone, so the core refuses it.
  const exceptions = page.getByRole('group', { name: 'Personal exceptions' });
  await exceptions.getByLabel('Kind of right').selectOption('task');
  await exceptions.getByLabel('Task', { exact: true }).selectOption({ label: 'Manage users and their access' });
  await exceptions.getByLabel('Effect').selectOption('deny');
  await exceptions.getByRole('button', { name: 'Add exception' }).click();
  await page.getByRole('button', { name: 'Save access' }).click();
  await expect(page.getByText('You cannot take away your own right to manage users')).toBeVisible();
  const users = await invoke(page, 'users.access', { userId: 1 });
  expect(users.ok ? users.value.overrides : null).toEqual([]);

  await switchLanguage(page, 'nl');
  await expect(page.getByText('Dit is je eigen account: een andere beheerder wijzigt je rol')).toBeVisible();
  await expect(page.getByText('Je kunt je eigen recht om gebruikers te beheren niet afnemen')).toBeVisible();
});

test('the Roles page cannot take managing users from the role of the last one who can', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);
  const roles = await invoke(page, 'roles.list', {});
  const administrator = roles.ok ? roles.value.find((r) => r.id === 'admin') : undefined;
  const saved = await invoke(page, 'roles.save', { name: { en: 'Manager', nl: 'Beheer' }, rights: administrator!.rights });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  // Nobody saves the role they hold, so Jan's is edited by Roos: every right of his but managing users.
  const withoutUsers = { ...administrator!.rights, tasks: administrator!.rights.tasks.filter((task) => task !== 'users.manage') };
  const system = await invoke(page, 'roles.save', { name: { en: 'System', nl: 'Systeem' }, rights: withoutUsers });
  expect(system.ok, JSON.stringify(system)).toBe(true);
  // Jan holds the copy, and makes the first admin Office staff: he alone can manage users now.
  const jan = { username: 'jan.beheer', displayName: 'Jan Beheer', password: 'fietsen-langs-de-amstel-in-mei', role: 'custom-manager' };
  const janSignIn = await addColleagueAndSignIn(page, admin.authenticator, jan);
  const demoted = await invoke(page, 'users.setAccess', { userId: 1, role: 'office', teamIds: [], overrides: [] });
  expect(demoted.ok, JSON.stringify(demoted)).toBe(true);
  const roos = { username: 'roos.systeem', displayName: 'Roos Systeem', password: 'roeien-over-de-vecht-in-juni', role: 'custom-system' };
  const roosSignIn = await addColleagueAndSignIn(page, janSignIn.authenticator, roos);

  await goTo(page, 'Roles');
  // Her own role she may copy, not edit: the page says so instead of offering Edit.
  const ownRow = page.getByRole('row', { name: /^System/ });
  await expect(ownRow).toContainText('Your own role: another role manager changes it.');
  await expect(ownRow.getByRole('button', { name: 'Edit System' })).toHaveCount(0);
  await expect(ownRow.getByRole('button', { name: 'Copy System' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit Manager' }).click();
  const editor = page.getByRole('form', { name: 'Edit role: Manager' });
  await editor.getByRole('checkbox', { name: 'Manage users and their access' }).uncheck();
  const refusal = page.getByText('Nothing was changed: afterwards no active user could manage users');
  await withStepUp(page, roosSignIn.authenticator, editor.getByRole('button', { name: 'Save role' }), refusal);
  const after = await invoke(page, 'roles.list', {});
  expect(after.ok ? after.value.find((r) => r.id === 'custom-manager')?.rights.tasks : null).toContain('users.manage');

  await switchLanguage(page, 'nl');
  await expect(page.getByText('Er is niets gewijzigd: daarna zou geen actieve gebruiker nog gebruikers kunnen beheren')).toBeVisible();
});
