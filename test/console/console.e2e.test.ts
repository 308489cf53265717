import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.model.ts';
import { type OpenChromium, openChromium } from '../support/chromium.ts';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

// Set to a path (docs/console.png) to refresh the README's screenshot while the test runs.
const SCREENSHOT = process.env.MARGINIQ_CONSOLE_SCREENSHOT;

describe('the console in a browser', () => {
  let svc: ConsoleService;
  let browser: OpenChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    svc = await startConsoleService();
    browser = await openChromium();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  const summary = () => page.locator('li.msg .card', { hasText: 'sample-margin-statement.pdf: 1 report' });
  const report = async (): Promise<Report> => {
    const [r] = await svc.repos.reports.recent(1);
    if (!r) throw new Error('no report stored');
    return r;
  };
  const actAs = async (user: 'analyst' | 'approver' | 'admin') => {
    await page.selectOption('#user', user);
    await expect.poll(() => page.textContent('#role')).toBe(user);
    await page.locator('#status.live').waitFor();
  };

  it('uploads the sample and turns "reading…" into the summary card', async () => {
    await page.goto(svc.url);
    await page.locator('#empty').waitFor();
    await actAs('analyst');
    await page.locator('.composer [data-sample]').click();
    await page.locator('li.msg .upload', { hasText: 'sample-margin-statement.pdf' }).waitFor();
    await summary().waitFor({ timeout: 45_000 });
    await expect.poll(() => summary().locator('button[data-action="approve"]').count()).toBe(1);
    // The "reading…" reply was updated in place: one bot message in the upload's thread.
    await expect.poll(() => page.locator('li.msg .thread > li.msg').count()).toBe(1);
    expect(await summary().locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect((await report()).status).toBe('pending');
  });

  it('refuses an analyst who clicks Approve, privately, and changes nothing', async () => {
    await summary().locator('button[data-action="approve"]').click();
    const refusal = page.locator('li.msg.ephemeral', { hasText: 'Not allowed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Only visible to you');
    const r = await report();
    expect(r.status).toBe('pending');
    expect(r.decidedBy).toBeNull();
    expect(await summary().locator('button[data-action="approve"]').count()).toBe(1);
  });

  it('lets an approver correct a value in the edit dialog', async () => {
    await actAs('approver');
    // The analyst's refusal was for the analyst alone.
    expect(await page.locator('li.msg.ephemeral', { hasText: 'Not allowed' }).count()).toBe(0);
    if (SCREENSHOT) {
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await summary().scrollIntoViewIfNeeded();
      await page.screenshot({ path: SCREENSHOT });
    }
    await summary().locator('button[data-action="edit"]').click();
    const dialog = page.locator('dialog#edit');
    await dialog.waitFor();
    await dialog.locator('input[name="cash_balance"]').fill('12345.67');
    await dialog.locator('#edit-save').click();
    // The reason is required: the form says so and stays open.
    await expect.poll(() => dialog.locator('[data-err="reason"]').textContent()).not.toBe('');
    await dialog.locator('#edit-reason').fill('Cash balance misread from the statement');
    await dialog.locator('#edit-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await summary().locator('tbody tr', { hasText: '12,345.67' }).waitFor();
    expect((await report()).extracted.fields.cash_balance).toBe(12345.67);
  });

  it('approves as an approver: the row says who and when, and the card shows it', async () => {
    const before = Date.now();
    await summary().locator('button[data-action="approve"]').click();
    await summary().locator('.text', { hasText: 'Approved by @approver at' }).waitFor();
    // The decision buttons are gone; only the 👍/👎 pair every summary carries stays.
    const left = await summary()
      .locator('button[data-action]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
    expect(left.sort()).toEqual(['vote_down', 'vote_up']);
    const r = await report();
    expect(r.status).toBe('approved');
    expect(r.decidedBy).toBe('console:approver');
    expect(r.decidedAt).not.toBeNull();
    expect(Math.abs(new Date(r.decidedAt!).getTime() - before)).toBeLessThan(60_000);
    const audit = await svc.repos.audit.forEntity('margin_report', r.id);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['report.created', 'report.edited', 'report.approved']),
    );
  });

  it('keeps the channel across a page reload', async () => {
    await page.reload();
    await summary().locator('.text', { hasText: 'Approved by @approver at' }).waitFor();
  });

  it('runs a /margin command typed in the composer', async () => {
    await page.fill('#command-text', '/margin help');
    await page.press('#command-text', 'Enter');
    await page.locator('li.msg.ephemeral:has(> .avatar.person)', { hasText: '/margin help' }).waitFor();
    await page.locator('li.msg.ephemeral:has(> .avatar.bot) .card').first().waitFor();
  });
});
