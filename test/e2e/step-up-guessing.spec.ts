/**
 * Someone at an unattended, unlocked window cannot guess the fresh code a sensitive step asks for:
 * after three wrong codes in a row Kluis locks itself, and says why on the lock screen.
 */
import { expect, test } from './fixtures';
import { ACCOUNT, expectHome, signInAsAdmin, signInWithCode, signOut } from './flows';

test.use({ install: 'provisioned' });

test('three wrong codes at a step-up lock Kluis, and the lock screen says why', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  // Signed in with a recovery code, the second factor is not fresh: the step below asks for a code.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, admin.recoveryCodes[0]!);
  await expectHome(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'New recovery codes' }).click();
  await page.getByRole('button', { name: 'Make new codes' }).click();

  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  for (let attempt = 1; attempt <= 2; attempt++) {
    await stepUp.getByLabel('Code').fill('000000');
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
    await expect(stepUp.getByLabel('Code')).toHaveAccessibleDescription(/That code is not right/);
  }
  await stepUp.getByLabel('Code').fill('000000');
  await stepUp.getByRole('button', { name: 'Confirm' }).click();

  await expect(page.getByRole('heading', { name: 'Kluis is locked' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Kluis locked itself after three wrong codes in a row.' })).toBeVisible();
  // The password was never wrong, so it unlocks at once; the wrong codes count on for the next code.
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
  // The new recovery codes were not made: the step never got its code.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Account' }).click();
  await expect(page.getByText('You have 9 unused recovery codes.')).toBeVisible();
});
