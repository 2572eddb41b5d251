/**
 * A long list keeps the user's place. The contacts list is shown afresh after a deletion and after
 * an undo, and Back from a record is a page shown again: each time it comes back scrolled to where
 * the user was, past the first pages, with the keyboard focus on the same row (or, when that row
 * was deleted, the one that took its place), not at the top with the focus on nothing. And its
 * scrollbar and End reach the last row, not only the rows fetched so far.
 */
import type { Page } from '@playwright/test';
import { goTo, recordHeading } from './crm';
import { expect, test } from './fixtures';
import { invoke, signInAsAdmin } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const COUNT = 2_500;
/** A row past the first pages of 100. */
const ROW = 1_502;
const ROW_HEIGHT = 40;

/** Many contacts at once, through the import the renderer uses (test data, not the flow under test). */
async function importContacts(page: Page): Promise<void> {
  const lines = ['First name,Last name'];
  for (let i = 1; i <= COUNT; i++) lines.push(`Plek,Rij ${String(i).padStart(4, '0')}`);
  const file = Buffer.from(lines.join('\n'), 'utf8').toString('base64');
  const preview = await invoke(page, 'import.preview', { entity: 'contact', file });
  if (!preview.ok) throw new Error(preview.error.message);
  const run = await invoke(page, 'import.run', { entity: 'contact', file, mapping: preview.value.suggestedMapping, duplicates: 'skip', jobId: 'list-place-import' });
  if (!run.ok || run.value.imported !== COUNT) throw new Error(JSON.stringify(run));
}

/** Where the list is: its scroll position, and the row and link with the focus. */
async function place(page: Page): Promise<{ scrollTop: number; row: number | null; name: string | null }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const row = active?.closest<HTMLElement>('[data-row-index]');
    return {
      scrollTop: document.querySelector('.vt-viewport')?.scrollTop ?? -1,
      row: row && active?.hasAttribute('data-row-link') ? Number(row.dataset.rowIndex) : null,
      name: active?.textContent ?? null,
    };
  });
}

async function expectPlace(page: Page, expected: { scrollTop: number; row: number; name: string }): Promise<void> {
  await expect.poll(async () => (await place(page)).name, { timeout: 15_000 }).toBe(expected.name);
  const now = await place(page);
  expect(now.row).toBe(expected.row);
  expect(Math.abs(now.scrollTop - expected.scrollTop)).toBeLessThanOrEqual(ROW_HEIGHT);
}

test('the contacts list stays at its place after a deletion, an undo and Back from a record; End reaches its end', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await importContacts(page);

  await goTo(page, 'Contacts');
  const table = page.getByRole('table', { name: 'Contacts' });
  const viewport = page.locator('.vt-viewport');
  const rowLink = (index: number) => viewport.locator(`[data-row-index="${index}"] [data-row-link]`);
  await expect(rowLink(0)).toBeVisible();
  // The scrollbar spans the whole list, not only the first page fetched.
  await expect.poll(() => viewport.evaluate((element) => element.scrollHeight)).toBe(COUNT * ROW_HEIGHT);
  // Down past the first pages, fetched one after the other.
  await expect(async () => {
    await viewport.evaluate((element, top) => element.scrollTo({ top }), (ROW - 2) * ROW_HEIGHT);
    await expect(rowLink(ROW - 2)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await rowLink(ROW - 2).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rowLink(ROW)).toBeFocused();
  const at = await place(page);
  const deletedName = (await rowLink(ROW).textContent()) ?? '';
  const neighbourName = (await rowLink(ROW + 1).textContent()) ?? '';
  expect(at.row).toBe(ROW);
  expect(at.scrollTop).toBeGreaterThan(1_000 * ROW_HEIGHT);

  // Delete the focused row: the list is shown afresh at the same place, the next row in its place
  // and with the focus.
  await table.getByRole('checkbox', { name: `Select ${deletedName}` }).check();
  await page.getByRole('button', { name: 'Delete selected (1)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move contact to trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Contact moved to trash' })).toBeVisible();
  await expectPlace(page, { scrollTop: at.scrollTop, row: ROW, name: neighbourName });
  await expect(table.getByRole('link', { name: deletedName, exact: true })).toHaveCount(0);

  // Undo in the toast: the row is back where it was, at the same place (the focus stays in the
  // toast, which offers to open the row).
  await page.getByRole('region', { name: 'Notification' }).filter({ hasText: 'Contact moved to trash' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${deletedName} is back in Contacts` })).toBeVisible();
  await expect(rowLink(ROW)).toHaveText(deletedName);
  expect(Math.abs((await place(page)).scrollTop - at.scrollTop)).toBeLessThanOrEqual(ROW_HEIGHT);

  // Open the contact after it and go Back: the same place, the focus on the same row.
  await rowLink(ROW + 1).focus();
  await page.keyboard.press('Enter');
  await expect(recordHeading(page, neighbourName)).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Back' }).click();
  await expectPlace(page, { scrollTop: at.scrollTop, row: ROW + 1, name: neighbourName });
  await expect(rowLink(ROW)).toHaveText(deletedName);

  // Ctrl+Z from the row (the deletion again, then undone): the focus comes back to the row too.
  await rowLink(ROW).focus();
  await table.getByRole('checkbox', { name: `Select ${deletedName}` }).check();
  await page.getByRole('button', { name: 'Delete selected (1)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move contact to trash' }).click();
  await expectPlace(page, { scrollTop: at.scrollTop, row: ROW, name: neighbourName });
  await page.keyboard.press('Control+z');
  await expect(rowLink(ROW)).toHaveText(deletedName);
  await expectPlace(page, { scrollTop: at.scrollTop, row: ROW + 1, name: neighbourName });

  // End goes to the last row of the list, fetching the pages up to it.
  await page.keyboard.press('End');
  await expect(table.getByRole('link', { name: `Plek Rij ${COUNT}` })).toBeFocused({ timeout: 30_000 });
});
