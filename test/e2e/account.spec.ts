/**
 * The account page: changing one's own password (the current one is checked, a weak new one is
 * refused with the reason), making new recovery codes (a sensitive step: a fresh code is asked
 * for, and the old codes stop working), and the recent sign-ins, failures included.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { ACCOUNT, expectHome, readRecoveryCodes, signInAsAdmin, signInWithCode, signOut, WRONG_CREDENTIALS } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const NEW_PASSWORD = 'lantern harbour oatmeal vivid';

test('change the password, make new recovery codes, and see the sign-ins', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);

  // A wrong code first, so the list has a failure to show.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, '000000');
  await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
  // A recovery code signs in without making the second factor fresh.
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, admin.recoveryCodes[0]!);
  await expectHome(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Your account' })).toBeFocused();
  // The recovery code used above is counted off.
  await expect(page.getByText('You have 9 unused recovery codes.')).toBeVisible();

  const signIns = page.getByRole('table', { name: 'Recent sign-ins' });
  await expect(signIns.getByRole('cell', { name: 'Failed' })).toHaveCount(1);
  await expect(signIns.getByRole('cell', { name: 'Signed in' })).toHaveCount(2);
  await expect(signIns.getByRole('cell', { name: 'Signed in with a recovery code', exact: true })).toHaveCount(1);
  // Each row says when, as a machine-readable time as well.
  await expect(signIns.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);

  // An empty form says so at every field it can tell about, without asking the core…
  const current = page.getByLabel('Current password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAccessibleDescription('Enter your current password.');
  await expect(current).toBeFocused();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // The current password is checked…
  await current.fill('not my password at all');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription('The current password is not right.');
  await expect(current).toBeFocused();
  // …and guessing it is slowed down as at sign-in: a few more wrong ones, and the form says to wait.
  const changeButton = page.getByRole('button', { name: 'Change password' });
  await expect(async () => {
    await current.fill('another guess at it');
    await changeButton.click();
    await expect(current).toHaveAccessibleDescription(/^Too many failed sign-ins\. Try again in \d+ seconds?\.$/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const waitText = (await current.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent)) ?? '';
  await page.waitForTimeout((Number(/(\d+) second/.exec(waitText)?.[1] ?? 30) + 1) * 1_000);

  // …a weak new one is refused with the reason…
  await current.fill(ACCOUNT.password);
  await page.getByLabel('New password', { exact: true }).fill('password1234');
  await page.getByLabel('New password again').fill('password1234');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(current).not.toHaveAttribute('aria-invalid', 'true');

  // …and a good one is taken.
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed.' })).toBeVisible();
  await expect(current).toHaveValue('');

  // New recovery codes: asked for once more, then a fresh code from the authenticator.
  await page.getByRole('button', { name: 'New recovery codes' }).click();
  await expect(page.getByText('Your current recovery codes will stop working.')).toBeVisible();
  await page.getByRole('button', { name: 'Make new codes' }).click();
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('These are your new recovery codes.')).toBeVisible();
  const newCodes = await readRecoveryCodes(page);
  expect(newCodes.filter((code) => admin.recoveryCodes.includes(code))).toEqual([]);
  await saveScreenshot(page, testInfo, 'account-new-codes');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('list', { name: 'Recovery codes' })).toHaveCount(0);
  await expect(page.getByText('You have 10 unused recovery codes.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New recovery codes' })).toBeFocused();

  // The old password and an old recovery code no longer work; the new ones do.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, NEW_PASSWORD, admin.recoveryCodes[1]!);
  await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, newCodes[0]!);
  await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
  await signInWithCode(page, ACCOUNT.username, NEW_PASSWORD, newCodes[0]!);
  await expectHome(page);
});
