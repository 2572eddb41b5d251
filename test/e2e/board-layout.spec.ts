/**
 * The deal board at the smallest window the app promises (1000 × 700): six stages side by side left
 * cards so narrow that ordinary Dutch deal titles broke in the middle of a word ("Adviestraj|ect")
 * and a stage's count ran into its name ("Negotiation10"). Columns now keep a readable width and
 * the board scrolls sideways instead. A compound longer than about sixteen letters still wraps.
 */
import type { Locator } from '@playwright/test';
import { DEAL_STAGES } from '../../shared/registry';
import { createRecord } from './crm';
import { expect, test } from './fixtures';
import { signInAsAdmin } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

/** The words of an element's text that the browser laid out over more than one line. */
async function brokenWords(element: Locator): Promise<string[]> {
  return element.evaluate((node) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const content = text.textContent ?? '';
      for (const match of content.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

test('deal titles and stage names on the board are not broken inside a word at the smallest window', async ({ page }) => {
  await signInAsAdmin(page);
  const titles = ['Adviestraject duurzaamheid', 'Bedrijfskleding fase 2', 'Cateringcontract 2026'];
  for (const stage of DEAL_STAGES) for (const title of titles) await createRecord(page, 'deal', { title, stage, value_cents: 1_234_500 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Deals', exact: true }).click();
  await page.getByRole('main').getByRole('button', { name: 'Board' }).click();
  const cards = page.locator('.board-card');
  await expect(cards).toHaveCount(DEAL_STAGES.length * titles.length);
  for (const card of await cards.all()) {
    await card.scrollIntoViewIfNeeded();
    expect(await brokenWords(card.getByRole('link')), await card.innerText()).toEqual([]);
  }
  // A stage's count stands apart from its name.
  for (const heading of await page.locator('.board-column-title').all()) {
    const [name, count] = await Promise.all([heading.evaluate((h) => h.firstChild?.textContent ?? ''), heading.locator('.board-count').innerText()]);
    expect(await heading.innerText()).not.toContain(`${name}${count}`);
    const nameEnd = await heading.evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h.firstChild!);
      return range.getBoundingClientRect().right;
    });
    const countStart = (await heading.locator('.board-count').boundingBox())!.x;
    expect(countStart - nameEnd).toBeGreaterThanOrEqual(4);
  }
});

test('on a laptop-wide window the board uses the room it has: all six stages in view, no sideways scroll', async ({ page }) => {
  // 1366 wide: the most common laptop screen.
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAsAdmin(page);
  await createRecord(page, 'deal', { title: 'Cateringcontract 2026', stage: 'lost', value_cents: 100 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Deals', exact: true }).click();
  await page.getByRole('main').getByRole('button', { name: 'Board' }).click();
  const board = page.locator('.board');
  await expect(page.locator('.board-card')).toHaveCount(1);
  expect(await board.evaluate((b) => b.scrollWidth - b.clientWidth)).toBeLessThanOrEqual(0);
  await expect(page.locator('.board-column').last()).toBeInViewport({ ratio: 1 });
});
