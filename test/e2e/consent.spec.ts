/**
 * A person withdraws their consent (GDPR art. 7(3)) and the Privacy officer records it, in Dutch:
 * the day is checked by the core and the reason shows next to the field, the consent is kept and
 * reads as withdrawn on its page and in the person's list of consents, and one Ctrl+Z takes the
 * record back.
 */
import { formatDay, todayIso } from '../../renderer/src/format';
import { longDay } from '../../shared/localDay';
import { addColleagueAndSignIn, createRecord, goTo, recordHeading, type Colleague } from './crm';
import { expect, saveScreenshot, test } from './fixtures';
import { signInAsAdmin, switchLanguage } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const PRIVACY: Colleague = { username: 'pia.privacy', displayName: 'Pia Peeters', role: 'privacy', password: 'pia-bewaakt-de-persoonsgegevens' };

const daysFromNow = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));

test('the Privacy officer records a withdrawn consent, sees it as withdrawn, and undoes it with Ctrl+Z', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const admin = await signInAsAdmin(page);
  const contact = await createRecord(page, 'contact', { first_name: 'Sanne', last_name: 'Hendriks' });
  await createRecord(page, 'consent', { contact_id: contact.id, purpose: 'Nieuwsbrief', source: 'Webformulier', given_at: daysFromNow(-7) });
  await addColleagueAndSignIn(page, admin.authenticator, PRIVACY);
  await switchLanguage(page, 'nl');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Contactpersonen', exact: true }).click();
  await page.getByRole('table', { name: 'Contactpersonen' }).getByRole('link', { name: 'Sanne Hendriks' }).click();
  await expect(recordHeading(page, 'Sanne Hendriks')).toBeVisible();
  const consents = page.getByRole('region', { name: /^Toestemmingen/ });
  await consents.getByRole('link', { name: 'Nieuwsbrief' }).click();
  await expect(recordHeading(page, 'Nieuwsbrief')).toBeVisible();
  // The officer edits no field of a consent: no Edit, only the withdrawal.
  await expect(page.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Intrekking vastleggen' }).click();
  const day = page.getByLabel('Datum van intrekking');
  await expect(day).toBeFocused();
  await expect(day).toHaveValue(todayIso());
  await expect(day).toHaveAttribute('max', todayIso());
  await expect(day).toHaveAttribute('min', daysFromNow(-7));
  const record = page.getByRole('form', { name: 'Intrekking vastleggen' }).getByRole('button', { name: 'Intrekking vastleggen' });

  // The browser helps, the core decides: a day after today, or before consent was given, is refused by field.
  await day.fill(daysFromNow(1));
  await record.click();
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  await expect(day).toHaveAccessibleDescription(/Niet na vandaag$/);
  await expect(day).toBeFocused();
  await day.fill(daysFromNow(-8));
  await record.click();
  await expect(day).toHaveAccessibleDescription(/Niet vóór de dag waarop de toestemming is gegeven$/);
  await saveScreenshot(page, testInfo, 'consent-withdrawal-refused');

  await day.fill(daysFromNow(-2));
  await record.click();
  const withdrawn = page.getByRole('status').filter({ hasText: `Ingetrokken op ${longDay(daysFromNow(-2), 'nl')}: deze toestemming staat geen verwerking meer toe.` });
  await expect(withdrawn).toBeVisible();
  // The form that had the focus is gone: the focus is on what says it is done, not lost to the page.
  await expect(withdrawn.locator('xpath=..')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Intrekking vastleggen' })).toHaveCount(0);
  // Kept: purpose, source and the day it was given are all still there.
  await expect(page.getByRole('definition').filter({ hasText: 'Webformulier' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'consent-withdrawn');

  // The person's list of consents says it too.
  await page.getByRole('button', { name: 'Terug' }).click();
  await expect(recordHeading(page, 'Sanne Hendriks')).toBeVisible();
  await expect(consents.getByRole('listitem')).toHaveText(`Nieuwsbrief (ingetrokken ${formatDay(daysFromNow(-2), 'nl')})`);

  // One Ctrl+Z takes the withdrawal back, named in Dutch.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Ongedaan gemaakt: Intrekking vastleggen van toestemming Nieuwsbrief' })).toBeVisible();
  await expect(consents.getByRole('listitem')).toHaveText('Nieuwsbrief');
  await consents.getByRole('link', { name: 'Nieuwsbrief' }).click();
  await expect(page.getByRole('button', { name: 'Intrekking vastleggen' })).toBeVisible();
  await expect(withdrawn).toHaveCount(0);
});

test('a consent is recorded from its person’s page, given today unless told otherwise, and so is an activity', async ({ page }) => {
  await signInAsAdmin(page);
  const organisation = await createRecord(page, 'organisation', { name: 'Bloemenhandel Bos' });
  await createRecord(page, 'contact', { first_name: 'Daan', last_name: 'Bos', organisation_id: organisation.id });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Daan Bos' }).click();
  await expect(recordHeading(page, 'Daan Bos')).toBeVisible();

  await page.getByRole('button', { name: 'New consent' }).click();
  await expect(page.getByRole('heading', { name: 'New consent' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Contact', exact: true })).toHaveValue('Daan Bos');
  await expect(page.getByLabel('Given at')).toHaveValue(todayIso());
  // The picker offers no day the core refuses (before 1900), and its year takes four digits, not six.
  await expect(page.getByLabel('Given at')).toHaveAttribute('min', '1900-01-01');
  await expect(page.getByLabel('Given at')).toHaveAttribute('max', '9999-12-31');
  await page.getByLabel('Purpose', { exact: true }).fill('Nieuwsbrief');
  await page.getByLabel('Source', { exact: true }).fill('Beursstand');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Nieuwsbrief')).toBeVisible();
  // Who agreed to what is its proof: an edit may correct the source and the day, not those.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Source', { exact: true })).toHaveValue('Beursstand');
  await expect(page.getByLabel('Given at')).toBeVisible();
  await expect(page.getByLabel('Purpose', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Contact', exact: true })).toHaveCount(0);
  // They stay in view as text, so the person editing sees which consent this is.
  const details = page.getByRole('region', { name: 'Information' });
  await expect(details.getByRole('definition').filter({ hasText: 'Nieuwsbrief' })).toBeVisible();
  await expect(details.getByRole('link', { name: 'Daan Bos' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).first().click();
  await page.getByRole('main').getByRole('link', { name: 'Daan Bos' }).first().click();
  await expect(page.getByRole('region', { name: /^Consents/ }).getByRole('link', { name: 'Nieuwsbrief' })).toBeVisible();

  // An activity started here links the person and their organisation.
  await page.getByRole('button', { name: 'New activity' }).click();
  await expect(page.getByRole('combobox', { name: 'Contact', exact: true })).toHaveValue('Daan Bos');
  await expect(page.getByRole('combobox', { name: 'Organisation', exact: true })).toHaveValue('Bloemenhandel Bos');
});

test('field sales record a withdrawal of a consent they recorded, as easily as they recorded it, without editing it', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await signInAsAdmin(page);
  await addColleagueAndSignIn(page, admin.authenticator, { username: 'sem.sales', displayName: 'Sem de Wit', role: 'sales', password: 'sem-rijdt-het-hele-land-rond' });
  const contact = await createRecord(page, 'contact', { first_name: 'Fenna', last_name: 'Kok' });
  await createRecord(page, 'consent', { contact_id: contact.id, purpose: 'Newsletter', source: 'Trade fair', given_at: daysFromNow(-1) });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Fenna Kok' }).click();
  await page.getByRole('region', { name: /^Consents/ }).getByRole('link', { name: 'Newsletter' }).click();
  await expect(recordHeading(page, 'Newsletter')).toBeVisible();
  // What the consent says is not theirs to change; its withdrawal is theirs to record.
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Record withdrawal' }).click();
  await page.getByRole('form', { name: 'Record withdrawal' }).getByRole('button', { name: 'Record withdrawal' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Withdrawn on ${longDay(todayIso(), 'en')}` })).toBeVisible();
});
