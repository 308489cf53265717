import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, type TableBlock } from '../../src/core/cards/card.model.ts';
import { CHANNEL } from '../../src/platforms/console/console.handlers.ts';
import { type OpenChromium, openChromium } from '../support/chromium.ts';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

// Issue 17: a table the card marks sortable sorts by a header click in the console (console.client.js),
// figures by their value (data-value), text by its text. Real `marginiq start` console and Chromium.

// As text these sort "-1,816.28", "10,250.00", "9,900.50": only sorting by value gives the right order.
const accounts: TableBlock = {
  type: 'table',
  caption: 'Excess by account',
  sortable: true,
  columns: ['Account', { label: 'Excess', align: 'right' }],
  rows: [
    ['beta-02', { text: '9,900.50 USD', value: 9900.5 }],
    ['Alpha-01', { text: '-1,816.28 USD', value: -1816.28 }],
    ['gamma-03', { text: '10,250.00 USD', value: 10250 }],
  ],
};
const plain: TableBlock = { ...accounts, caption: 'Plain table', sortable: false };

describe('sortable tables in the console', () => {
  let svc: ConsoleService;
  let browser: OpenChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    svc = await startConsoleService();
    browser = await openChromium();
    page = browser.page;
    await svc.gateway.post(CHANNEL, card('Book', 'info', [accounts]));
    await svc.gateway.post(CHANNEL, card('Unsorted', 'info', [plain]));
    await page.goto(svc.url);
  });

  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  const table = () => page.locator('li.msg .card', { hasText: 'Excess by account' }).locator('table');
  const column = (t: ReturnType<typeof table>, i: number) =>
    t
      .locator('tbody tr')
      .evaluateAll((rows, n) => rows.map((r) => (r as HTMLTableRowElement).cells[n]?.textContent ?? ''), i);
  const header = (t: ReturnType<typeof table>, label: string) => t.locator('thead th', { hasText: label });

  it('sorts figures by value, ascending then descending, and says so in aria-sort', async () => {
    const t = table();
    await t.waitFor();
    expect(await column(t, 0)).toEqual(['beta-02', 'Alpha-01', 'gamma-03']);
    await header(t, 'Excess').click();
    await expect.poll(() => column(t, 0)).toEqual(['Alpha-01', 'beta-02', 'gamma-03']);
    expect(await header(t, 'Excess').getAttribute('aria-sort')).toBe('ascending');
    await header(t, 'Excess').click();
    await expect.poll(() => column(t, 0)).toEqual(['gamma-03', 'beta-02', 'Alpha-01']);
    expect(await header(t, 'Excess').getAttribute('aria-sort')).toBe('descending');
    expect(await header(t, 'Account').getAttribute('aria-sort')).toBeNull();
  });

  it('sorts text columns by text, case-insensitively, and moves aria-sort to the clicked header', async () => {
    const t = table();
    await header(t, 'Account').click();
    await expect.poll(() => column(t, 0)).toEqual(['Alpha-01', 'beta-02', 'gamma-03']);
    expect(await header(t, 'Account').getAttribute('aria-sort')).toBe('ascending');
    expect(await header(t, 'Excess').getAttribute('aria-sort')).toBeNull();
    // From the keyboard as well: the header takes focus, Enter sorts.
    await header(t, 'Account').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => column(t, 0)).toEqual(['gamma-03', 'beta-02', 'Alpha-01']);
    expect(await header(t, 'Account').getAttribute('aria-sort')).toBe('descending');
  });

  it('leaves a table that is not marked sortable as it is', async () => {
    const t = page.locator('li.msg .card', { hasText: 'Plain table' }).locator('table');
    await header(t, 'Excess').click();
    await header(t, 'Excess').click();
    expect(await column(t, 0)).toEqual(['beta-02', 'Alpha-01', 'gamma-03']);
    expect(await header(t, 'Excess').getAttribute('aria-sort')).toBeNull();
  });
});
