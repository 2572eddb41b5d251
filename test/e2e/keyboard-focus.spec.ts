/**
 * The keyboard keeps its place (a tester's report, in Dutch): pressing Enter on a button whose work
 * takes a moment — Explain, Save access, Export, Save role, Restore, New recovery codes — leaves the
 * focus on that button, or, where the button goes away, on its nearest neighbour; never on <body>,
 * from where the next Tab would start at the top of the page. And the shell's first Tab stop is a
 * "Skip to content" link that takes the focus into the page. A second round (a keyboard-only walk
 * through every screen) found the same on History's Undo and Redo, a field's switch, a picker's Clear,
 * the audit log's buttons, and a user's row after Disable or a one-time password's Done.
 */
import type { Locator, Page } from '@playwright/test';
import { createRecord, goTo } from './crm';
import { expect, test } from './fixtures';
import { invoke, signInAsAdmin, type Authenticator } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

/** Enter on a button, the way the tester pressed it: by keyboard, with the focus on it. */
async function pressEnterOn(button: Locator): Promise<void> {
  await button.focus();
  await expect(button).toBeFocused();
  await button.press('Enter');
}

/** When the core wants a fresh code, the step-up dialog asks for it; answered by keyboard too. */
async function answerCodeIfAsked(page: Page, authenticator: Authenticator, outcome: Locator): Promise<void> {
  const confirm = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(confirm.or(outcome).first()).toBeVisible();
  if (await confirm.isVisible()) {
    await confirm.getByLabel('Code').fill(await authenticator.nextCode());
    await page.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
  }
  await expect(outcome).toBeVisible();
}

async function expectFocusNotOnBody(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'none')).not.toMatch(/^(BODY|HTML|none)$/);
}

test('the shell starts with a skip link that takes the focus into the page', async ({ page }) => {
  await signInAsAdmin(page);
  const skip = page.getByRole('link', { name: 'Skip to content' });
  // On arrival the shell's heading has the focus; the link is just before it…
  await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  // …and nothing is before the link: one more step back leaves the page, and Tab comes back to it.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false)).toBe(true);
  await expect(page.locator('main .page-heading')).toBeFocused();
  // Out of sight again once the focus moved on.
  await expect(skip).not.toBeInViewport();
});

test('Explain and Save access keep the focus on the Access page', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  const created = await invoke(page, 'users.create', { username: 'olga.office', displayName: 'Olga Jansen', role: 'office' });
  expect(created.ok, JSON.stringify(created)).toBe(true);

  await goTo(page, 'Access');
  await page.getByLabel('User', { exact: true }).selectOption({ label: 'Olga Jansen (olga.office)' });
  const explain = page.getByRole('region', { name: 'Explain' });
  const explainButton = explain.getByRole('button', { name: 'Explain' });
  await pressEnterOn(explainButton);
  await expect(explain.getByRole('status')).toContainText(/Allowed|Denied/);
  await expectFocusNotOnBody(page);
  await expect(explainButton).toBeFocused();

  const save = page.getByRole('button', { name: 'Save access' });
  await pressEnterOn(save);
  await answerCodeIfAsked(page, admin.authenticator, page.getByText('Access of Olga Jansen saved.'));
  await expectFocusNotOnBody(page);
  await expect(save).toBeFocused();
});

test('Export keeps the focus while it runs and after', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Els', last_name: 'Exporteur' });
  await goTo(page, 'Contacts');
  const exportButton = page.getByRole('main').getByRole('button', { name: /^Export(ing…)?$/ });
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await pressEnterOn(exportButton);
  await answerCodeIfAsked(page, admin.authenticator, page.getByText(/^1 contact exported to /));
  await downloading;
  await expectFocusNotOnBody(page);
  await expect(exportButton).toBeFocused();
  await expect(exportButton).toHaveText('Export');
});

test('Save role keeps the focus nearby, saved or refused', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await goTo(page, 'Roles');
  const copySales = page.getByRole('row', { name: /^Field sales/ }).getByRole('button', { name: 'Copy Field sales' });

  // Saved: the editor closes, and the saved role's Edit in the list has the focus.
  await copySales.click();
  await pressEnterOn(page.getByRole('button', { name: 'Save role' }));
  await answerCodeIfAsked(page, admin.authenticator, page.getByText('Role Copy of Field sales saved.'));
  await expectFocusNotOnBody(page);
  await expect(page.getByRole('button', { name: 'Edit Copy of Field sales' })).toBeFocused();

  // Refused (the name is taken): the editor stays, and so does the focus, inside it.
  await copySales.click();
  const editor = page.getByRole('form', { name: 'New role (copy of Field sales)' });
  await pressEnterOn(editor.getByRole('button', { name: 'Save role' }));
  await answerCodeIfAsked(page, admin.authenticator, editor.getByRole('alert'));
  await expectFocusNotOnBody(page);
  await expect.poll(() => editor.evaluate((form) => form.contains(document.activeElement))).toBe(true);
});

