/**
 * Every control on every screen has an accessible name, so a screen-reader or voice-control user
 * can find and operate it. Checked on the setup, sign-in and home screens, with the settings open.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ACCOUNT, setUpInstall, signIn } from './flows';

const CONTROLS = 'input, button, select, textarea, a[href], [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';

async function expectEveryControlNamed(page: Page, screen: string): Promise<void> {
  // Open the settings so the language choices are checked too.
  const settings = page.getByRole('button', { name: 'Settings' });
  if ((await settings.getAttribute('aria-expanded')) !== 'true') await settings.click();

  const controls = page.locator(CONTROLS).filter({ visible: true });
  const count = await controls.count();
  expect(count, `controls on the ${screen} screen`).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    const description = await control.evaluate((element) => element.outerHTML.slice(0, 120));
    await expect(control, `${screen}: ${description}`).toHaveAccessibleName(/\S/);
  }
  await page.keyboard.press('Escape');
}

test('every input and button has an accessible name on each screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  await expectEveryControlNamed(page, 'setup');

  await setUpInstall(page);
  await expectEveryControlNamed(page, 'sign-in');

  await signIn(page, ACCOUNT.username, ACCOUNT.password);
  await expect(page.getByRole('heading', { level: 1, name: ACCOUNT.orgName })).toBeVisible();
  await expectEveryControlNamed(page, 'home');
});
