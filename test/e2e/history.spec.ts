/**
 * Delete safely and undo mistakes (issue 6, DESIGN §7). A contact with activities goes to the
 * trash in one step and comes back with Ctrl+Z, even after the app was closed and opened again;
 * an organisation with contacts and an invoice asks to review what loses its link and what keeps it; 25 contacts at once ask to
 * type 25, and Enter confirms only once it is typed; Ctrl+Z inside a text field stays the field's own
 * undo; the toast's Undo never reverses a later change than the one it names; the policy sets the
 * typing threshold and the retention; the trash restores and deletes for good; the privacy officer
 * saves an access request's report of a person, and erasure says it cannot be undone and asks for
 * the person's name.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { AccessReport } from '../../shared/accessReportTypes';
import { addColleagueAndSignIn, createRecord, goTo, recordHeading, type Colleague } from './crm';
import { expect, saveScreenshot, test } from './fixtures';
import { ACCOUNT, expectHome, invoke, signInAsAdmin, signInWithCode, type Authenticator, switchLanguage } from './flows';
import { DELETE_MAX, TRASH_RESTORE_MAX } from '../../shared/historyTypes';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const PRIVACY: Colleague = { username: 'pia.privacy', displayName: 'Pia de Wit', role: 'privacy', password: 'pia-bewaakt-de-gegevens-zorgvuldig' };

/** Focus on nothing in particular, as after clicking an empty part of the page. */
async function focusPageBody(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.locator('body')).toBeFocused();
}

/** Sensitive calls ask for a fresh code when the last one is a few minutes old; give it if asked. */
async function confirmStepUpIfAsked(page: Page, authenticator: Authenticator, done: Locator): Promise<void> {
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(stepUp.or(done)).toBeVisible();
  if (await stepUp.isVisible()) {
    await stepUp.getByLabel('Code').fill(await authenticator.nextCode());
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
  }
  await expect(done).toBeVisible();
}

/** The toast holding this message, with its buttons (only the message itself is a live status). */
function toast(page: Page, text: string | RegExp) {
  return page.getByRole('region', { name: 'Notification' }).filter({ has: page.getByRole('status').filter({ hasText: text }) });
}

/** Moves records to the trash through the core, as the dialog does: the reviewed total goes with it. */
async function moveToTrash(page: Page, entity: 'contact' | 'organisation' | 'invoice', ids: number[]): Promise<void> {
  const impact = await invoke(page, 'records.deleteImpact', { entity, ids, mode: 'trash' });
  if (!impact.ok) throw new Error(impact.error.message);
  const deleted = await invoke(page, 'records.delete', { entity, ids, reviewedTotal: impact.value.total });
  if (!deleted.ok) throw new Error(deleted.error.message);
}

/**
 * Makes `count` contacts with last names `<name> 0000`, `<name> 0001` …, a hundred calls in flight at
 * a time (the core takes them one by one, without a round trip between); their ids, by number.
 */
async function manyContacts(page: Page, count: number, name: string): Promise<number[]> {
  type LooseBridge = { kluis: { invoke(channel: string, input: unknown): Promise<{ ok: boolean; value?: { id: number } }> } };
  return page.evaluate(
    async ([total, lastName]) => {
      const create = async (i: number) => {
        const values = { last_name: `${lastName} ${String(i).padStart(4, '0')}` };
        const result = await (window as unknown as LooseBridge).kluis.invoke('records.create', { entity: 'contact', values });
        if (!result.ok || !result.value) throw new Error(JSON.stringify(result));
        return result.value.id;
      };
      const created: number[] = [];
      for (let start = 0; start < total; start += 100) {
        created.push(...(await Promise.all(Array.from({ length: Math.min(100, total - start) }, (_, k) => create(start + k)))));
      }
      return created;
    },
    [count, name] as const,
  );
}

async function contactCount(page: Page): Promise<number> {
  const counted = await invoke(page, 'records.count', { entity: 'contact' });
  if (!counted.ok) throw new Error(counted.error.message);
  return counted.value.count;
}