test('Restore in the trash hands the focus to the next row, and to the heading when none is left', async ({ page }) => {
  await signInAsAdmin(page);
  for (const last_name of ['Eerste', 'Tweede']) {
    const { id } = await createRecord(page, 'contact', { last_name });
    const impact = await invoke(page, 'records.deleteImpact', { entity: 'contact', ids: [id], mode: 'trash' });
    if (!impact.ok) throw new Error(impact.error.message);
    const trashed = await invoke(page, 'records.delete', { entity: 'contact', ids: [id], reviewedTotal: impact.value.total });
    expect(trashed.ok, JSON.stringify(trashed)).toBe(true);
  }

  await goTo(page, 'Trash');
  const trash = page.getByRole('table', { name: 'Deleted records' });
  // Newest deleted first: Tweede, then Eerste.
  await pressEnterOn(trash.getByRole('button', { name: 'Restore Tweede' }));
  await expect(trash.getByRole('row', { name: /Tweede/ })).toHaveCount(0);
  await expectFocusNotOnBody(page);
  await expect(trash.getByRole('button', { name: 'Restore Eerste' })).toBeFocused();

  await pressEnterOn(trash.getByRole('button', { name: 'Restore Eerste' }));
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await expectFocusNotOnBody(page);
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Trash' })).toBeFocused();
});

test('New recovery codes moves the focus along its steps, never to the page body', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await goTo(page, 'Account');
  await pressEnterOn(page.getByRole('button', { name: 'New recovery codes' }));
  const make = page.getByRole('button', { name: 'Make new codes' });
  await expectFocusNotOnBody(page);
  // The old codes stop working: Cancel has the keyboard, and Escape goes back as Cancel does.
  await expect(page.getByRole('group', { name: 'Your current recovery codes will stop working.', exact: false }).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'New recovery codes' })).toBeFocused();
  await pressEnterOn(page.getByRole('button', { name: 'New recovery codes' }));
  await make.focus();
  await make.press('Enter');
  const shown = page.getByText('These are your new recovery codes.');
  await answerCodeIfAsked(page, admin.authenticator, shown);
  await expectFocusNotOnBody(page);
  await expect(shown).toBeFocused();

  await pressEnterOn(page.getByRole('button', { name: 'Done' }));
  await expect(page.getByRole('button', { name: 'New recovery codes' })).toBeFocused();
});

test('Undo and Redo on the History page, a field switch, Clear in a picker and the audit log keep the keyboard in the page', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'organisation', { name: 'Bakkerij Focus' });
  await createRecord(page, 'contact', { first_name: 'Fenna', last_name: 'Focus' });

  // The History page is shown afresh after an undo: its heading takes the focus, not <body>.
  await goTo(page, 'History');
  const heading = page.locator('main .page-heading');
  // The page's own buttons, which carry their keys (the toast has an Undo and Redo of its own).
  const pageButton = (name: string) => page.getByRole('button', { name, exact: true }).and(page.locator('[aria-keyshortcuts]'));
  await pressEnterOn(pageButton('Undo'));
  await expect(page.getByRole('status').filter({ hasText: 'Undone' }).first()).toBeVisible();
  await expect(heading).toBeFocused();
  await pressEnterOn(pageButton('Redo'));
  await expect(page.getByRole('status').filter({ hasText: 'Redone' }).first()).toBeVisible();
  await expect(heading).toBeFocused();

  // A field's switch keeps the focus, switched off (after the fresh code it asks for) and on again.
  await goTo(page, 'Fields');
  const phone = page.getByRole('switch', { name: 'Use the field Phone' });
  await pressEnterOn(phone);
  // Switching off is confirmed first; the dialog gives the focus back to the switch.
  await pressEnterOn(page.getByRole('dialog', { name: 'Switch off Phone?' }).getByRole('button', { name: 'Switch off', exact: true }));
  await answerCodeIfAsked(page, admin.authenticator, page.getByRole('switch', { name: 'Use the field Phone', checked: false }));
  await expect(phone).toBeFocused();
  await phone.press('Space');
  await expect(phone).toHaveAttribute('aria-checked', 'true');
  await expect(phone).toBeFocused();

  // Clear in a list's filter goes with the value; the focus goes back to the field. The count is a status.
  await goTo(page, 'Contacts');
  const filter = page.getByRole('combobox', { name: 'Organisation', exact: true });
  await filter.fill('Bakkerij');
  await page.getByRole('option', { name: 'Bakkerij Focus' }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 of 1 contacts match the filter' })).toBeVisible();
  await pressEnterOn(page.getByRole('button', { name: 'Clear Organisation' }));
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: '1 contact in total' })).toBeVisible();

  // Checking the log keeps the focus on its button while it runs and after.
  await goTo(page, 'Audit log');
  const check = page.getByRole('button', { name: 'Check the log' });
  await pressEnterOn(check);
  await expect(page.getByRole('status').filter({ hasText: 'The log is intact' })).toBeVisible();
  await expect(check).toBeFocused();
});

