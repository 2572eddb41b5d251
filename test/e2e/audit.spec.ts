/**
 * The Audit log page: a Field sales colleague has no menu item for it; the administrator opens it,
 * finds their own sign-in under their name, checks the hash chain and reads that it is intact.
 */
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, goTo, nav, type Colleague } from './crm';
import { ACCOUNT, expectHome, setUpAndEnrol, signInWithCode, signOut } from './flows';

const SALES: Colleague = { username: 'sanne.sales', displayName: 'Sanne Bakker', role: 'sales', password: 'sanne-rijdt-naar-roermond-en-terug' };

test('the admin reads the audit log and checks it; Field sales has no Audit log', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await setUpAndEnrol(page);

  await addColleagueAndSignIn(page, admin.authenticator, SALES);
  await expect(nav(page).getByRole('button', { name: 'History', exact: true })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Audit log', exact: true })).toHaveCount(0);
  await signOut(page);

  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await expectHome(page);
  await goTo(page, 'Audit log');
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
  const signedIn = table.getByRole('row').filter({ hasText: 'Signed in' }).first();
  await expect(signedIn.getByRole('cell').nth(1)).toHaveText(ACCOUNT.username);
  await expect(signedIn.getByRole('cell').nth(3)).toHaveText(/^User \d+$/);

  await page.getByRole('button', { name: 'Check the log' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The log is intact' })).toHaveText(/^The log is intact: \d+ entries checked\.$/);
});
