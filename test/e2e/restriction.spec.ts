/**
 * Restriction of processing (GDPR art. 18) on a person's page: the privacy officer restricts on a
 * ground they choose, everyone then reads that the data is kept as it is, nobody edits, deletes or
 * erases the person, an export leaves them out and says so, and the officer lifts it after a
 * warning to tell the person first. The History page takes each step back.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { addColleagueAndSignIn, createRecord, goTo, recordHeading, type Colleague } from './crm';
import { ACCOUNT, expectHome, signInAsAdmin, signInWithCode, signOut, switchLanguage } from './flows';
import { todayIso } from '../../renderer/src/format';
import { longDay } from '../../shared/localDay';

test.use({ install: 'provisioned' });

const PRIVACY: Colleague = { username: 'pia.privacy', displayName: 'Pia de Wit', role: 'privacy', password: 'pia-bewaakt-de-gegevens-zorgvuldig' };

test('the privacy officer restricts a person; the data is then kept as it is for everyone, left out of exports, and lifted again', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Rita', last_name: 'Rechter', job_title: 'Advocaat' });
  await createRecord(page, 'contact', { first_name: 'Gerrit', last_name: 'Gewoon' });
  await addColleagueAndSignIn(page, admin.authenticator, PRIVACY);

  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Rita Rechter' }).click();
  await expect(recordHeading(page, 'Rita Rechter')).toBeVisible();
  await page.getByRole('button', { name: 'Restrict processing' }).click();
  const form = page.getByRole('form', { name: 'Restrict processing' });
  const grounds = form.getByRole('group', { name: 'Ground for the restriction' });
  await expect(grounds.getByRole('radio')).toHaveCount(4);
  // The first ground has the keyboard; without a choice, the form says what is missing.
  await expect(grounds.getByRole('radio').first()).toBeFocused();
  await form.getByRole('button', { name: 'Restrict processing' }).click();
  await expect(form.getByText('Choose the ground the person gave.')).toBeVisible();
  await saveScreenshot(page, testInfo, 'restriction-form');
  await grounds.getByRole('radio', { name: 'The person contests that the data is correct' }).check();
  await form.getByRole('button', { name: 'Restrict processing' }).click();

  const notice = page.getByRole('status').filter({ hasText: 'Processing restricted since' });
  await expect(notice).toContainText(`Processing restricted since ${longDay(todayIso(), 'en')} (GDPR art. 18).`);
  await expect(notice).toContainText('Ground: The person contests that the data is correct.');
  // The keyboard is on what took the form's place: the notice, read out.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Processing restricted since');
  // Kept as it is: not even the officer erases a person they restricted.
  await expect(page.getByRole('button', { name: 'Erase personal data' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lift restriction' })).toBeVisible();
  // The restriction is this notice, not two more lines among the person's details.
  await expect(page.getByRole('region', { name: 'Information' }).getByText('Processing restricted since')).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'restriction');

  // One step in the history, which takes it back and puts it again.
  await goTo(page, 'History');
  const journal = page.getByRole('table', { name: 'Your recent changes' });
  await expect(journal.getByRole('row').nth(1)).toContainText('Restrict processing of contact Rita Rechter');
  await page.getByRole('main').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(journal.getByRole('row').nth(1)).toContainText('Undone');
  await page.getByRole('main').getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(journal.getByRole('row').nth(1)).toContainText('Done');

  // Office work meets it: the administrator reads the restriction, and cannot edit or delete.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await expectHome(page);
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Rita Rechter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Processing restricted since' })).toContainText('it cannot be changed, deleted or exported');
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Restrict processing' })).toHaveCount(0);
  // No new deal with her (the core refuses the link); a call about her request may still be logged.
  await expect(page.getByRole('button', { name: 'New deal' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New activity' })).toBeVisible();
  await switchLanguage(page, 'nl');
  await expect(page.getByRole('status').filter({ hasText: 'Verwerking beperkt sinds' })).toContainText('Grond: De persoon betwist dat de gegevens juist zijn.');
  await switchLanguage(page, 'en');

  // The export leaves her out, and says so.
  await goTo(page, 'Contacts');
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('main').getByRole('button', { name: 'Export' }).click();
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  const done = page.getByText('1 contact exported to', { exact: false });
  await expect(stepUp.or(done).first()).toBeVisible();
  if (await stepUp.isVisible()) {
    await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
  }
  const download = await downloading;
  await expect(done).toContainText('1 person whose processing is restricted (GDPR art. 18) was left out.');
  const { readFile } = await import('node:fs/promises');
  const csv = (await readFile(await download.path())).toString('utf8');
  expect(csv).toContain('Gewoon');
  expect(csv).not.toContain('Rechter');

  // Ticked with another for deletion, she stops the whole deletion, and the dialog says how to go on.
  const list = page.getByRole('main');
  await list.getByRole('checkbox', { name: 'Select Rita Rechter' }).check();
  await list.getByRole('checkbox', { name: 'Select Gerrit Gewoon' }).check();
  await list.getByRole('button', { name: 'Delete selected (2)' }).click();
  const refused = page.getByRole('dialog');
  await expect(refused).toContainText('Processing of the data of Rita Rechter has been restricted since');
  await expect(refused).toContainText('Nothing was deleted. Untick it in the list to delete the others.');
  await refused.getByRole('button', { name: 'Cancel' }).click();
});

test('lifting asks first and says to tell the person; then the record can be changed again', async ({ page }) => {
  test.setTimeout(150_000);
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Lies', last_name: 'Later' });
  await addColleagueAndSignIn(page, admin.authenticator, PRIVACY);
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Lies Later' }).click();
  await page.getByRole('button', { name: 'Restrict processing' }).click();
  await page.getByRole('radio', { name: 'The person objected; the check of our grounds is pending' }).check();
  await page.getByRole('form', { name: 'Restrict processing' }).getByRole('button', { name: 'Restrict processing' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Processing restricted since' })).toBeVisible();

  await page.getByRole('button', { name: 'Lift restriction' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lift the restriction on Lies Later?' });
  await expect(dialog).toContainText('Tell the person before you lift it (GDPR art. 18(3)).');
  // Cancel has the keyboard: a hasty Enter lifts nothing.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Processing restricted since' })).toBeVisible();
  await page.getByRole('button', { name: 'Lift restriction' }).click();
  await dialog.getByRole('button', { name: 'Lift restriction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Processing restricted since' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'The restriction is lifted:' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restrict processing' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Erase personal data' })).toBeVisible();
});
