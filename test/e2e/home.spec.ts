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
