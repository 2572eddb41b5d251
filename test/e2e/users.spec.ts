/**
 * An administrator adds a colleague (a sensitive step: a fresh code is asked for), who signs in with
 * the one-time password, must choose their own password and enrol TOTP, and sees no admin pages.
 * Disabling the colleague stops their sign-in at once, while the administrator's own unlock still
 * works. A custom role is offered and shown by its name, in the reader's language, as a built-in one.
 */
import type { Page } from '@playwright/test';
import { addColleagueAndSignIn } from './crm';
import { expect, saveScreenshot, test } from './fixtures';
import {
  ACCOUNT,
  enrolFromScreen,
  enterCode,
  expectHome,
  signInAsAdmin,
  signIn,
  signInWithCode,
  invoke,
  signOut,
  WRONG_CREDENTIALS,
  switchLanguage,
} from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const COLLEAGUE = {
  username: 'jan.jansen',
  displayName: 'Jan Jansen',
  password: 'marmalade ferry pigeon quarterly',
};

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

async function openUsers(page: Page): Promise<void> {
  await nav(page).getByRole('button', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Users' })).toBeVisible();
}

function rowOf(page: Page, username: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: username }) });
}

test('a new user signs in with a one-time password, changes it, enrols, and is stopped once disabled', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const admin = await signInAsAdmin(page);

  // Signed in with a recovery code, the second factor is not fresh: adding a user asks for a code.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, admin.recoveryCodes[0]!);
  await expectHome(page);
  await openUsers(page);
  await expect(rowOf(page, ACCOUNT.username)).toContainText('Administrator');

  await page.getByLabel('Username').fill(COLLEAGUE.username);
  await page.getByLabel('Name', { exact: true }).fill(COLLEAGUE.displayName);
  await page.getByLabel('Role').selectOption('office');
  await page.getByRole('button', { name: 'Add user' }).click();

  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(stepUp).toBeVisible();
  await expect(stepUp.getByLabel('Code')).toBeFocused();
  await saveScreenshot(page, testInfo, 'step-up');
  // A wrong code is refused inside the dialog, which stays open.
  await stepUp.getByLabel('Code').fill('000000');
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  await expect(stepUp.getByLabel('Code')).toHaveAccessibleDescription(/That code is not right/);
  await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  await expect(stepUp).toHaveCount(0);

  // The one-time password, shown once, with a note on what happens next.
  await expect(page.getByRole('heading', { name: `One-time password for ${COLLEAGUE.displayName}` })).toBeVisible();
  const oneTimePassword = await page.getByRole('textbox', { name: 'One-time password' }).inputValue();
  expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole('main')).toContainText('must change it at their first sign-in');
  const row = rowOf(page, COLLEAGUE.username);
  await expect(row).toContainText(COLLEAGUE.displayName);
  await expect(row).toContainText('Active');
  await saveScreenshot(page, testInfo, 'user-added');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('textbox', { name: 'One-time password' })).toHaveCount(0);

  // The colleague's first sign-in: a new password first (a weak one is refused, with the reason)…
  await signOut(page);
  await signIn(page, COLLEAGUE.username, oneTimePassword);
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  const newPassword = page.getByLabel('New password', { exact: true });
  await newPassword.fill('password1234');
  await page.getByLabel('New password again').fill('password1234');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'weak-password');
  await newPassword.fill(COLLEAGUE.password);
  await page.getByLabel('New password again').fill(COLLEAGUE.password);
  await page.getByRole('button', { name: 'Save password' }).click();

  // …then TOTP, then home — without the administrator's pages.
  const colleague = await enrolFromScreen(page);
  await expectHome(page);
  await expect(page.getByRole('banner')).toContainText(COLLEAGUE.displayName);
  await expect(nav(page).getByRole('button', { name: 'Account' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Users' })).toHaveCount(0);

  // The administrator disables the colleague (a code sign-in: the second factor is fresh).
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await expectHome(page);
  await openUsers(page);
  await rowOf(page, COLLEAGUE.username).getByRole('button', { name: `Disable ${COLLEAGUE.username}` }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${COLLEAGUE.displayName}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: `Disable ${COLLEAGUE.displayName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${COLLEAGUE.displayName} is disabled.` })).toBeVisible();
  await expect(rowOf(page, COLLEAGUE.username)).toContainText('Disabled');
  // A disabled account offers one thing: letting them in again.
  await expect(rowOf(page, COLLEAGUE.username).getByRole('button')).toHaveText([`Enable ${COLLEAGUE.username}`]);
  // No actions are offered on one's own account.
  await expect(rowOf(page, ACCOUNT.username).getByRole('button')).toHaveCount(0);

  // The colleague's right password and a right code no longer get in.
  await signOut(page);
  await signInWithCode(page, COLLEAGUE.username, COLLEAGUE.password, () => colleague.authenticator.nextCode());
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);

  // The administrator still signs in, locks with Ctrl+L, and unlocks with the password.
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, admin.recoveryCodes[1]!);
  await expectHome(page);
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Kluis is locked' })).toBeVisible({ timeout: 5_000 });
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);

  // The administrator lets the colleague in again: a new one-time password (the old password stays
  // dead), and the authenticator they had.
  await openUsers(page);
  await rowOf(page, COLLEAGUE.username).getByRole('button', { name: `Enable ${COLLEAGUE.username}` }).click();
  const enable = page.getByRole('dialog', { name: `Let ${COLLEAGUE.displayName} in again?` });
  await enable.getByRole('button', { name: `Enable ${COLLEAGUE.displayName}` }).click();
  const stepUpAgain = page.getByRole('dialog', { name: 'Confirm it is you' });
  const handover = page.getByRole('heading', { name: `One-time password for ${COLLEAGUE.displayName}` });
  await expect(stepUpAgain.or(handover).first()).toBeVisible();
  if (await stepUpAgain.isVisible()) {
    await stepUpAgain.getByLabel('Code').fill(await admin.authenticator.nextCode());
    await stepUpAgain.getByRole('button', { name: 'Confirm' }).click();
  }
  await expect(handover).toBeVisible();
  const again = await page.getByRole('textbox', { name: 'One-time password' }).inputValue();
  await expect(rowOf(page, COLLEAGUE.username)).toContainText('Active');
  await page.getByRole('button', { name: 'Done' }).click();

  await signOut(page);
  await signInWithCode(page, COLLEAGUE.username, COLLEAGUE.password, () => colleague.authenticator.nextCode());
  await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
  // Their authenticator still counts; then a password of their own, then home.
  await signIn(page, COLLEAGUE.username, again);
  await enterCode(page, await colleague.authenticator.nextCode());
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('weer-aan-de-slag-na-de-zomer');
  await page.getByLabel('New password again').fill('weer-aan-de-slag-na-de-zomer');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expectHome(page);
  await expect(page.getByRole('banner')).toContainText(COLLEAGUE.displayName);
});

