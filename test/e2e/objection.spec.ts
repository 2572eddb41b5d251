/**
 * An objection to direct marketing (GDPR art. 21(2)-(3)) on a person's page: whoever takes the call
 * fills in the day in the person's form, and from then on everyone who opens the person reads first
 * that they are to be left out of every campaign and mailing. A day after today is refused.
 */
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, createRecord, goTo, recordHeading, type Colleague } from './crm';
import { signInAsAdmin } from './flows';
import { todayIso } from '../../renderer/src/format';
import { longDay } from '../../shared/localDay';

test.use({ install: 'provisioned' });

test('an objection to direct marketing is a day in the person’s form, and their page says it first', async ({ page }) => {
  await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Bea', last_name: 'Bezwaar' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Bea Bezwaar' }).click();
  await expect(recordHeading(page, 'Bea Bezwaar')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No direct marketing' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const day = page.getByRole('region', { name: 'Information' }).getByLabel('Objected to direct marketing on', { exact: true });
  // The picker offers no day after today.
  await expect(day).toHaveAttribute('max', todayIso());
  await day.fill(todayIso());
  await page.getByRole('button', { name: 'Save changes' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'No direct marketing' });
  await expect(notice).toHaveText(
    `No direct marketing: this person objected on ${longDay(todayIso(), 'en')} (GDPR art. 21). Leave them out of every campaign, newsletter and sales mailing, until they tell you otherwise.`,
  );
});

const PRIVACY: Colleague = { username: 'pia.privacy', displayName: 'Pia de Wit', role: 'privacy', password: 'pia-bewaakt-de-gegevens-zorgvuldig' };

test('the privacy officer, who edits no one, records an objection on the person’s page, and Ctrl+Z takes it back', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Olaf', last_name: 'Ogen' });
  await addColleagueAndSignIn(page, admin.authenticator, PRIVACY);
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Olaf Ogen' }).click();
  await expect(recordHeading(page, 'Olaf Ogen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Record objection to direct marketing' }).click();
  const form = page.getByRole('form', { name: 'Record objection to direct marketing' });
  const day = form.getByLabel('Day of the objection');
  await expect(day).toBeFocused();
  await expect(day).toHaveValue(todayIso());
  await expect(day).toHaveAttribute('max', todayIso());
  await form.getByRole('button', { name: 'Record objection to direct marketing' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'No direct marketing' });
  await expect(notice).toContainText(`this person objected on ${longDay(todayIso(), 'en')}`);
  await expect(page.getByRole('button', { name: 'Record objection to direct marketing' })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record objection to direct marketing' })).toBeVisible();
});
