/**
 * Locking (issue 3): Ctrl+L and the Lock button lock at once; the core locks by itself after the
 * policy's idle time; while locked the core answers LOCKED; the password unlocks. The lock screen
 * replaces the signed-in screens whole, so nothing they showed stays in the page.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { ACCOUNT, expectHome, invoke, signInAsAdmin, signInWithCode, signOut } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const LOCK_HEADING = 'Kluis is locked';

test('Ctrl+L locks at once and drops the page; the password unlocks', async ({ page }, testInfo) => {
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Recent sign-ins' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Signed in' }).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'account');

  await page.keyboard.press('Control+L');
  // The default policy locks after minutes; only the shortcut can have locked this fast.
  await expect(page.getByRole('heading', { name: LOCK_HEADING })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByText('Recent sign-ins')).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('heading', { name: ACCOUNT.orgName })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(ACCOUNT.username);
  await saveScreenshot(page, testInfo, 'locked');

  const whileLocked = await invoke(page, 'install.status', {});
  expect(whileLocked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

  // A wrong password keeps it locked.
  await page.getByLabel('Password').fill('not my password at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong password');
  await expect(page.getByRole('heading', { name: LOCK_HEADING })).toBeVisible();
  // The field is marked and reads the reason with its own description, for a screen reader's user.
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/Wrong password$/);

  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
  const afterUnlock = await invoke(page, 'install.status', {});
  expect(afterUnlock.ok).toBe(true);

  // The Lock button in the header does the same.
  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: LOCK_HEADING })).toBeVisible({ timeout: 5_000 });

  // From the lock screen, someone else can sign in instead.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the lock screen has the password field focused: typing the password and Enter unlocks', async ({ page }) => {
  await signInAsAdmin(page);
  await page.keyboard.press('Control+L');
  const heading = page.getByRole('heading', { level: 1, name: LOCK_HEADING });
  await expect(heading).toBeVisible({ timeout: 5_000 });
  // The field, not the heading, has the focus; it is named, and described by what the screen is.
  const password = page.getByRole('textbox', { name: 'Password' });
  await expect(password).toBeFocused();
  await expect(heading).not.toBeFocused();
  await expect(password).toHaveAccessibleDescription(new RegExp(`^${LOCK_HEADING} .*Enter your password to continue`));

  await page.keyboard.type('not my password at all');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Wrong password');
  // After a wrong one, the field is ready again.
  await expect(password).toBeFocused();

  await page.keyboard.type(ACCOUNT.password);
  await page.keyboard.press('Enter');
  await expectHome(page);
});

test('the core locks by itself after the idle time; calls then answer LOCKED', async ({ page }) => {
  const { authenticator } = await signInAsAdmin(page);
  // A sign-in with a code makes the second factor fresh, so the policy change needs no step-up.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => authenticator.nextCode());
  await expectHome(page);

  const policy = await invoke(page, 'policy.update', { idleLockSeconds: 5 });
  expect(policy).toMatchObject({ ok: true, value: { idleLockSeconds: 5 } });

  // Nobody touches the page now; the lock screen must come by itself.
  await expect(page.getByRole('heading', { name: LOCK_HEADING })).toBeVisible({ timeout: 30_000 });
  const whileLocked = await invoke(page, 'install.status', {});
  expect(whileLocked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
});

test('a lock drops a half-filled form, and the unlock says so once', async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('First name').fill('Half');
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: LOCK_HEADING })).toBeVisible({ timeout: 5_000 });
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
  const lost = page.getByText('What you were typing when Kluis locked was not saved', { exact: false });
  await expect(lost).toBeVisible();
  // Said once: gone with the next page, and not after a lock with nothing typed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts', exact: true }).click();
  await expect(lost).toHaveCount(0);
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: LOCK_HEADING })).toBeVisible({ timeout: 5_000 });
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
  await expect(lost).toHaveCount(0);
});