test('a contact with activities goes in one step, leaves list and search, and Ctrl+Z brings it back, also after a restart', async ({ page, preview }, testInfo) => {
  test.setTimeout(180_000);
  const { authenticator } = await signInAsAdmin(page);
  const jan = await createRecord(page, 'contact', { first_name: 'Jan', last_name: 'Jansen' });
  await createRecord(page, 'activity', { kind: 'call', subject: 'Called about the rye bread', due_at: '2025-03-02', done: true, contact_id: jan.id });
  await createRecord(page, 'activity', { kind: 'note', subject: 'Prefers mornings', due_at: '2025-03-03', done: true, contact_id: jan.id });
  await createRecord(page, 'contact', { first_name: 'Piet', last_name: 'Pieters' });

  await goTo(page, 'Contacts');
  const table = page.getByRole('table', { name: 'Contacts' });
  await table.getByRole('link', { name: 'Jan Jansen' }).click();
  await expect(recordHeading(page, 'Jan Jansen')).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();

  // One step: the button names the action, the activities are mentioned, nothing to review or type.
  const dialog = page.getByRole('dialog', { name: 'Delete Jan Jansen?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const confirm = dialog.getByRole('button', { name: 'Move contact to trash' });
  await expect(confirm).toBeEnabled();
  await expect(dialog).toContainText('2 activities');
  await expect(dialog).toContainText('Its own 2 activities go to the trash with it, and come back with it.');
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'delete-simple');
  await confirm.click();
  await expect(dialog).toHaveCount(0);

  // Back on the list, without Jan; the toast offers Undo.
  await expect(page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Piet Pieters' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Jan Jansen' })).toHaveCount(0);
  await expect(toast(page, 'Contact moved to trash').getByRole('button', { name: 'Undo' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'undo-toast');

  // Search does not find him either.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('jansen');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('Nothing found for “jansen”.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Ctrl+Z with the focus on the page: the contact and its activities come back.
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');
  await expect(toast(page, 'Undone: Delete contact Jan Jansen — Jan Jansen is back in Contacts')).toBeVisible();
  await expect(table.getByRole('link', { name: 'Jan Jansen' })).toBeVisible();
  await table.getByRole('link', { name: 'Jan Jansen' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('link', { name: 'Called about the rye bread' })).toBeVisible();
  await expect(timeline.getByRole('link', { name: 'Prefers mornings' })).toBeVisible();

  // Ctrl+Shift+Z deletes him again; the page he was on says so.
  await focusPageBody(page);
  await page.keyboard.press('Control+Shift+Z');
  await expect(toast(page, 'Redone: Delete contact Jan Jansen — Jan Jansen is gone from Contacts')).toBeVisible();
  await expect(page.getByRole('main').getByText('This record does not exist (any more).')).toBeVisible();

  // Close and reopen: the core stops and starts on the same file; the user signs in again.
  await preview.restart();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => authenticator.nextCode());
  await expectHome(page);
  await goTo(page, 'Contacts');
  await expect(table.getByRole('link', { name: 'Piet Pieters' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Jan Jansen' })).toHaveCount(0);

  // The journal outlived the restart: Ctrl+Z undoes the deletion, Ctrl+Shift+Z redoes it.
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');
  await expect(toast(page, 'Undone: Delete contact Jan Jansen')).toBeVisible();
  await expect(table.getByRole('link', { name: 'Jan Jansen' })).toBeVisible();
  await focusPageBody(page);
  await page.keyboard.press('Control+Shift+Z');
  await expect(toast(page, 'Redone: Delete contact Jan Jansen')).toBeVisible();
  await expect(table.getByRole('link', { name: 'Jan Jansen' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'Piet Pieters' })).toBeVisible();

  // The History page shows the same stack, newest first, and its Undo button walks it too.
  await goTo(page, 'History');
  const journal = page.getByRole('table', { name: 'Your recent changes' });
  const newest = journal.getByRole('row').nth(1);
  await expect(newest).toContainText('Delete contact Jan Jansen');
  await expect(newest).toContainText('Done');
  // Nothing was undone that is not redone: Redo says it has nothing to go to.
  const redo = page.getByRole('main').getByRole('button', { name: 'Redo', exact: true });
  await expect(redo).toHaveAttribute('aria-disabled', 'true');
  await expect(redo).toHaveAccessibleDescription('Nothing to redo.');
  await page.getByRole('main').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(toast(page, 'Undone: Delete contact Jan Jansen')).toBeVisible();
  await expect(newest).toContainText('Undone');
  await expect(redo).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('Nothing to redo.')).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'history');
});

test("the toast's Undo reverses only the deletion it names, not a later change", async ({ page }) => {
  await signInAsAdmin(page);
  const kees = await createRecord(page, 'contact', { first_name: 'Kees', last_name: 'Weg' });
  const lotte = await createRecord(page, 'contact', { first_name: 'Lotte', last_name: 'Blijft' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Kees Weg' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete Kees Weg?' }).getByRole('button', { name: 'Move contact to trash' }).click();
  const moved = toast(page, 'Contact moved to trash');
  await expect(moved).toBeVisible();

  // Something else changes after the deletion; the toast's Undo would now reach that instead.
  const edited = await invoke(page, 'records.update', { entity: 'contact', id: lotte.id, values: { job_title: 'Baker' } });
  expect(edited.ok).toBe(true);
  await moved.getByRole('button', { name: 'Undo' }).click();
  const stale = toast(page, 'You changed something else since');
  await expect(stale.getByRole('button', { name: 'Open History' })).toBeFocused();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: kees.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await invoke(page, 'records.get', { entity: 'contact', id: lotte.id })).toMatchObject({ ok: true, value: { record: { values: { job_title: 'Baker' } } } });

  // Ctrl+Z itself walks the stack: the newest change goes first.
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');
  await expect(toast(page, 'Undone: Edit contact Lotte Blijft — Lotte Blijft in Contacts has its earlier values again')).toBeVisible();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: kees.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('a new step ends the toast that offered to undo an earlier one', async ({ page }) => {
  await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Jan', last_name: 'Jansen' });
  await createRecord(page, 'contact', { first_name: 'Piet', last_name: 'Pieters' });
  await goTo(page, 'Contacts');
  const table = page.getByRole('table', { name: 'Contacts' });
  await table.getByRole('link', { name: 'Jan Jansen' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete Jan Jansen?' }).getByRole('button', { name: 'Move contact to trash' }).click();
  const undoDeletion = toast(page, 'Contact moved to trash');
  await expect(undoDeletion.getByRole('button', { name: 'Undo' })).toBeVisible();
  // Saving another record is the newest step: Undo in the toast would no longer reach the deletion.
  await table.getByRole('link', { name: 'Piet Pieters' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Job title').fill('Baker');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The changes are saved.')).toBeVisible();
  await expect(undoDeletion).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notification' }).getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test('a refusal in the toast is about its page: it goes when the user moves on', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Contacts');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  const refusal = toast(page, 'Nothing to undo.');
  await expect(refusal).toBeVisible();
  await goTo(page, 'Organisations');
  await expect(page.getByRole('heading', { level: 2, name: 'Organisations' })).toBeVisible();
  await expect(refusal).toHaveCount(0);
});

test('the policy sets from how many records typing is asked, and how long the trash keeps them', async ({ page }) => {
  const { authenticator } = await signInAsAdmin(page);
  for (const first of ['Ad', 'Bo', 'Cas']) await createRecord(page, 'contact', { first_name: first, last_name: 'Drie' });

  await goTo(page, 'Users');
  await page.getByLabel('Keep deleted records in the trash for this many days').fill('7');
  await page.getByLabel('Ask to type the number when deleting at least this many records').fill('3');
  await page.getByRole('button', { name: 'Save policy' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'The security policy is saved.' });
  await confirmStepUpIfAsked(page, authenticator, saved);

  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  await page.getByRole('button', { name: 'Delete selected (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 3 contacts?' });
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Type 3 to confirm' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await contactCount(page)).toBe(3);

  await goTo(page, 'Trash');
  await expect(page.getByText('Items are removed for good after 7 days.')).toBeVisible();
});

test('deleting an organisation with contacts and an invoice shows what only loses its link and what keeps it, then asks', async ({ page }, testInfo) => {
  await signInAsAdmin(page);
  const organisation = await createRecord(page, 'organisation', { name: 'Bakkerij van Dijk' });
  for (const first of ['Anna', 'Bram', 'Cor']) {
    await createRecord(page, 'contact', { first_name: first, last_name: 'van Dijk', organisation_id: organisation.id });
  }
  await createRecord(page, 'invoice', { number: 'F-2030-001', organisation_id: organisation.id, amount_cents: 4_500, due_on: '2030-01-01', status: 'sent' });

  await goTo(page, 'Organisations');
  await page.getByRole('table', { name: 'Organisations' }).getByRole('link', { name: 'Bakkerij van Dijk' }).click();
  await expect(recordHeading(page, 'Bakkerij van Dijk')).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Delete Bakkerij van Dijk?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const unlinked = dialog.getByRole('region', { name: 'Stays, but loses its link' });
  await expect(unlinked.getByRole('listitem')).toHaveText(['3 contacts']);
  // The invoice is kept for the bookkeeping: it stays linked, and keeps the organisation from being deleted for good.
  const kept = dialog.getByRole('region', { name: 'Stays, and keeps its link' });
  await expect(kept.getByRole('listitem')).toHaveText(['1 invoice']);
  await expect(kept).toContainText('kept for the bookkeeping');
  await expect(kept).toContainText('never deleted for good');
  await expect(dialog.getByRole('region', { name: 'Chosen (1)' }).getByRole('listitem')).toHaveText(['Bakkerij van Dijk']);

  // The same review in Dutch.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await switchLanguage(page, 'nl');
  await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
  const dutch = page.getByRole('dialog', { name: 'Bakkerij van Dijk verwijderen?' });
  await expect(dutch.getByRole('region', { name: 'Blijft, maar verliest de koppeling' }).getByRole('listitem')).toHaveText(['3 contactpersonen']);
  const keptDutch = dutch.getByRole('region', { name: 'Blijft, en houdt de koppeling' });
  await expect(keptDutch.getByRole('listitem')).toHaveText(['1 factuur']);
  await expect(keptDutch).toContainText('bewaard voor de boekhouding');
  await page.keyboard.press('Escape');
  await expect(dutch).toHaveCount(0);
  await switchLanguage(page, 'en');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  // Reviewed, then confirmed: no typing for one record.
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'delete-review');
  await dialog.getByRole('button', { name: 'Move organisation to trash' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toast(page, 'Organisation moved to trash')).toBeVisible();

  // The contacts stay, without the organisation.
  await goTo(page, 'Contacts');
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('link', { name: /van Dijk$/ })).toHaveCount(3);
  await expect(table).not.toContainText('Bakkerij van Dijk');
  // The invoice stays too; its organisation shows as empty while that is in the trash.
  await goTo(page, 'Invoices');
  const invoices = page.getByRole('table', { name: 'Invoices' });
  await expect(invoices.getByRole('link', { name: 'F-2030-001' })).toBeVisible();
  await expect(invoices).not.toContainText('Bakkerij van Dijk');
});

test('deleting 25 selected contacts asks to type 25; Enter confirms only the right number', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await signInAsAdmin(page);
  for (let start = 1; start <= 25; start += 5) {
    await Promise.all(
      Array.from({ length: 5 }, (_, offset) =>
        createRecord(page, 'contact', { first_name: 'Klant', last_name: `Nummer ${String(start + offset).padStart(2, '0')}` }),
      ),
    );
  }
  await createRecord(page, 'contact', { first_name: 'Anne', last_name: 'Blijft' });
  await createRecord(page, 'contact', { first_name: 'Bert', last_name: 'Blijft' });

  await goTo(page, 'Contacts');
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('link', { name: 'Anne Blijft' })).toBeVisible();
  const deleteSelected = page.getByRole('button', { name: /^Delete selected/ });
  await expect(deleteSelected).toBeDisabled();
  // Every loaded row, then the two that stay taken off again.
  await table.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  await expect(deleteSelected).toHaveAccessibleName('Delete selected (27)');
  await table.getByRole('checkbox', { name: 'Select Anne Blijft' }).uncheck();
  await table.getByRole('checkbox', { name: 'Select Bert Blijft' }).uncheck();
  await expect(deleteSelected).toHaveAccessibleName('Delete selected (25)');
  await deleteSelected.click();

  // First the review, then the typing.
  const dialog = page.getByRole('dialog', { name: 'Delete 25 contacts?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('heading', { name: 'Chosen (25)' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Move 25 contacts to trash' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const typed = dialog.getByRole('textbox', { name: 'Type 25 to confirm' });
  await expect(typed).toBeFocused();
  const confirm = dialog.getByRole('button', { name: 'Move 25 contacts to trash' });
  await expect(confirm).toBeDisabled();

  await typed.fill('24');
  await expect(confirm).toBeDisabled();
  // Enter does what the button does: nothing while the number is wrong, but it says what to type…
  await typed.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  await expect(typed).toHaveAccessibleDescription('That is not 25. Type 25 to confirm, or choose Cancel.');
  // …and the button, unavailable, is still in the Tab order, so a keyboard user finds it.
  await typed.press('Tab');
  await expect(confirm).toBeFocused();
  await confirm.press('Enter');
  await expect(typed).toBeFocused();
  expect(await contactCount(page)).toBe(27);
  // …and the deletion once it is right; spaces around it do not count.
  await typed.fill(' 25 ');
  await expect(confirm).toBeEnabled();
  await saveScreenshot(page, testInfo, 'delete-typed');

  await typed.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(toast(page, '25 contacts moved to trash')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('link', { name: 'Anne Blijft' })).toBeVisible();
  await expect(table.getByRole('link', { name: /^Klant Nummer/ })).toHaveCount(0);
  expect(await contactCount(page)).toBe(2);
});

test('Ctrl+Z inside a text field undoes the typing, not the last deletion', async ({ page }) => {
  await signInAsAdmin(page);
  const gone = await createRecord(page, 'contact', { first_name: 'Greta', last_name: 'Weg' });
  await createRecord(page, 'contact', { first_name: 'Hans', last_name: 'Blijft' });
  await moveToTrash(page, 'contact', [gone.id]);
  const before = await invoke(page, 'history.list', { limit: 5 });
  expect(before.ok && before.value[0]).toMatchObject({ label: { verb: 'delete' }, state: 'done' });

  // In the search box.
  await goTo(page, 'Contacts');
  const search = page.getByRole('combobox', { name: 'Search' });
  await search.click();
  await page.keyboard.type('abc');
  await expect(search).toHaveValue('abc');
  await page.keyboard.press('Control+Z');
  await expect(search).not.toHaveValue('abc');

  // In a form field.
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Hans Blijft' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const jobTitle = page.getByLabel('Job title');
  await jobTitle.click();
  await page.keyboard.type('Baker');
  await page.keyboard.press('Control+Z');
  await expect(jobTitle).not.toHaveValue('Baker');
  // A field with nothing of its own to undo does not take back the typing in another one: the
  // browser's text undo spans the page, and would empty Job title and move the focus there.
  await page.keyboard.press('Control+Shift+Z');
  await expect(jobTitle).toHaveValue('Baker');
  const phone = page.getByLabel('Phone', { exact: true });
  await phone.click();
  await page.keyboard.press('Control+Z');
  await expect(phone).toBeFocused();
  await expect(jobTitle).toHaveValue('Baker');
  await page.keyboard.press('Control+Y');
  await expect(phone).toBeFocused();
  await jobTitle.click();
  await page.keyboard.press('Control+Z');
  await expect(jobTitle).not.toHaveValue('Baker');
  await phone.click();
  await page.keyboard.press('Control+Shift+Z');
  await expect(phone).toBeFocused();
  await expect(jobTitle).not.toHaveValue('Baker');
  // Nor on a select of an edit form, changed or not: what Ctrl+Z means there is the form's.
  await page.getByRole('combobox', { name: /Preferred language/ }).focus();
  await page.keyboard.press('Control+Z');
  await expect(page.getByRole('combobox', { name: /Preferred language/ })).toBeFocused();
  // Nor on a button of the open form (a walk pressed it on "Why we ask", Tab after a field).
  const why = page.getByRole('button', { name: /^Why we ask:/ }).first();
  await why.focus();
  await page.keyboard.press('Control+Z');
  await expect(why).toBeFocused();
  await expect(jobTitle).not.toHaveValue('Baker');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  // Nor on the Done tick of a half-written activity on the timeline.
  const logForm = page.locator('.log-activity');
  await logForm.getByLabel('Subject').fill('Offerte besproken');
  const done = logForm.getByRole('checkbox', { name: 'Done' });
  await done.focus();
  await page.keyboard.press('Control+Z');
  await expect(done).toBeFocused();
  await expect(logForm.getByLabel('Subject')).toHaveValue('Offerte besproken');

  // Nothing happened on the CRM side: the deletion stands and the journal is as it was.
  await expect(page.getByRole('status').filter({ hasText: /Undone/ })).toHaveCount(0);
  expect(await invoke(page, 'records.get', { entity: 'contact', id: gone.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await invoke(page, 'history.list', { limit: 5 })).toEqual(before);
});

test('Ctrl+Z outside the fields of a half-filled new contact undoes the deletion and keeps what was typed', async ({ page }) => {
  await signInAsAdmin(page);
  const gone = await createRecord(page, 'contact', { first_name: 'Greta', last_name: 'Weg' });
  await moveToTrash(page, 'contact', [gone.id]);

  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('First name').fill('Half');
  await page.getByLabel('Last name').fill('Ingevuld');
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');

  await expect(toast(page, /Undone/)).toBeVisible();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: gone.id })).toMatchObject({ ok: true });
  await expect(page.getByLabel('First name')).toHaveValue('Half');
  await expect(page.getByLabel('Last name')).toHaveValue('Ingevuld');
});

test('an undo while a record is being edited keeps what was typed, and the page shows the latest after Save or Cancel', async ({ page }) => {
  await signInAsAdmin(page);
  const gone = await createRecord(page, 'contact', { first_name: 'Greta', last_name: 'Weg' });
  const hans = await createRecord(page, 'contact', { first_name: 'Hans', last_name: 'Blijft' });
  await moveToTrash(page, 'contact', [gone.id]);

  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Hans Blijft' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Job title').fill('Baker');
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');

  // The deletion is undone; the form stays as typed, and the page says why it did not refresh.
  await expect(toast(page, /Undone/)).toBeVisible();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: gone.id })).toMatchObject({ ok: true });
  const kept = page.getByRole('status').filter({ hasText: 'What you typed is kept' });
  await expect(kept).toBeVisible();
  await expect(page.getByLabel('Job title')).toHaveValue('Baker');

  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(kept).toHaveCount(0);
  await expect(recordHeading(page, 'Hans Blijft')).toBeVisible();
  await expect(page.getByText('Baker')).toBeVisible();
  // The page shown afresh still confirms the save that let it refresh.
  const saved = page.getByRole('status').filter({ hasText: 'The changes are saved.' });
  await expect(saved).toBeVisible();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: hans.id })).toMatchObject({ ok: true, value: { record: { values: { job_title: 'Baker' } } } });

  // Undoing the save while typing again: Cancel then shows the record as the undo left it.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Last name').fill('Blijft-Hier');
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');
  await expect(kept).toBeVisible();
  await expect(page.getByLabel('Last name')).toHaveValue('Blijft-Hier');
  await expect(page.getByLabel('Job title')).toHaveValue('Baker');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(kept).toHaveCount(0);
  await expect(recordHeading(page, 'Hans Blijft')).toBeVisible();
  await expect(page.getByText('Baker')).toHaveCount(0);
  expect(await invoke(page, 'records.get', { entity: 'contact', id: hans.id })).toMatchObject({ ok: true, value: { record: { values: { job_title: null } } } });
  await expect(saved).toHaveCount(0);

  // A save that an undo then takes back is no longer confirmed once the page shows the undo.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Job title').fill('Chef');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(saved).toBeVisible();
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');
  await expect(toast(page, /Undone/)).toBeVisible();
  await expect(page.getByText('Chef')).toHaveCount(0);
  await expect(saved).toHaveCount(0);
});

