/**
 * Totals where only the first few records are shown. The deal board headed every busy stage "25+"
 * (the cards it had loaded), and the home page listed five of a sales rep's 665 open tasks with no
 * word of the rest. Now a stage shows how many deals it holds, says when it shows only some, and
 * links to the Deals list on that stage; home says how many open tasks there are, how many are
 * overdue, and links to the Activities list of one's own open tasks.
 */
import { createRecord, goTo } from './crm';
import { expect, test } from './fixtures';
import { signInAsAdmin, switchLanguage } from './flows';

test.use({ install: 'provisioned' });

test('a stage on the deal board shows its number of deals and leads to the rest', async ({ page }) => {
  await signInAsAdmin(page);
  // More deals in Lead than a column loads at first (25).
  await Promise.all(Array.from({ length: 30 }, (_, i) => createRecord(page, 'deal', { title: `Lead ${String(i + 1).padStart(2, '0')}`, stage: 'lead', value_cents: 100 })));
  await createRecord(page, 'deal', { title: 'Kwalificatie A', stage: 'qualified', value_cents: 100 });
  await createRecord(page, 'deal', { title: 'Kwalificatie B', stage: 'qualified', value_cents: 100 });

  await goTo(page, 'Deals');
  await page.getByRole('main').getByRole('button', { name: 'Board' }).click();
  const lead = page.getByRole('region', { name: /^Lead/ });
  const qualified = page.getByRole('region', { name: /^Qualified/ });
  await expect(lead.getByRole('heading', { level: 3 })).toHaveText('Lead30');
  await expect(qualified.getByRole('heading', { level: 3 })).toHaveText('Qualified2');
  await expect(lead.getByRole('listitem')).toHaveCount(25);
  await expect(lead.getByText('Showing 25 of 30')).toBeVisible();
  // A column that shows all its deals says nothing more.
  await expect(qualified.getByText(/Showing/)).toHaveCount(0);
  await expect(qualified.getByRole('link', { name: /in the list/ })).toHaveCount(0);

  // Moving a deal changes both counts.
  await qualified.getByRole('combobox', { name: 'Stage of Kwalificatie A' }).selectOption('lead');
  await expect(lead.getByRole('heading', { level: 3 })).toHaveText('Lead31');
  await expect(qualified.getByRole('heading', { level: 3 })).toHaveText('Qualified1');
  await expect(lead.getByText('Showing 26 of 31')).toBeVisible();

  await switchLanguage(page, 'nl');
  await expect(lead.getByText('26 van 31 getoond')).toBeVisible();
  await switchLanguage(page, 'en');

  // The rest: the Deals list filtered on the stage.
  await lead.getByRole('link', { name: 'All deals in Lead in the list' }).click();
  await expect(page.getByRole('main').getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'Sort and filter' }).getByRole('combobox', { name: 'Stage' })).toHaveValue('lead');
  const table = page.getByRole('table', { name: 'Deals' });
  await expect(table.getByRole('link', { name: 'Kwalificatie A' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Kwalificatie B' })).toHaveCount(0);
  await expect(table).toHaveAttribute('aria-rowcount', String(31 + 1));
});

test('home says how many open tasks there are and how many are overdue, and leads to them all', async ({ page }) => {
  await signInAsAdmin(page);
  const overdue = ['Herinnering sturen', 'Offerte nabellen', 'Contract ophalen'];
  const later = ['Jaarplanning', 'Beurs voorbereiden', 'Nieuwsbrief schrijven', 'Klant bezoeken'];
  for (const [i, subject] of overdue.entries()) await createRecord(page, 'activity', { kind: 'task', subject, due_at: `2020-0${i + 1}-10`, done: false });
  for (const [i, subject] of later.entries()) await createRecord(page, 'activity', { kind: 'task', subject, due_at: `2099-0${i + 1}-10`, done: false });
  await createRecord(page, 'activity', { kind: 'task', subject: 'Al afgerond', due_at: '2020-05-01', done: true });

  await goTo(page, 'Home');
  const panel = page.getByRole('region', { name: 'My open tasks' });
  await expect(panel.getByRole('listitem')).toHaveCount(5);
  await expect(panel.getByText('5 of 7 open tasks, 3 overdue')).toBeVisible();
  await switchLanguage(page, 'nl');
  await expect(page.getByRole('region', { name: 'Mijn open taken' }).getByText('5 van 7 open taken, 3 te laat')).toBeVisible();
  await switchLanguage(page, 'en');

  await panel.getByRole('link', { name: 'All my open tasks' }).click();
  const table = page.getByRole('table', { name: 'Activities' });
  for (const subject of [...overdue, ...later]) await expect(table.getByRole('link', { name: subject })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Al afgerond' })).toHaveCount(0);
  const controls = page.getByRole('group', { name: 'Sort and filter' });
  await expect(controls.getByRole('checkbox', { name: 'Only mine' })).toBeChecked();
  // Overdue first, as on home.
  await expect(table.getByRole('row').nth(1)).toContainText('Herinnering sturen');

  // Ticked done, a task stays in view (a mis-tick can be unticked) but no longer counts as open.
  const count = page.getByRole('status').filter({ hasText: 'match the filter' });
  await expect(count).toHaveText('7 of 8 activities match the filter');
  await table.getByRole('checkbox', { name: 'Done: Offerte nabellen' }).check();
  await expect(count).toHaveText('6 of 8 activities match the filter');
  await expect(table.getByRole('link', { name: 'Offerte nabellen' })).toBeVisible();
  await table.getByRole('checkbox', { name: 'Done: Offerte nabellen' }).uncheck();
  await expect(count).toHaveText('7 of 8 activities match the filter');
  await table.getByRole('checkbox', { name: 'Done: Jaarplanning' }).check();
  await expect(count).toHaveText('6 of 8 activities match the filter');
  // Shown again, the list and its count agree.
  await goTo(page, 'Home');
  await panel.getByRole('link', { name: 'All my open tasks' }).click();
  await expect(page.getByRole('table', { name: 'Activities' }).getByRole('link', { name: 'Herinnering sturen' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Activities' }).getByRole('link', { name: 'Jaarplanning' })).toHaveCount(0);
  await expect(count).toHaveText('6 of 8 activities match the filter');
});

test('the Activities list, my open tasks first, knows its length, and End reaches its last row', async ({ page }) => {
  await signInAsAdmin(page);
  // More than the first page (100): the list chains my open tasks and then every other activity.
  for (const subject of ['Offerte sturen', 'Klant bellen']) await createRecord(page, 'activity', { kind: 'task', subject, due_at: '2030-01-10', done: false });
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
  await Promise.all(
    Array.from({ length: 120 }, (_, i) => createRecord(page, 'activity', { kind: 'call', subject: `Gesprek ${String(i + 1).padStart(3, '0')}`, due_at: day(i), done: true })),
  );

  await goTo(page, 'Activities');
  const table = page.getByRole('table', { name: 'Activities' });
  await expect(table.getByRole('row').nth(1)).toContainText(/Offerte sturen|Klant bellen/);
  // Known before the end is loaded: 122 rows and the header.
  await expect(table).toHaveAttribute('aria-rowcount', String(122 + 1));
  await table.getByRole('row').nth(1).getByRole('link').first().focus();
  await page.keyboard.press('End');
  await expect(table.getByRole('link', { name: 'Gesprek 120' })).toBeFocused();
  await expect(table).toHaveAttribute('aria-rowcount', String(122 + 1));
});