test('cancelling the step-up dialog adds nobody and says nothing went wrong', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, admin.recoveryCodes[0]!);
  await expectHome(page);
  await openUsers(page);

  await page.getByLabel('Username').fill(COLLEAGUE.username);
  await page.getByLabel('Name', { exact: true }).fill(COLLEAGUE.displayName);
  const add = page.getByRole('button', { name: 'Add user' });
  await add.click();
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(stepUp).toBeVisible();
  // Escape cancels, and focus goes back to where it was.
  await page.keyboard.press('Escape');
  await expect(stepUp).toHaveCount(0);
  await expect(add).toBeEnabled();
  await expect(add).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(rowOf(page, COLLEAGUE.username)).toHaveCount(0);
  await expect(page.getByLabel('Username')).toHaveValue(COLLEAGUE.username);
});

test('reset password gives a new one-time password; reset two-step sign-in makes the user enrol again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Right after signing in with a code the second factor is fresh: no code is asked for yet.
  const admin = await signInAsAdmin(page);
  await openUsers(page);
  // Every problem of the form shows at once, not one per try.
  await page.getByLabel('Username').fill(COLLEAGUE.username);
  await page.getByLabel('Name', { exact: true }).fill('x'.repeat(201));
  await page.getByLabel('E-mail (optional)').fill('bad@');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Use at most 200 characters/);
  await expect(page.getByLabel('E-mail (optional)')).toHaveAccessibleDescription(/Enter a valid e-mail address/);
  await page.getByLabel('E-mail (optional)').fill('');
  await page.getByLabel('Name', { exact: true }).fill(COLLEAGUE.displayName);
  await page.getByRole('button', { name: 'Add user' }).click();
  const passwordShown = page.getByRole('textbox', { name: 'One-time password' });
  const first = await passwordShown.inputValue();
  await page.getByRole('button', { name: 'Done' }).click();

  await rowOf(page, COLLEAGUE.username).getByRole('button', { name: `Reset password ${COLLEAGUE.username}` }).click();
  const confirm = page.getByRole('dialog', { name: `Reset the password of ${COLLEAGUE.displayName}?` });
  await confirm.getByRole('button', { name: 'Reset password' }).click();
  await expect(passwordShown).toBeVisible();
  const second = await passwordShown.inputValue();
  expect(second).not.toBe(first);

  // The first one-time password is dead; the second works and must be changed.
  await signOut(page);
  await signInWithCode(page, COLLEAGUE.username, first, '123456');
  await expect(page.getByRole('alert')).toHaveText(WRONG_CREDENTIALS);
  await signIn(page, COLLEAGUE.username, second);
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(COLLEAGUE.password);
  await page.getByLabel('New password again').fill(COLLEAGUE.password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await enrolFromScreen(page);
  await expectHome(page);

  // The administrator, signed in with a recovery code, resets the colleague's second factor.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, admin.recoveryCodes[0]!);
  await openUsers(page);
  const row = rowOf(page, COLLEAGUE.username);
  await expect(row.getByRole('cell').nth(3)).toHaveText('On');
  await row.getByRole('button', { name: `Reset two-step sign-in ${COLLEAGUE.username}` }).click();
  await page
    .getByRole('dialog', { name: `Reset two-step sign-in for ${COLLEAGUE.displayName}?` })
    .getByRole('button', { name: 'Reset two-step sign-in' })
    .click();
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(stepUp).toBeVisible();
  await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Two-step sign-in of ${COLLEAGUE.displayName} is reset.` })).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText('Off');

  // At the next sign-in the colleague sets up the authenticator again.
  await signOut(page);
  await signIn(page, COLLEAGUE.username, COLLEAGUE.password);
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
});

test('a custom role is offered in Add user and shown by its name, in English and in Dutch', async ({ page }) => {
  // Right after signing in with a code the second factor is fresh: no code is asked for yet.
  await signInAsAdmin(page);
  const roles = await invoke(page, 'roles.list', {});
  const office = roles.ok ? roles.value.find((r) => r.id === 'office') : undefined;
  const saved = await invoke(page, 'roles.save', { name: { en: 'Front desk', nl: 'Balie' }, rights: office!.rights });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);

  await openUsers(page);
  await page.getByLabel('Username').fill(COLLEAGUE.username);
  await page.getByLabel('Name', { exact: true }).fill(COLLEAGUE.displayName);
  await page.getByLabel('Role').selectOption({ label: 'Front desk' });
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { name: `One-time password for ${COLLEAGUE.displayName}` })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  // The role's name where the role is shown, never its id.
  await expect(rowOf(page, COLLEAGUE.username).getByRole('cell').nth(1)).toHaveText('Front desk');

  await switchLanguage(page, 'nl');
  await expect(rowOf(page, COLLEAGUE.username).getByRole('cell').nth(1)).toHaveText('Balie');
  await expect(rowOf(page, ACCOUNT.username).getByRole('cell').nth(1)).toHaveText('Beheerder');
  await expect(page.getByLabel('Rol').getByRole('option', { name: 'Balie' })).toHaveCount(1);
});

test('a password reset for someone who set up their authenticator says it stays, and they sign in with it and a code', async ({ page }) => {
  test.setTimeout(150_000);
  const admin = await signInAsAdmin(page);
  const enrolled = await addColleagueAndSignIn(page, admin.authenticator, { ...COLLEAGUE, role: 'office' });
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await openUsers(page);
  await rowOf(page, COLLEAGUE.username).getByRole('button', { name: `Reset password ${COLLEAGUE.username}` }).click();
  await page.getByRole('dialog', { name: `Reset the password of ${COLLEAGUE.displayName}?` }).getByRole('button', { name: 'Reset password' }).click();
  const oneTime = await page.getByRole('textbox', { name: 'One-time password' }).inputValue();
  // Not "then set up two-step sign-in": the authenticator app they have goes on working.
  await expect(page.getByRole('main')).toContainText('a code from their authenticator app, which stays as it was, and must then choose their own password');

  await signOut(page);
  await signInWithCode(page, COLLEAGUE.username, oneTime, () => enrolled.authenticator.nextCode());
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
});
