/**
 * Locking during an import: the core takes the import back, and the page — gone while Kluis was
 * locked — says so once the user is back on it. Someone else signing in at the same window after
 * a sign-out is not told about another person's import.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, goTo, type Colleague } from './crm';
import { ACCOUNT, expectHome, invoke, signInAsAdmin } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const OFFICE: Colleague = { username: 'olga.office', displayName: 'Olga Smit', role: 'office', password: 'olga-ordent-de-kaartenbak-netjes' };
const ROWS = 12_000;
const NOTHING_IMPORTED = 'Kluis was locked during the import, which stopped. Nothing was imported: import the file again.';

function bigCsv(): Buffer {
  const lines = ['First name,Last name,E-mail'];
  for (let i = 1; i <= ROWS; i++) lines.push(`Anne${i},Jansen,anne${i}@example.nl`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** On the Import page: starts importing the big file, locks while the batches are written, unlocks. */
async function importThenLockAndUnlock(page: Page): Promise<void> {
  await page.getByLabel('CSV or text file').setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: bigCsv() });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await page.getByRole('button', { name: /^Import 12,000 rows$/ }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Kluis is locked' })).toBeVisible({ timeout: 5_000 });
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
}

test('a lock during an import takes it back and says so afterwards, to that user only', async ({ page }) => {
  test.setTimeout(240_000);
  const admin = await signInAsAdmin(page);
  await goTo(page, 'Import');
  await importThenLockAndUnlock(page);
  expect(await invoke(page, 'records.count', { entity: 'contact' })).toEqual({ ok: true, value: { count: 0 } });
  await goTo(page, 'Import');
  await expect(page.getByRole('alert')).toContainText(NOTHING_IMPORTED);
  // Shown once: the next visit starts clean.
  await goTo(page, 'Contacts');
  await goTo(page, 'Import');
  await expect(page.getByRole('heading', { level: 3, name: 'Step 1: Choose a file' })).toBeVisible();
  await expect(page.getByText(NOTHING_IMPORTED)).toHaveCount(0);

  // Once more, then a colleague signs in at this window (the admin signs out first): not told.
  await importThenLockAndUnlock(page);
  await addColleagueAndSignIn(page, admin.authenticator, OFFICE);
  await goTo(page, 'Import');
  await expect(page.getByRole('heading', { level: 3, name: 'Step 1: Choose a file' })).toBeVisible();
  await expect(page.getByText(NOTHING_IMPORTED)).toHaveCount(0);
});
