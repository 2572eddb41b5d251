/**
 * The language can be switched to Dutch from the settings in the header; the whole screen follows,
 * `<html lang>` follows, and the choice is remembered across a reload.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRecord, goTo } from './crm';
import { expect, test } from './fixtures';
import { ACCOUNT, Authenticator, invoke, setUpAndEnrol, setUpInstall, switchLanguage } from './flows';

/** The language the core keeps for the app's next start, when date fields follow it. */
async function savedDisplayLanguage(dataDir: string): Promise<unknown> {
  return (JSON.parse(await readFile(path.join(dataDir, 'display.json'), 'utf8')) as { language?: unknown }).language;
}

test('switching to Nederlands shows Dutch labels and is remembered', async ({ page, preview }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const settings = page.getByRole('button', { name: 'Settings' });
  await settings.click();
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  // The browser speaks English, as do its date fields: nothing to say about them.
  await expect(page.getByText('Date fields follow this language', { exact: false })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Nederlands' }).check();
  // Date fields are drawn in the browser's language, which the app sets only when it starts: the
  // panel says so, and the choice is kept for that start.
  const dateNote = 'Datumvelden volgen deze taal vanaf de volgende keer dat Kluis start.';
  await expect(page.getByRole('group', { name: 'Taal' })).toHaveAccessibleDescription(dateNote);
  await expect.poll(() => savedDisplayLanguage(preview.dataDir)).toBe('nl');

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

  // Back to English, which the browser speaks: the note goes, and English is kept for the next start.
  await instellingen.click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('group', { name: 'Language' })).toHaveAccessibleDescription('');
  await expect.poll(() => savedDisplayLanguage(preview.dataDir)).toBe('en');
});

test('a failed sign-in in Dutch gets the Dutch generic message', async ({ page }) => {
  await setUpInstall(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Nederlands' }).check();

  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await page.getByLabel('Gebruikersnaam').fill(ACCOUNT.username);
  await page.getByLabel('Wachtwoord').fill('helemaal niet goed');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  // Even a wrong password is followed by the code step; the failure is told after it.
  await expect(page.getByRole('heading', { name: 'Vul je code in' })).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Doorgaan' }).click();
  await expect(page.getByRole('alert')).toHaveText('Onjuiste gebruikersnaam, wachtwoord of code');
});

test('enrolment, the shell, the account page and the lock screen speak Dutch', async ({ page }) => {
  await setUpInstall(page);
  await switchLanguage(page, 'nl');

  await page.getByLabel('Gebruikersnaam').fill(ACCOUNT.username);
  await page.getByLabel('Wachtwoord').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Tweestapsaanmelding instellen' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR-code die Kluis toevoegt aan je authenticator-app' })).toBeVisible();
  const secret = (await page.getByLabel('Sleutel om zelf in te typen').inputValue()).replace(/\s+/g, '');
  await page.getByLabel('Code uit de app').fill(await new Authenticator(secret).nextCode());
  await page.getByRole('button', { name: 'Tweestapsaanmelding aanzetten' }).click();

  await expect(page.getByRole('heading', { name: 'Bewaar je herstelcodes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem')).toHaveCount(10);
  // The file is named in the reader's language too.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Opslaan als bestand' }).click();
  expect((await downloading).suggestedFilename()).toBe('kluis-herstelcodes.txt');
  await page.getByRole('checkbox', { name: 'Ik heb deze codes bewaard' }).check();
  await page.getByRole('button', { name: 'Doorgaan' }).click();

  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('button', { name: 'Start' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('button', { name: 'Gebruikers' })).toBeVisible();
  await nav.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Je account' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recente aanmeldingen' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Aangemeld' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Kluis is vergrendeld' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ontgrendelen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
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

test('the CRM screens speak Dutch: lists, forms with their purposes, money and dates', async ({ page }) => {
  await setUpAndEnrol(page);
  const organisation = await invoke(page, 'records.create', { entity: 'organisation', values: { name: 'Bakkerij Jansen' } });
  if (!organisation.ok) throw new Error(organisation.error.message);
  await invoke(page, 'records.create', {
    entity: 'deal',
    values: { title: 'Broodlevering', organisation_id: organisation.value.id, stage: 'proposal', value_cents: 125_050, expected_close: '2026-03-31' },
  });
  await switchLanguage(page, 'nl');

  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('button', { name: 'Deals' }).click();
  const deals = page.getByRole('table', { name: 'Deals' });
  const row = deals.getByRole('row').filter({ hasText: 'Broodlevering' });
  await expect(row).toContainText('Offerte');
  await expect(row).toContainText('€ 1.250,50');
  await expect(row).toContainText('31 mrt 2026');
  await expect(deals.getByRole('columnheader', { name: 'Verwachte afronding' })).toBeVisible();

  // Deleting says what it does in Dutch, and so does the toast after it.
  await deals.getByRole('link', { name: 'Broodlevering' }).click();
  await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
  await page.getByRole('dialog', { name: 'Broodlevering verwijderen?' }).getByRole('button', { name: 'Deal naar prullenbak' }).click();
  await expect(page.getByRole('region', { name: 'Melding' }).filter({ hasText: 'Deal naar de prullenbak verplaatst' }).getByRole('button', { name: 'Ongedaan maken' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Geschiedenis' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Prullenbak' })).toBeVisible();

  await nav.getByRole('button', { name: 'Contactpersonen' }).click();
  await page.getByRole('button', { name: 'Nieuwe contactpersoon' }).click();
  await expect(page.getByLabel('Voornaam')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Waarom we dit vragen: Weten waarover de persoon beslist' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Zoeken' })).toHaveAttribute('placeholder', 'Zoeken (Ctrl+K)');
});

