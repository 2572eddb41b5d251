/** The home page's own open tasks: one past its day says so in words, not only in colour. */
import { expect, test } from './fixtures';
import { createRecord, goTo } from './crm';
import { signInAsAdmin } from './flows';

test.use({ install: 'provisioned' });

test('my open tasks say which are overdue', async ({ page }) => {
  await signInAsAdmin(page);
  await createRecord(page, 'activity', { kind: 'task', subject: 'Chase the late payment', due_at: '2025-11-03', done: false });
  await createRecord(page, 'activity', { kind: 'task', subject: 'Send the quote', due_at: '2030-01-15', done: false });
  await goTo(page, 'Home');
  const tasks = page.getByRole('region', { name: 'My open tasks' }).getByRole('listitem');
  await expect(tasks.filter({ hasText: 'Chase the late payment' })).toContainText('overdue');
  await expect(tasks.filter({ hasText: 'Send the quote' })).toBeVisible();
  await expect(tasks.filter({ hasText: 'Send the quote' })).not.toContainText('overdue');
});

test('a note made on the Activities page is done, so it is not among my open tasks; a task is', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Activities');
  await page.getByRole('button', { name: 'New activity' }).click();
  // Opened to fill in: the keyboard is in its first field.
  await expect(page.getByRole('combobox', { name: /^Type/ })).toBeFocused();
  const done = page.getByRole('checkbox', { name: /^Done/ });
  await expect(done).not.toBeChecked();
  // A note records what happened: choosing it ticks Done, a task again unticks it.
  await page.getByRole('combobox', { name: /^Type/ }).selectOption({ label: 'Note' });
  await expect(done).toBeChecked();
  await page.getByRole('combobox', { name: /^Type/ }).selectOption({ label: 'Task' });
  await expect(done).not.toBeChecked();
  await page.getByRole('combobox', { name: /^Type/ }).selectOption({ label: 'Note' });
  await page.getByLabel('Subject').fill('Spoke about the renewal');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Spoke about the renewal' })).toBeVisible();

  await goTo(page, 'Activities');
  await page.getByRole('button', { name: 'New activity' }).click();
  await page.getByLabel('Subject').fill('Send the contract');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Send the contract' })).toBeVisible();

  await goTo(page, 'Home');
  const panel = page.getByRole('region', { name: 'My open tasks' });
  await expect(panel.getByRole('link', { name: 'Send the contract' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Spoke about the renewal' })).toHaveCount(0);
});
