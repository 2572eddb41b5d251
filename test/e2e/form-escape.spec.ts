/**
 * Escape cancels a record form. With nothing changed it closes the Edit form at once and puts the
 * focus back on Edit; with something typed it first asks "Discard your changes?" (Keep editing has
 * the focus), so a stray Escape loses nothing. Escape in that dialog closes only the dialog. The
 * "New …" page does the same, and asks once, not a second time as it leaves. The timeline's log form,
 * which stays open, asks the same before emptying what was typed.
 */
import type { Page } from '@playwright/test';
import { createRecord, goTo, recordHeading } from './crm';
import { expect, test } from './fixtures';
import { invoke, signInAsAdmin, switchLanguage } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

/** Opens a record's page from its list, as a user does. */
async function openFromList(page: Page, list: string, title: string): Promise<void> {
  await goTo(page, list);
  await page.getByRole('main').getByRole('link', { name: title }).click();
  await expect(recordHeading(page, title)).toBeVisible();
}

test('Escape closes an unchanged Edit form, and asks before discarding a changed one', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const organisation = await createRecord(page, 'organisation', { name: 'Bakkerij Hendriks', city: 'Utrecht' });
  const main = page.getByRole('main');
  await openFromList(page, 'Organisations', organisation.title);

  // Nothing changed: Escape closes the form, focus is back on Edit.
  const edit = main.getByRole('button', { name: 'Edit', exact: true });
  await edit.click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(main.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(edit).toBeFocused();

  // Something typed: Escape asks first, with Keep editing focused.
  await edit.click();
  await expect(name).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' en Zonen');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(ask).toBeVisible();
  await expect(ask).toHaveAccessibleDescription('What you changed in this form is not saved. If you discard it, it is lost.');
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expect(ask.getByRole('button', { name: 'Discard changes' })).toBeVisible();

  // Escape in the dialog closes the dialog only: the form and the typing stay, the field has the focus.
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(name).toHaveValue('Bakkerij Hendriks en Zonen');
  await expect(name).toBeFocused();

  // Keep editing does the same.
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toHaveCount(0);
  await expect(name).toHaveValue('Bakkerij Hendriks en Zonen');

  // Discard: the form closes, Edit has the focus, nothing was saved.
  await name.focus();
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(main.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(recordHeading(page, organisation.title)).toBeVisible();
  // The shell's own "Leave without saving?" does not follow: the form let go of what it held.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const stored = await invoke(page, 'records.get', { entity: 'organisation', id: organisation.id });
  expect(stored.ok && stored.value.record.values.name).toBe('Bakkerij Hendriks');

  // In Dutch, the question and both answers are Dutch.
  await switchLanguage(page, 'nl');
  await main.getByRole('button', { name: 'Wijzigen', exact: true }).click();
  await page.getByLabel('Naam', { exact: true }).fill('Bakkerij Hendriks BV');
  await page.keyboard.press('Escape');
  const vraag = page.getByRole('dialog', { name: 'Wijzigingen weggooien?' });
  await expect(vraag.getByRole('button', { name: 'Verder bewerken' })).toBeFocused();
  await vraag.getByRole('button', { name: 'Wijzigingen weggooien' }).click();
  await expect(main.getByRole('button', { name: 'Wijzigen', exact: true })).toBeFocused();
});

test('Escape on a "New …" page leaves it at once when empty, and asks once when something was typed', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const main = page.getByRole('main');
  await goTo(page, 'Organisations');
  await main.getByRole('button', { name: 'New organisation' }).click();
  await expect(main.getByRole('heading', { name: 'New organisation' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('Slagerij Peeters');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard your changes?' });
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  // Back at the list, without a second question on the way out, and nothing was made.
  await expect(main.getByRole('heading', { name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const count = await invoke(page, 'records.count', { entity: 'organisation' });
  expect(count.ok && count.value.count).toBe(0);

  await main.getByRole('button', { name: 'New organisation' }).click();
  await page.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(main.getByRole('heading', { name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Escape in the timeline\'s log form asks before emptying what was typed, and does nothing when it is empty', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const contact = await createRecord(page, 'contact', { first_name: 'Ilse', last_name: 'Verhoeven' });
  await openFromList(page, 'Contacts', contact.title);

  const timeline = page.getByRole('main').getByRole('region', { name: 'Timeline' });
  const subject = timeline.getByLabel('Subject');
  // Nothing typed: the form stays as it is, nothing is asked.
  await subject.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(subject).toBeFocused();

  // Typed: Escape asks; Keep editing keeps it.
  await subject.fill('Offerte nabellen');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(subject).toHaveValue('Offerte nabellen');

  // Discard: a fresh form, its first field focused; nothing was logged.
  await subject.focus();
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(ask).toHaveCount(0);
  await expect(timeline.getByLabel('Subject')).toHaveValue('');
  await expect(timeline.getByRole('combobox').first()).toBeFocused();
  await expect(timeline.getByText('No activities yet.')).toBeVisible();
});