test('leaving a page with unsaved input asks first; Cancel keeps what was typed, a save moves on without asking', async ({ page }) => {
  await signInAsAdmin(page);
  const hans = await createRecord(page, 'contact', { first_name: 'Hans', last_name: 'Blijft' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Hans Blijft' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Job title').fill('Baker');

  // Another page from the menu: asked, and Cancel stays with the typing intact.
  await goTo(page, 'Organisations');
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await expect(leave.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await leave.getByRole('button', { name: 'Cancel' }).click();
  await expect(leave).toHaveCount(0);
  await expect(recordHeading(page, 'Hans Blijft')).toBeVisible();
  await expect(page.getByLabel('Job title')).toHaveValue('Baker');

  // Asked again, and leaving drops the typing: nothing was saved.
  await goTo(page, 'Organisations');
  await leave.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Organisations' })).toBeVisible();
  expect(await invoke(page, 'records.get', { entity: 'contact', id: hans.id })).toMatchObject({ ok: true, value: { record: { values: { job_title: null } } } });

  // A page without typing goes at once, and a new record's save opens the record without asking.
  await goTo(page, 'Contacts');
  await expect(leave).toHaveCount(0);
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('Last name').fill('Nieuw');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Nieuw')).toBeVisible();
  await expect(leave).toHaveCount(0);
  await goTo(page, 'Organisations');
  await expect(page.getByRole('heading', { level: 2, name: 'Organisations' })).toBeVisible();
});

test('ticked records of several kinds come back from the trash together, and one Ctrl+Z sends them all back', async ({ page }) => {
  await signInAsAdmin(page);
  const tom = await createRecord(page, 'contact', { first_name: 'Tom', last_name: 'Terug' });
  const olga = await createRecord(page, 'contact', { first_name: 'Olga', last_name: 'Opruimen' });
  const shop = await createRecord(page, 'organisation', { name: 'Winkel Ivo' });
  await moveToTrash(page, 'contact', [tom.id]);
  await moveToTrash(page, 'organisation', [shop.id]);
  await moveToTrash(page, 'contact', [olga.id]);

  await goTo(page, 'Trash');
  const trash = page.getByRole('table', { name: 'Deleted records' });
  const restoreSelected = page.getByRole('button', { name: /^Restore selected/ });
  await expect(restoreSelected).toHaveText('Restore selected (0)');
  await expect(restoreSelected).toBeDisabled();
  await trash.getByRole('checkbox', { name: 'Select Tom Terug' }).check();
  await trash.getByRole('checkbox', { name: 'Select Winkel Ivo' }).check();
  await expect(trash.getByRole('checkbox', { name: 'Select all loaded rows' })).not.toBeChecked();
  await restoreSelected.click();

  // Newest deleted first, as the trash lists them.
  await expect(toast(page, 'Winkel Ivo is back in Organisations, with 1 more record.')).toBeVisible();
  await expect(trash.getByRole('row')).toHaveCount(2);
  await expect(trash.getByRole('row', { name: /Olga Opruimen/ })).toBeVisible();

  // One command: one undo puts both back in the trash.
  await focusPageBody(page);
  await page.keyboard.press('Control+z');
  await expect(toast(page, /^Undone: Restore 2 records/)).toBeVisible();
  await expect(trash.getByRole('row')).toHaveCount(4);

  // The header box ticks every loaded row.
  await trash.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  await expect(restoreSelected).toHaveText('Restore selected (3)');
  await restoreSelected.click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test('a list lets no more be ticked than one deletion takes, and the trash no more than one restore; both say so in both languages', async ({ page }) => {
  // 1,001 records made, scrolled through in the list and loaded page by page in the trash: about a
  // minute and a half alone, minutes beside other workers.
  test.setTimeout(360_000);
  await signInAsAdmin(page);
  const ids = await manyContacts(page, DELETE_MAX + 1, 'Terug');

  await goTo(page, 'Contacts');
  const table = page.getByRole('table', { name: 'Contacts' });
  // Scrolling to the end loads every row, so "select all" has more than one deletion takes.
  const viewport = page.locator('.vt-viewport');
  await expect(async () => {
    await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(table.getByRole('link', { name: 'Terug 1000' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  const limitText = 'You can delete at most 1,000 contacts at once. Delete these first, then tick the rest.';
  const deleteLimit = page.getByRole('status').filter({ hasText: limitText });
  await expect(deleteLimit).toHaveCount(0);
  await table.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  const deleteSelected = page.getByRole('button', { name: /^Delete selected/ });
  await expect(deleteSelected).toHaveText('Delete selected (1,000)');
  await expect(deleteLimit).toBeVisible();
  // The first thousand are ticked; the last row cannot be, and its checkbox says why.
  const last = table.getByRole('checkbox', { name: 'Select Terug 1000' });
  await expect(last).not.toBeChecked();
  await expect(last).toBeDisabled();
  await expect(last).toHaveAccessibleDescription(limitText);
  await switchLanguage(page, 'nl');
  await expect(page.getByRole('status').filter({ hasText: 'Je kunt hoogstens 1.000 contactpersonen tegelijk verwijderen. Verwijder deze eerst en vink dan de rest aan.' })).toBeVisible();
  await switchLanguage(page, 'en');

  // Unticking one makes room for the last.
  await table.getByRole('checkbox', { name: 'Select Terug 0999' }).uncheck();
  await expect(deleteLimit).toHaveCount(0);
  await last.check();
  await expect(deleteSelected).toHaveText('Delete selected (1,000)');
  await expect(deleteLimit).toBeVisible();

  // Then all 1,001 into the trash: the first thousand in one deletion, then the last one.
  await moveToTrash(page, 'contact', ids.slice(0, TRASH_RESTORE_MAX));
  await moveToTrash(page, 'contact', ids.slice(TRASH_RESTORE_MAX));
  // The trash shows a deletion's records by id, newest first; calls in flight may have got their ids
  // in any order, so the names are looked up by id.
  const name = (id: number) => `Terug ${String(ids.indexOf(id)).padStart(4, '0')}`;
  const firstDeleted = ids.slice(0, TRASH_RESTORE_MAX).sort((a, b) => a - b);
  const oldestName = name(firstDeleted[0]!);
  const anotherName = name(firstDeleted[500]!);

  await goTo(page, 'Trash');
  const trash = page.getByRole('table', { name: 'Deleted records' });
  const more = page.getByRole('button', { name: 'Show more' });
  await expect(trash.getByRole('row')).toHaveCount(51);
  while (await more.isVisible()) {
    const rows = await trash.getByRole('row').count();
    await more.click();
    await expect(trash.getByRole('row')).not.toHaveCount(rows);
  }
  await expect(trash.getByRole('row')).toHaveCount(TRASH_RESTORE_MAX + 2);

  // Ticking all ticks as many as one restore takes: the oldest stays unticked, and cannot be ticked.
  const limit = page.getByRole('status').filter({ hasText: 'You can restore at most 1,000 records at once. Restore these first, then tick the rest.' });
  await expect(limit).toHaveCount(0);
  await trash.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  const restoreSelected = page.getByRole('button', { name: /^Restore selected/ });
  await expect(restoreSelected).toHaveText('Restore selected (1,000)');
  await expect(limit).toBeVisible();
  const oldest = trash.getByRole('checkbox', { name: `Select ${oldestName}` });
  await expect(oldest).not.toBeChecked();
  await expect(oldest).toBeDisabled();
  await expect(oldest).toHaveAccessibleDescription('You can restore at most 1,000 records at once. Restore these first, then tick the rest.');
  // The same in Dutch, the ticks kept.
  await switchLanguage(page, 'nl');
  await expect(page.getByRole('status').filter({ hasText: 'Je kunt hoogstens 1.000 records tegelijk terugzetten. Zet deze eerst terug en vink dan de rest aan.' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Selecteer ${oldestName}` })).toBeDisabled();
  await switchLanguage(page, 'en');

  // Unticking one makes room for another.
  await trash.getByRole('checkbox', { name: `Select ${anotherName}` }).uncheck();
  await expect(limit).toHaveCount(0);
  await expect(oldest).toBeEnabled();
  await oldest.check();
  await expect(restoreSelected).toHaveText('Restore selected (1,000)');
  await expect(limit).toBeVisible();

  // The thousand come back in one restore; the one left unticked stays in the trash.
  await restoreSelected.click();
  await expect(toast(page, /is back in Contacts/)).toBeVisible();
  await expect(trash.getByRole('row')).toHaveCount(2);
  await expect(trash.getByRole('row', { name: new RegExp(anotherName) })).toBeVisible();
});

test('the trash lists a deleted contact; Restore brings it back, Delete permanently asks to type its name', async ({ page }, testInfo) => {
  const admin = await signInAsAdmin(page);
  const tom = await createRecord(page, 'contact', { first_name: 'Tom', last_name: 'Terug' });
  await createRecord(page, 'activity', { kind: 'call', subject: 'Asked for a catalogue', due_at: '2025-04-01', done: true, contact_id: tom.id });
  const olga = await createRecord(page, 'contact', { first_name: 'Olga', last_name: 'Opruimen' });
  // An invoice needs its organisation for the bookkeeping: the shop can go to the trash, not further.
  const shop = await createRecord(page, 'organisation', { name: 'Winkel Ivo' });
  // Due on 1 January next year, so held until 1 January seven years on, whatever year this runs.
  const dueYear = new Date().getFullYear() + 1;
  const invoice = await createRecord(page, 'invoice', { number: 'F-7', organisation_id: shop.id, amount_cents: 1_000, due_on: `${dueYear}-01-01`, status: 'sent' });
  await moveToTrash(page, 'organisation', [shop.id]);
  await moveToTrash(page, 'invoice', [invoice.id]);
  await moveToTrash(page, 'contact', [olga.id]);
  await moveToTrash(page, 'contact', [tom.id]);

  await goTo(page, 'Trash');
  await expect(page.getByRole('heading', { level: 2, name: 'Trash' })).toBeVisible();
  await expect(page.getByText('Items are removed for good after 30 days.')).toBeVisible();
  const trash = page.getByRole('table', { name: 'Deleted records' });
  const tomRow = trash.getByRole('row', { name: /Tom Terug/ });
  await expect(tomRow).toContainText('Contact');
  await expect(tomRow).toContainText('+1 with it');
  await expect(tomRow).toContainText(ACCOUNT.username);
  await saveScreenshot(page, testInfo, 'trash');

  await tomRow.getByRole('button', { name: 'Restore Tom Terug' }).click();
  await expect(toast(page, 'Tom Terug is back in Contacts')).toBeVisible();
  await expect(trash.getByRole('row', { name: /Tom Terug/ })).toHaveCount(0);
  await toast(page, 'Tom Terug is back in Contacts').getByRole('button', { name: 'Open Tom Terug' }).click();
  await expect(recordHeading(page, 'Tom Terug')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('link', { name: 'Asked for a catalogue' })).toBeVisible();

  // What an invoice still points to cannot be deleted permanently: the dialog says why, and offers no way on.
  await goTo(page, 'Trash');
  await trash.getByRole('button', { name: 'Delete permanently: Winkel Ivo' }).click();
  const blocked = page.getByRole('dialog', { name: 'Permanently delete Winkel Ivo?' });
  await expect(blocked.getByRole('region', { name: 'Prevents permanent deletion' }).getByRole('listitem')).toHaveText(['1 invoice']);
  await expect(blocked.getByRole('button')).toHaveText(['Cancel']);
  await page.keyboard.press('Escape');
  await expect(blocked).toHaveCount(0);
  // Nor can the issued invoice itself, before its fiscal retention of 7 years has passed.
  await trash.getByRole('button', { name: 'Delete permanently: F-7' }).click();
  const kept = page.getByRole('dialog', { name: 'Permanently delete F-7?' });
  await expect(kept).toContainText(`Invoice F-7 is kept for the bookkeeping until 1 January ${dueYear + 7}`);
  await expect(kept.getByRole('button')).toHaveText(['Cancel']);
  await page.keyboard.press('Escape');

  // Permanently: review, then the name; it says it cannot be undone.
  await goTo(page, 'Trash');
  await trash.getByRole('button', { name: 'Delete permanently: Olga Opruimen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Permanently delete Olga Opruimen?' });
  await expect(dialog).toContainText('This cannot be undone');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toContainText('This deletes 1 record for good.');
  const typed = dialog.getByRole('textbox', { name: 'Type Olga Opruimen to confirm' });
  const confirm = dialog.getByRole('button', { name: 'Permanently delete contact' });
  await expect(confirm).toBeDisabled();
  await typed.fill('olga opruimen');
  await expect(confirm).toBeDisabled();
  // The name as asked; a space around it (pasted along) does not count.
  await typed.fill('Olga Opruimen ');
  await confirm.click();
  // What cannot be undone asks a code for itself, not the sign-in's.
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  await expect(toast(page, 'Contact permanently deleted')).toBeVisible();
  await expect(trash.getByRole('row', { name: /Olga Opruimen/ })).toHaveCount(0);
  await expect(trash.getByRole('row', { name: /Winkel Ivo/ })).toBeVisible();

  // History says why Olga's creation and deletion can no longer be undone; the purge cannot by its nature.
  await goTo(page, 'History');
  const journal = page.getByRole('table', { name: 'Your recent changes' });
  await expect(journal.getByRole('row').filter({ hasText: 'a record it changed has since been deleted for good' })).toHaveCount(2);
  await expect(journal.getByRole('row').filter({ hasText: 'cannot be undone' }).filter({ hasNotText: 'since' }).filter({ hasNotText: 'reached' })).toHaveCount(1);
  // What came before the purge is out of Ctrl+Z's reach, and History says so; a deletion points to the Trash.
  await expect(journal.getByRole('row').filter({ hasText: /Delete.*Winkel Ivo/ })).toContainText(
    /cannot be reached by undo: “.+” came after it and cannot be undone; what is still in the Trash can be restored there/,
  );
  await expect(journal.getByRole('row').filter({ hasText: /Create.*Winkel Ivo/ })).toContainText(/cannot be reached by undo: “.+” came after it and cannot be undone$/);
});

test('the privacy officer saves what is held about a contact (access request), then erases it; only the privacy tasks may', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const admin = await signInAsAdmin(page);
  const erik = await createRecord(page, 'contact', { first_name: 'Erik', last_name: 'Wissel', email: 'erik@wissel.example', preferred_language: 'nl' });
  await createRecord(page, 'consent', { contact_id: erik.id, purpose: 'Newsletter', source: 'Web form', given_at: '2025-03-01' });
  // His sister's card names him in its notes: no link, so neither the report nor the erasure reaches it.
  await createRecord(page, 'contact', { first_name: 'Marie', last_name: 'Jansen', notes: 'Zus van Erik Wissel' });
  // A person in the trash is still held, and answered for from the Trash.
  const ria = await createRecord(page, 'contact', { first_name: 'Ria', last_name: 'Prullenbak', email: 'ria@prullenbak.example' });
  await moveToTrash(page, 'contact', [ria.id]);
  // The administrator may delete, but erasure is the privacy officer's task.
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Erik Wissel' }).click();
  await expect(recordHeading(page, 'Erik Wissel')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erase personal data' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Access request (DSAR)' })).toHaveCount(0);

  const privacy = await addColleagueAndSignIn(page, admin.authenticator, PRIVACY);
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Erik Wissel' }).click();
  // The privacy officer reviews his consent first, and goes on from there to Erik again.
  await page.getByRole('region', { name: 'Consents (1)' }).getByRole('link', { name: 'Newsletter' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Erik Wissel' }).click();
  await expect(recordHeading(page, 'Erik Wissel')).toBeVisible();

  // In Dutch the button says what the AVG calls it.
  await switchLanguage(page, 'nl');
  await expect(page.getByRole('button', { name: 'Inzageverzoek (AVG)' })).toBeVisible();
  await switchLanguage(page, 'en');

  // First the access request (GDPR art. 15): everything held about Erik, saved as a JSON file
  // named for the day, not for him; a fresh code is asked for when the last one is not fresh.
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Access request (DSAR)' }).click();
  const reported = page.getByText(/^Everything held about this person is saved as access-request-\d{4}-\d{2}-\d{2}-contact-\d+\.json\.$/);
  await confirmStepUpIfAsked(page, privacy.authenticator, reported);
  const download = await downloading;
  await saveScreenshot(page, testInfo, 'access-request');
  expect(download.suggestedFilename()).toMatch(/^access-request-\d{4}-\d{2}-\d{2}-contact-\d+\.json$/);
  expect(download.suggestedFilename()).not.toContain('Wissel');
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as AccessReport;
  const email = report.subject.values.find((v) => v.key === 'email');
  expect(email).toMatchObject({ value: 'erik@wissel.example', purpose: { en: 'Writing to the person about the business relationship' }, legalBasis: 'contract' });
  expect(report.linked.map((r) => r.entity)).toEqual(['consent']);

  // What to check before sending it: other people in its free texts, and what Kluis does not hold.
  await expect(page.getByText(/^Before you send it: read its free texts .* \(GDPR art\. 15\(4\)\)/)).toBeVisible();

  // The same report as a page Erik can read, from the notice: no second request, so no second code.
  // In his own language, Dutch, whatever the window speaks, and named in it.
  const readableDownload = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Save a readable copy in Dutch (HTML)' }).click();
  const readable = await readableDownload;
  expect(readable.suggestedFilename()).toMatch(/^inzageverzoek-\d{4}-\d{2}-\d{2}-contactpersoon-\d+\.html$/);
  await expect(page.getByText(/A readable copy for the person is saved as inzageverzoek-\d{4}-\d{2}-\d{2}-contactpersoon-\d+\.html\.$/)).toBeVisible();
  const readablePage = await readFile(await readable.path(), 'utf8');
  expect(readablePage).toContain('<h1>Wat Bakkerij de Korenschoof bewaart over Erik Wissel</h1>');
  expect(readablePage).toMatch(/<td>E-mailadres<\/td><td>erik@wissel\.example<\/td>/);
  expect(readablePage).toContain('<h2>Uw rechten</h2>');
  expect(readablePage).not.toContain('Marie');

  // Below the notice: what the report leaves out because only its text names him, to check by hand.
  const notInReport = page.getByRole('region', { name: 'Not in the report: other records that name Erik Wissel' });
  await expect(notInReport.getByRole('listitem')).toHaveText(['Marie Jansen (Contact)']);
  await notInReport.getByRole('link', { name: 'Marie Jansen' }).click();
  await expect(recordHeading(page, 'Marie Jansen')).toBeVisible();

  // Ria, in the trash, is answered for from her row there, without being restored.
  await goTo(page, 'Trash');
  const fromTrash = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Access request (DSAR) for Ria Prullenbak' }).click();
  await confirmStepUpIfAsked(page, privacy.authenticator, reported);
  const trashReport = JSON.parse(await readFile(await (await fromTrash).path(), 'utf8')) as AccessReport;
  expect(trashReport.subject).toMatchObject({ id: ria.id, inTrash: true });
  expect(trashReport.subject.values.find((v) => v.key === 'email')?.value).toBe('ria@prullenbak.example');
  await expect(page.getByRole('row', { name: /Ria Prullenbak/ })).toBeVisible();
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Erik Wissel' }).click();

  await page.getByRole('button', { name: 'Erase personal data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Erik Wissel?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog).toContainText('This cannot be undone');
  // The review says which records the erasure leaves that still name him.
  await expect(dialog.getByRole('region', { name: 'Not erased: other records that name Erik Wissel' }).getByRole('listitem')).toHaveText(['Marie Jansen (Contact)']);
  await saveScreenshot(page, testInfo, 'erase-review');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const typed = dialog.getByRole('textbox', { name: 'Type Erik Wissel to confirm' });
  const confirm = dialog.getByRole('button', { name: 'Erase contact' });
  await expect(confirm).toBeDisabled();
  await typed.fill('Erik');
  await expect(confirm).toBeDisabled();
  await typed.fill('Erik Wissel');
  await saveScreenshot(page, testInfo, 'erase');
  await confirm.click();

  // Erasure needs a fresh second factor; the step-up dialog asks for it when it is not fresh.
  const erased = toast(page, 'Contact erased; this cannot be undone');
  await confirmStepUpIfAsked(page, privacy.authenticator, erased);
  await expect(erased.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  expect(await invoke(page, 'records.get', { entity: 'contact', id: erik.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // The page goes back past Erik and the consent erased with him, to the list he was opened from.
  await expect(page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('main').getByText('This record does not exist (any more).')).toHaveCount(0);
  // Erasure leaves nothing of Erik in the trash; Ria is still there.
  await goTo(page, 'Trash');
  await expect(page.getByRole('row', { name: /Ria Prullenbak/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Erik Wissel|Newsletter/ })).toHaveCount(0);
});

test("the undo toast offers to open a record only when it is not the page already shown", async ({ page }) => {
  await signInAsAdmin(page);
  const jan = await createRecord(page, 'contact', { first_name: 'Jan', last_name: 'Open' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Jan Open' }).click();
  await expect(recordHeading(page, jan.title)).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Job title').fill('Inkoper');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The changes are saved.')).toBeVisible();

  // On Jan's own page: the toast says what came back, with Redo, and no "Open Jan Open".
  await page.keyboard.press('Control+z');
  const undone = toast(page, /^Undone: Edit contact Jan Open/);
  await expect(undone.getByRole('button', { name: 'Redo' })).toBeVisible();
  await expect(undone.getByRole('button', { name: 'Open Jan Open' })).toHaveCount(0);

  // Elsewhere, the same toast offers the way there.
  await goTo(page, 'Contacts');
  await page.keyboard.press('Control+Shift+z');
  await expect(toast(page, /^Redone: Edit contact Jan Open/).getByRole('button', { name: 'Open Jan Open' })).toBeVisible();
});

test('Ctrl+Z brings a record back into a list it had left empty, and a task back among my open tasks', async ({ page }) => {
  await signInAsAdmin(page);
  const deal = await createRecord(page, 'deal', { title: 'Enige deal', stage: 'lead' });
  const today = new Date().toISOString().slice(0, 10);
  await createRecord(page, 'activity', { kind: 'task', subject: 'Eerste taak', due_at: today, done: false });
  const later = await createRecord(page, 'activity', { kind: 'task', subject: 'Latere taak', due_at: '2099-01-01', done: false });

  // The only deal goes; the list is empty; Ctrl+Z puts it back in the list, not only in the count.
  await goTo(page, 'Deals');
  const deals = page.getByRole('table', { name: 'Deals' });
  await deals.getByRole('link', { name: 'Enige deal' }).click();
  await expect(recordHeading(page, deal.title)).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete Enige deal?' }).getByRole('button', { name: 'Move deal to trash' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deals' })).toBeVisible();
  await expect(deals.getByRole('link', { name: 'Enige deal' })).toHaveCount(0);
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');
  await expect(toast(page, /^Undone: Delete deal Enige deal/)).toBeVisible();
  await expect(deals.getByRole('link', { name: 'Enige deal' })).toBeVisible();

  // My open task due last goes, and comes back where it was: after the other, among my open tasks.
  await goTo(page, 'Activities');
  const activities = page.getByRole('table', { name: 'Activities' });
  await activities.getByRole('link', { name: 'Latere taak' }).click();
  await expect(recordHeading(page, later.title)).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete Latere taak?' }).getByRole('button', { name: 'Move activity to trash' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Activities' })).toBeVisible();
  await expect(activities.getByRole('link', { name: 'Eerste taak' })).toBeVisible();
  await expect(activities.getByRole('link', { name: 'Latere taak' })).toHaveCount(0);
  await focusPageBody(page);
  await page.keyboard.press('Control+Z');
  await expect(toast(page, /^Undone: Delete activity Latere taak/)).toBeVisible();
  await expect(activities.getByRole('link', { name: 'Latere taak' })).toBeVisible();
});
