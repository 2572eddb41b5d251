/**
 * Every control on every screen has an accessible name, so a screen-reader or voice-control user
 * can find and operate it. Checked on each screen a user meets — setup, sign-in, the code step,
 * enrolment, the recovery codes, home, account, users, the step-up dialog and the lock screen —
 * with the settings open where there are settings.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  ACCOUNT,
  expectHome,
  readShownSecret,
  Authenticator,
  setUpInstall,
  signIn,
  signInWithCode,
  signOut,
} from './flows';

const CONTROLS = 'input, button, select, textarea, a[href], [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';

async function expectEveryControlNamed(page: Page, screen: string, { settings = true } = {}): Promise<void> {
  // Open the settings so the language choices are checked too.
  if (settings) {
    const button = page.getByRole('button', { name: 'Settings' });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  const controls = page.locator(CONTROLS).filter({ visible: true });
  const count = await controls.count();
  expect(count, `controls on the ${screen} screen`).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    const description = await control.evaluate((element) => element.outerHTML.slice(0, 120));
    await expect(control, `${screen}: ${description}`).toHaveAccessibleName(/\S/);
  }
  // Images say what they show.
  const images = page.locator('img').filter({ visible: true });
  for (let index = 0; index < (await images.count()); index++) {
    await expect(images.nth(index), `${screen}: image`).toHaveAccessibleName(/\S/);
  }
  if (settings) await page.keyboard.press('Escape');
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

test('every input and button has an accessible name on each screen', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  await expectEveryControlNamed(page, 'setup');

  await setUpInstall(page);
  await expectEveryControlNamed(page, 'sign-in');

  await signIn(page, ACCOUNT.username, ACCOUNT.password);
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
  await expectEveryControlNamed(page, 'enrolment');
  const authenticator = new Authenticator(await readShownSecret(page));
  await page.getByLabel('Code from the app').fill(await authenticator.nextCode());
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  await expectEveryControlNamed(page, 'recovery codes');
  const recoveryCode = (await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').first().textContent())!.trim();
  await page.getByRole('checkbox', { name: 'I have stored these codes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expectHome(page);
  await expectEveryControlNamed(page, 'home');

  await nav(page).getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Recent sign-ins' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: 'New recovery codes' }).click();
  await expectEveryControlNamed(page, 'account');

  await nav(page).getByRole('button', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Security policy' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectEveryControlNamed(page, 'users');

  // The step-up dialog: after a recovery-code sign-in the second factor is not fresh.
  await signOut(page);
  await signIn(page, ACCOUNT.username, ACCOUNT.password);
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await expectEveryControlNamed(page, 'code');
  await page.getByLabel('Code', { exact: true }).fill(recoveryCode);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectHome(page);
  await nav(page).getByRole('button', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(dialog).toBeVisible();
  // Everything outside a modal dialog is inert, so only the dialog is checked.
  await expectEveryControlNamed(page, 'step-up', { settings: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Kluis is locked' })).toBeVisible();
  await expectEveryControlNamed(page, 'lock');

  // The lock screen with a code field, when the policy asks for one.
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => authenticator.nextCode());
  await expectHome(page);
  await nav(page).getByRole('button', { name: 'Users' }).click();
  await page.getByRole('checkbox', { name: 'Ask for a code to unlock' }).check();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The security policy is saved.' })).toBeVisible();
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Kluis is locked' })).toBeVisible();
  await expect(page.getByLabel('Code')).toBeVisible();
  await expectEveryControlNamed(page, 'lock with code');
});
