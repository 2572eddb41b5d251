/**
 * CSV import (issue 4): a file with a column Kluis has no field for stores none of it and names it
 * as left out, at the mapping, in the preview and in the summary; the rest is imported. A file that
 * is not a CSV text gets the core's clear refusal at the first step.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { signInAsAdmin } from './flows';
import { createRecord, goTo } from './crm';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const CSV = [
  'First name,Last name,E-mail,Organisation,BSN,Religion',
  'Anna,de Vries,anna.devries@example.nl,Bakkerij Jansen,123456782,none',
  'Piet,Jansen,piet.jansen@example.nl,Bakkerij Jansen,987654321,none',
  'Joke,Bakker,not-an-email,Bakkerij Jansen,111222333,none',
].join('\n');

test('an import leaves out unknown columns, names them, and imports the rest', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  await goTo(page, 'Import');
  await expect(page.getByRole('heading', { level: 3, name: 'Step 1: Choose a file' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Contacts' })).toBeChecked();

  // Not a text file: refused at the first step with the core's reason.
  await page.getByLabel('CSV or text file').setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x00]) });
  await expect(page.getByRole('alert')).toContainText('This file cannot be imported:');
  await expect(page.getByRole('heading', { level: 3, name: 'Step 1: Choose a file' })).toBeVisible();

  await page.getByLabel('CSV or text file').setInputFiles({ name: 'klanten.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await expect(page.getByRole('heading', { level: 3, name: 'Step 2: Match the columns' })).toBeVisible();
  // Headers are matched to fields by name; the unknown ones are left out.
  await expect(page.getByLabel('Field for the column First name')).toHaveValue('first_name');
  await expect(page.getByLabel('Field for the column E-mail')).toHaveValue('email');
  await expect(page.getByLabel('Field for the column BSN')).toHaveValue('');
  await expect(page.getByLabel('Field for the column Religion')).toHaveValue('');
  await expect(page.getByText('2 columns left out: BSN, Religion')).toBeVisible();
  await saveScreenshot(page, testInfo, 'import-mapping');

  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Step 3: Check' })).toBeVisible();
  await expect(page.getByText('2 columns left out: BSN, Religion')).toBeVisible();
  // The bad row is named by its number (the header is row 1).
  const problems = page.getByRole('region', { name: 'Rows that will not be imported' });
  await expect(problems.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4', exact: true }) })).toBeVisible();
  // The table has a name of its own, and the sample says it shows the file, not what will be stored.
  await expect(problems.getByRole('table', { name: 'Rows that will not be imported' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'The first rows of the file, as they are written in it' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'import-preview');

  await page.getByRole('button', { name: /^Import 2 rows$/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Step 5: Summary' })).toBeVisible();
  await expect(page.getByRole('definition').first()).toHaveText('2');
  await expect(page.getByText('2 columns left out: BSN, Religion')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rows that failed' })).toContainText('4');
  await expect(page.locator('.summary-list > div').filter({ has: page.getByRole('term').filter({ hasText: 'Rows with a problem' }) }).getByRole('definition')).toHaveText('1');
  await saveScreenshot(page, testInfo, 'import-summary');

  await page.getByRole('button', { name: 'Open Contacts' }).click();
  const contacts = page.getByRole('table', { name: 'Contacts' });
  await expect(contacts.getByRole('link', { name: 'Anna de Vries' })).toBeVisible();
  await expect(contacts.getByRole('link', { name: 'Piet Jansen' })).toBeVisible();
  await expect(contacts.getByRole('link', { name: 'Joke Bakker' })).toHaveCount(0);
  // The left-out values were not stored anywhere the search can find.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('123456782');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found for “123456782”.' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A file whose rows are all known already or wrong: the count leaves out what will be skipped, and at 0 there is nothing to press.
  await goTo(page, 'Import');
  // A row without an address is the person already there by name and organisation.
  const again = [
    'First name,Last name,E-mail,Organisation',
    'Anna,de Vries,ANNA.DEVRIES@example.nl,',
    'Geen,,geen@example.nl,',
    'Els,Bos,els.bos@example.nl,',
    'piet,jansen,,bakkerij jansen',
  ].join('\n');
  await page.getByLabel('CSV or text file').setInputFiles({ name: 'nogmaals.csv', mimeType: 'text/csv', buffer: Buffer.from(again, 'utf8') });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Step 3: Check' })).toBeVisible();
  const known = page.getByRole('region', { name: 'People already in Kluis or earlier in the file (2)' });
  await expect(known.getByRole('listitem')).toHaveText(['Row 2: ANNA.DEVRIES@example.nl', 'Row 5: piet jansen, bakkerij jansen']);
  await expect(page.getByRole('button', { name: /^Import 1 row \(2 duplicates skipped\)$/ })).toBeEnabled();
  await page.getByRole('radio', { name: 'Merge them into the existing record' }).check();
  await expect(page.getByRole('button', { name: /^Import 3 rows$/ })).toBeEnabled();
  await page.getByRole('button', { name: 'Back to the columns' }).click();
  await page.getByLabel('Field for the column E-mail').selectOption('');
  await page.getByLabel('Field for the column Last name').selectOption('first_name');
  await page.getByLabel('Field for the column First name').selectOption('');
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('button', { name: /^Import 0 rows$/ })).toBeDisabled();
  await expect(page.getByText('No row can be imported: every row has a problem or is skipped as a duplicate.')).toBeVisible();
});

test('a file without a column every row needs counts each of its rows as a row with a problem, and names the column once', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Import');
  const csv = 'Voornaam;E-mailadres;Geboortedatum\nAnna;anna@example.nl;01-02-1980\nPiet;piet@example.nl;\nJoke;joke@example.nl;\n';
  await page.getByLabel('CSV or text file').setInputFiles({ name: 'zonder-achternaam.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  // The administrator sees dates of birth masked, so may not fill one in: that column is left out, and it says why.
  const why = page.getByText('The column “Geboortedatum” is left out: it holds Date of birth, a field you may not fill in.');
  await expect(why).toBeVisible();
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(why).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Step 3: Check' })).toBeVisible();
  const count = (term: string) => page.locator('.summary-list > div').filter({ has: page.getByRole('term').filter({ hasText: term }) }).getByRole('definition');
  await expect(count('Rows in the file')).toHaveText('3');
  await expect(count('Rows that can be imported')).toHaveText('0');
  await expect(count('Rows with a problem')).toHaveText('3');
  const problems = page.getByRole('region', { name: 'Rows that will not be imported' });
  await expect(problems.getByRole('row')).toHaveCount(2); // the header row and the one line naming the column
  await expect(problems).toContainText('Last name: no column is mapped to it, and every contact needs one');
});

test('undoing an import that merged says how many records went and how many took their earlier values again', async ({ page }) => {
  await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Anna', last_name: 'de Vries', email: 'anna.devries@example.nl' });
  await goTo(page, 'Import');
  const file = ['First name,Last name,E-mail,Phone', 'Anna,de Vries,ANNA.DEVRIES@example.nl,06 12345678', 'Els,Bos,els.bos@example.nl,06 87654321'].join('\n');
  await page.getByLabel('CSV or text file').setInputFiles({ name: 'aanvulling.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await page.getByRole('radio', { name: 'Merge them into the existing record' }).check();
  await page.getByRole('button', { name: /^Import 2 rows$/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Step 5: Summary' })).toBeVisible();

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Import 2 contacts — 1 contact removed, 1 contact with earlier values again.' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status').filter({ hasText: 'Redone: Import 2 contacts — 1 contact back, 1 contact with the changed values again.' })).toBeVisible();
});

test('Ctrl+Z while an import runs is refused with the reason, and undoes the whole import once it has finished', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await goTo(page, 'Import');
  const rows = ['First name,Last name,E-mail'];
  for (let i = 0; i < 6_000; i++) rows.push(`Import,Klant${i},klant${i}@groot.example`);
  await page.getByLabel('CSV or text file').setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n'), 'utf8') });
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await page.getByRole('button', { name: /^Import 6,000 rows$/ }).click();
  // The first batch is in and the run goes on: Ctrl+Z on the running step takes back none of it.
  await expect(page.getByText(/^(?:500|[1-4],\d{3}) of 6,000 rows$/)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Not undone: An import is still running; wait for it to finish or cancel it, then undo.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Step 5: Summary' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('definition').first()).toHaveText('6,000');

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /^Undone: Import 6,000 contacts/ })).toBeVisible();
});
