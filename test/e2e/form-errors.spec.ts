/**
 * A refused form marks the field at fault, says why under it and focuses the first one, all at
 * once: sign-in refuses empty fields on the spot (no code is spent on them), a record form shows
 * its format errors and its empty required fields together, and a text given in both languages
 * (a custom field's label and purpose, a role's name) is marked in the language that is wrong.
 */
import { expect, test } from './fixtures';
import { ACCOUNT, invoke, signInAsAdmin, watchCoreCalls } from './flows';
import { createRecord, goTo, recordHeading } from './crm';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

test('sign-in refuses an empty username or password on the spot, and never goes on to the code', async ({ page }) => {
  const calls = watchCoreCalls(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const username = page.getByLabel('Username');
  const password = page.getByLabel('Password');
  await username.press('Enter');
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription(/Enter your username\./);
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/Enter your password\./);
  await expect(username).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toHaveCount(0);

  await username.fill(ACCOUNT.username);
  await username.press('Enter');
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(username).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toHaveCount(0);
  expect(calls()).not.toContain('session.signIn');

  // With both filled in, sign-in goes on as ever.
  await signInAsAdmin(page);
});

test('a new invoice shows a bad amount and its empty required fields at the first Save', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Invoices');
  await page.getByRole('button', { name: 'New invoice' }).click();
  // One character too many for the invoice number: said at the same Save, not once the rest is right.
  await page.getByLabel('Number').fill(`F-${'9'.repeat(39)}`);
  await page.getByLabel('Amount').fill('twelve');
  // The due date the form offers, taken away: a required field left empty.
  await page.getByLabel('Due date').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const amount = page.getByLabel('Amount');
  const organisation = page.getByRole('combobox', { name: 'Organisation', exact: true });
  const dueDate = page.getByLabel('Due date');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveAccessibleDescription(/Enter an amount in euros/);
  await expect(organisation).toHaveAttribute('aria-invalid', 'true');
  await expect(organisation).toHaveAccessibleDescription(/This field is required/);
  await expect(dueDate).toHaveAttribute('aria-invalid', 'true');
  await expect(dueDate).toHaveAccessibleDescription(/This field is required/);
  const number = page.getByLabel('Number');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toHaveAccessibleDescription(/Use at most 40 characters/);
  // The first field at fault, in the form's order.
  await expect(number).toBeFocused();
  // Put right, it is no longer marked; the others still are.
  await number.fill('F-9');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(number).not.toHaveAttribute('aria-invalid', 'true');
  await expect(organisation).toHaveAttribute('aria-invalid', 'true');
  await expect(organisation).toBeFocused();
});

test('what only the core checks (an e-mail address) is said at the same Save as an empty required field, and nothing is saved', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('First name').fill('Jan');
  const email = page.getByRole('textbox', { name: 'E-mail' });
  await email.fill('jan@');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const lastName = page.getByLabel('Last name');
  await expect(lastName).toHaveAccessibleDescription(/This field is required/);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Not a valid e-mail address/);
  await expect(lastName).toBeFocused();
  const contacts = await invoke(page, 'records.count', { entity: 'contact' });
  expect(contacts.ok && contacts.value).toEqual({ count: 0 });
});

test('a custom field’s Dutch label and purpose that are too long are marked on the Dutch fields', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Fields');
  await page.getByLabel('Record type').selectOption('organisation');
  const form = page.getByRole('region', { name: 'Add a field to Organisations' });
  await form.getByLabel('Label (English)').fill('Delivery day');
  await form.getByLabel('Label (Dutch)').fill('x'.repeat(500));
  await form.getByLabel('Purpose (English)').fill('Plan deliveries');
  await form.getByLabel('Purpose (Dutch)').fill('y'.repeat(3000));
  await form.getByLabel('Legal basis').selectOption('contract');
  await form.getByLabel('Kept for (English)').fill('2 years');
  await form.getByRole('button', { name: 'Add field' }).click();

  const labelNl = form.getByLabel('Label (Dutch)');
  const purposeNl = form.getByLabel('Purpose (Dutch)');
  await expect(labelNl).toHaveAttribute('aria-invalid', 'true');
  await expect(labelNl).toHaveAccessibleDescription(/Use at most 100 characters/);
  await expect(labelNl).toBeFocused();
  await expect(purposeNl).toHaveAttribute('aria-invalid', 'true');
  await expect(purposeNl).toHaveAccessibleDescription(/Use at most 500 characters/);
  await expect(form.getByLabel('Label (English)')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Purpose (English)')).not.toHaveAttribute('aria-invalid', 'true');
});

test('the role editor marks the name field at fault, says why, and focuses it', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Roles');
  await page.getByRole('row', { name: /^Field sales/ }).getByRole('button', { name: 'Copy Field sales' }).click();
  const editor = page.getByRole('form', { name: 'New role (copy of Field sales)' });
  const nameEn = editor.getByLabel('Name in English');
  const nameNl = editor.getByLabel('Name in Dutch');
  const save = editor.getByRole('button', { name: 'Save role' });

  // Empty: refused here, on the empty field.
  await nameNl.fill('');
  await save.click();
  await expect(editor.getByRole('alert')).toContainText('Give the role a name in both languages.');
  await expect(nameNl).toHaveAttribute('aria-invalid', 'true');
  await expect(nameNl).toHaveAccessibleDescription(/This field is required/);
  await expect(nameNl).toBeFocused();
  await expect(nameEn).not.toHaveAttribute('aria-invalid', 'true');

  // Too long: the core refuses it, and the field says the limit.
  await nameNl.fill('z'.repeat(300));
  await expect(nameNl).not.toHaveAttribute('aria-invalid', 'true');
  await save.click();
  await expect(nameNl).toHaveAttribute('aria-invalid', 'true');
  await expect(nameNl).toHaveAccessibleDescription(/Use at most 100 characters/);
  await expect(nameNl).toBeFocused();
  await expect(nameEn).not.toHaveAttribute('aria-invalid', 'true');
});

test('an edit of a field someone changed since the form opened is refused under that field; saving again replaces it', async ({ page }) => {
  await signInAsAdmin(page);
  const contact = await createRecord(page, 'contact', { first_name: 'Vera', last_name: 'Venster', job_title: 'Planner' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Vera Venster' }).click();
  await expect(recordHeading(page, 'Vera Venster')).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
  // Meanwhile another window of the same user changes the job title.
  expect(await invoke(page, 'records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Inkoper' } })).toMatchObject({ ok: true });

  const jobTitle = page.getByLabel('Job title');
  await jobTitle.fill('Directeur');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(jobTitle).toHaveAttribute('aria-invalid', 'true');
  await expect(jobTitle).toHaveAccessibleDescription(/Someone changed this since you opened the form\. Save again to replace/);
  await expect(jobTitle).toBeFocused();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: contact.id })).toMatchObject({ ok: true, value: { record: { values: { job_title: 'Inkoper' } } } });

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The changes are saved.')).toBeVisible();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: contact.id })).toMatchObject({ ok: true, value: { record: { values: { job_title: 'Directeur' } } } });

  // Refused again, Cancel shows the other change, as the message says.
  await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
  expect(await invoke(page, 'records.update', { entity: 'contact', id: contact.id, values: { job_title: 'Hoofd inkoop' } })).toMatchObject({ ok: true });
  await page.getByLabel('Job title').fill('Bedrijfsleider');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('Job title')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('main').getByText('Hoofd inkoop')).toBeVisible();
  await expect(page.getByRole('main').getByText('Directeur')).toHaveCount(0);
});