test('the core’s own refusals are in Dutch too: a file that is not text, and a row that will not be imported', async ({ page }) => {
  await setUpAndEnrol(page);
  await switchLanguage(page, 'nl');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Importeren' }).click();
  await page.getByLabel('CSV- of tekstbestand').setInputFiles({ name: 'foto.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x00]) });
  // The page's words and the core's reason, both in Dutch; nothing of the English reason is left.
  await expect(page.getByRole('alert')).toHaveText('Dit bestand kan niet worden geïmporteerd: Dit is geen CSV-bestand: het bevat binaire gegevens.');

  // A row the core refuses is named with its reason in Dutch: the field's Dutch label and the reason.
  const csv = ['Voornaam;Achternaam;E-mail', 'Anna;de Vries;anna@example.nl', 'Joke;Bakker;geen-adres'].join('\r\n');
  await page.getByLabel('CSV- of tekstbestand').setInputFiles({ name: 'klanten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Regels controleren' }).click();
  const problems = page.getByRole('region', { name: 'Regels die niet worden geïmporteerd' });
  await expect(problems.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3', exact: true }) })).toContainText(
    'E-mailadres: Geen geldig e-mailadres',
  );

  // A refusal on screen follows a switch of language: the page keeps the core's error, not its words.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Importeren' }).click();
  await page.getByLabel('CSV- of tekstbestand').setInputFiles({ name: 'foto.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x00]) });
  await expect(page.getByRole('alert')).toHaveText('Dit bestand kan niet worden geïmporteerd: Dit is geen CSV-bestand: het bevat binaire gegevens.');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('alert')).toHaveText('This file cannot be imported: This is not a CSV file: it contains binary data.');
});

test('a reason under a field follows a switch of language: the form keeps the core’s reason, not its words', async ({ page }) => {
  await setUpAndEnrol(page);
  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('First name').fill('Joke');
  await page.getByLabel('Last name').fill('Bakker');
  await page.getByLabel('E-mail', { exact: true }).fill('geen-adres');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Not a valid e-mail address')).toBeVisible();

  await switchLanguage(page, 'nl');
  await expect(page.getByText('Geen geldig e-mailadres')).toBeVisible();
  await expect(page.getByText('Not a valid e-mail address')).toHaveCount(0);
  await expect(page.getByLabel('E-mailadres', { exact: true })).toHaveValue('geen-adres');
});

test('the sort control names the fields a list sorts by, as its columns do, in both languages', async ({ page }) => {
  await setUpAndEnrol(page);
  const options = (label: string) => page.getByRole('main').getByRole('combobox', { name: label }).locator('option');

  await goTo(page, 'Invoices');
  await expect(options('Sort by')).toHaveText(['Due date', 'Number']);
  await goTo(page, 'Activities');
  await expect(options('Sort by')).toHaveText(['Due', 'Subject']);

  await switchLanguage(page, 'nl');
  await expect(options('Sorteren op')).toHaveText(['Datum', 'Onderwerp']);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Facturen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Facturen' })).toBeVisible();
  await expect(options('Sorteren op')).toHaveText(['Vervaldatum', 'Nummer']);
});

test('a value the wall refuses by its length is said in the reader’s language, not in the schema’s English', async ({ page }) => {
  await page.goto('/');
  await switchLanguage(page, 'nl');
  await page.getByLabel('Naam van de organisatie').fill('B'.repeat(201));
  await page.getByLabel('Gebruikersnaam van de beheerder').fill('anna.admin');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('zeven-zeeen-zouten-zee');
  await page.getByLabel('Wachtwoord nogmaals').fill('zeven-zeeen-zouten-zee');
  await page.getByRole('button', { name: 'Kluis instellen' }).click();
  await expect(page.getByText('Gebruik hoogstens 200 tekens')).toBeVisible();
  await expect(page.getByText(/Too big/)).toHaveCount(0);

  await switchLanguage(page, 'en');
  await expect(page.getByText('Use at most 200 characters')).toBeVisible();
});

test('the home page counts in Dutch grammar: 1 organisatie, 2 contactpersonen', async ({ page }) => {
  await setUpAndEnrol(page);
  await createRecord(page, 'organisation', { name: 'Bakkerij van Dijk' });
  await createRecord(page, 'contact', { last_name: 'Jansen' });
  await createRecord(page, 'contact', { last_name: 'Bakker' });
  await switchLanguage(page, 'nl');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Contactpersonen', exact: true }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Start', exact: true }).click();
  const overview = page.getByRole('region', { name: 'Je gegevens' });
  await expect(overview.getByRole('link', { name: '1 Organisatie', exact: true })).toBeVisible();
  await expect(overview.getByRole('link', { name: '2 Contactpersonen', exact: true })).toBeVisible();
});
