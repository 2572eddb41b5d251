/**
 * The navigation in two groups: the records people work in, then the tools (history, trash, import,
 * account, admin). An administrator has sixteen items, too many for one line at the smallest window
 * the app promises (1000 px); they used to wrap wherever the line ran out, so Trash sat on the
 * first line in English and on the second in Dutch. Now each group keeps a line of its own when
 * both do not fit, in either language, and they share one line when they do.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAsAdmin, switchLanguage } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

/** The distinct tops (px) of the items of a group: one value means one line. */
async function lineTops(group: Locator): Promise<number[]> {
  const tops = await group.getByRole('button').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
  return [...new Set(tops)];
}

async function expectGroups(page: Page, names: { nav: string; records: string; tools: string }, together: boolean): Promise<void> {
  const nav = page.getByRole('navigation', { name: names.nav });
  const records = nav.getByRole('list', { name: names.records });
  const tools = nav.getByRole('list', { name: names.tools });
  await expect(records.getByRole('button')).toHaveCount(7);
  await expect(tools.getByRole('button')).toHaveCount(9);
  const recordLines = await lineTops(records);
  const toolLines = await lineTops(tools);
  expect(recordLines).toHaveLength(1);
  expect(toolLines).toHaveLength(1);
  if (together) expect(toolLines[0]).toBe(recordLines[0]);
  else expect(toolLines[0]).toBeGreaterThan(recordLines[0] as number);
}

test("an administrator's navigation keeps records and tools on lines of their own, in English and Dutch", async ({ page }) => {
  await signInAsAdmin(page);
  const english = { nav: 'Main', records: 'Records', tools: 'Tools' };
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expectGroups(page, english, false);

  await switchLanguage(page, 'nl');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Prullenbak' })).toBeVisible();
  await expectGroups(page, { nav: 'Hoofdmenu', records: 'Gegevens', tools: 'Hulpmiddelen' }, false);

  // A wide window has room for both groups on one line.
  await page.setViewportSize({ width: 1800, height: 700 });
  await expectGroups(page, { nav: 'Hoofdmenu', records: 'Gegevens', tools: 'Hulpmiddelen' }, true);
});