test('Disabling a user, and Done on a one-time password, keep the keyboard at that user’s row', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await goTo(page, 'Users');
  await page.getByLabel('Username').fill('sanne.focus');
  await page.getByLabel('Name', { exact: true }).fill('Sanne Focus');
  await page.getByLabel('Role').selectOption('office');
  const handover = page.getByRole('heading', { name: 'One-time password for Sanne Focus' });
  await pressEnterOn(page.getByRole('button', { name: 'Add user' }));
  await answerCodeIfAsked(page, admin.authenticator, handover);
  await expect(handover).toBeFocused();

  await pressEnterOn(page.getByRole('button', { name: 'Done' }));
  const disable = page.getByRole('button', { name: 'Disable sanne.focus' });
  await expect(disable).toBeFocused();

  await disable.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Disable Sanne Focus/ });
  await pressEnterOn(dialog.getByRole('button', { name: 'Disable Sanne Focus' }));
  const enable = page.getByRole('button', { name: 'Enable sanne.focus' });
  await answerCodeIfAsked(page, admin.authenticator, enable);
  await expect(page.getByRole('status').filter({ hasText: 'Sanne Focus is disabled.' })).toBeVisible();
  await expect(enable).toBeFocused();
});

test('A refused save keeps the keyboard where it was: in the field Enter was pressed in, or on Save', async ({ page }) => {
  await signInAsAdmin(page);
  const contact = await createRecord(page, 'contact', { first_name: 'Vera', last_name: 'Weggezet' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Vera Weggezet' }).click();
  await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
  // Someone else moves the contact to the trash meanwhile: the save is refused, naming no field.
  const impact = await invoke(page, 'records.deleteImpact', { entity: 'contact', ids: [contact.id], mode: 'trash' });
  if (!impact.ok) throw new Error(impact.error.message);
  expect((await invoke(page, 'records.delete', { entity: 'contact', ids: [contact.id], reviewedTotal: impact.value.total })).ok).toBe(true);

  const jobTitle = page.getByLabel('Job title');
  await jobTitle.fill('Bakker');
  await jobTitle.press('Enter');
  const refused = page.getByRole('alert').filter({ hasText: 'It could not be saved' });
  await expect(refused).toBeVisible();
  await expect(jobTitle).toBeFocused();
  await expect(jobTitle).toHaveValue('Bakker');

  await pressEnterOn(page.getByRole('button', { name: 'Save changes' }));
  await expect(refused).toBeVisible();
  await expectFocusNotOnBody(page);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeFocused();
});

test('A stage chosen on the deal board and left goes back; a refused move keeps the focus on the select', async ({ page }) => {
  await signInAsAdmin(page);
  const deal = await createRecord(page, 'deal', { title: 'Ovens Focus', stage: 'lead', value_cents: 100 });
  await goTo(page, 'Deals');
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Board' }).click();
  const stage = main.getByRole('combobox', { name: 'Stage of Ovens Focus' });
  const inLead = main.getByRole('region', { name: /^Lead/ }).getByRole('link', { name: 'Ovens Focus' });

  // Chosen, then left with Shift+Tab: nothing moves, the select shows where the deal is.
  await stage.focus();
  await page.keyboard.press('ArrowDown');
  await expect(stage).toHaveValue('qualified');
  await page.keyboard.press('Shift+Tab');
  await expect(stage).toHaveValue('lead');
  await expect(inLead).toBeVisible();
  await expectFocusNotOnBody(page);

  // The deal went to the trash meanwhile (another window): the move is refused, and the keyboard stays.
  const impact = await invoke(page, 'records.deleteImpact', { entity: 'deal', ids: [deal.id], mode: 'trash' });
  if (!impact.ok) throw new Error(impact.error.message);
  expect((await invoke(page, 'records.delete', { entity: 'deal', ids: [deal.id], reviewedTotal: impact.value.total })).ok).toBe(true);
  await stage.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(main.getByText(/The deal could not be moved/)).toBeVisible();
  await expect(stage).toBeFocused();
});
