/**
 * The language can be switched to Dutch from the settings in the header; the whole screen follows,
 * `<html lang>` follows, and the choice is remembered across a reload.
 */
import { expect, test } from './fixtures';
import { ACCOUNT, setUpInstall } from './flows';

test('switching to Nederlands shows Dutch labels and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const settings = page.getByRole('button', { name: 'Settings' });
  await settings.click();
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('radio', { name: 'Nederlands' }).check();

  await expect(page.getByRole('heading', { name: 'Kluis instellen' })).toBeVisible();
  await expect(page.getByLabel('Naam van de organisatie')).toBeVisible();
  await expect(page.getByLabel('Gebruikersnaam van de beheerder')).toBeVisible();
  await expect(page.getByLabel('Wachtwoord nogmaals')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  // Escape closes the panel and gives focus back to its button, now named in Dutch.
  await page.keyboard.press('Escape');
  const instellingen = page.getByRole('button', { name: 'Instellingen' });
  await expect(instellingen).toHaveAttribute('aria-expanded', 'false');
  await expect(instellingen).toBeFocused();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kluis instellen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('a failed sign-in in Dutch gets the Dutch generic message', async ({ page }) => {
  await setUpInstall(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Nederlands' }).check();

  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill(ACCOUNT.username);
  await page.getByLabel('Wachtwoord').fill('helemaal niet goed');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText('Onjuiste gebruikersnaam of wachtwoord');
});

test('a Dutch browser starts in Dutch', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'nl-NL', baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Kluis instellen' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  } finally {
    await context.close();
  }
});
