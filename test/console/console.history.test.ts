import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textCard } from '../../src/core/cards/card.model.ts';
import { createConsoleGateway } from '../../src/platforms/console/console.gateway.ts';
import { CHANNEL } from '../../src/platforms/console/console.handlers.ts';
import { type OpenChromium, openChromium } from '../support/chromium.ts';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

// Issue 17 item 6: the console's conversation is read back from the database. Real `marginiq start`
// (console HTTP, PGlite DATA_DIR, real extraction of the shipped sample) and Chromium.

describe('the console after a restart', () => {
  let svc: (ConsoleService & { dataDir: string }) | undefined;
  let dataDir = '';
  let browser: OpenChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await openChromium();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const summary = () => page.locator('li.msg .card', { hasText: 'sample-margin-statement.pdf: 1 report' });
  const actAs = async (user: 'analyst' | 'approver') => {
    await page.selectOption('#user', user);
    await expect.poll(() => page.textContent('#role')).toBe(user);
    await page.locator('#status.live').waitFor();
  };

  it('shows the channel as it was, and the pending summary can still be approved', async () => {
    svc = await startConsoleService({ keepData: true });
    dataDir = svc.dataDir;
    await page.goto(svc.url);
    await actAs('analyst');
    await page.locator('.composer [data-sample]').click();
    await summary().waitFor({ timeout: 45_000 });
    await expect.poll(() => summary().locator('button[data-action="approve"]').count()).toBe(1);
    await svc.stop();
    svc = undefined;

    // A new process on the same DATA_DIR, on a new port: the page is read back from the database.
    svc = await startConsoleService({ dataDir });
    await page.goto(svc.url);
    await actAs('approver');
    await page.locator('li.msg .upload', { hasText: 'sample-margin-statement.pdf' }).waitFor();
    await summary().waitFor();
    // Still one bot message in the upload's thread: the summary, not a copy of it.
    await expect.poll(() => page.locator('li.msg .thread > li.msg').count()).toBe(1);
    await summary().locator('button[data-action="approve"]').click();
    await summary().locator('.text', { hasText: 'Approved by @approver at' }).waitFor();
    const [r] = await svc.repos.reports.recent(1);
    expect(r?.status).toBe('approved');
    expect(r?.decidedBy).toBe('console:approver');
  });

  it('shows what another process on the same database posts, without a reload (a `marginiq worker`)', async () => {
    if (!svc) throw new Error('no service');
    // The worker process's console gateway: no HTTP, only the shared database (main.ts, mode worker).
    const worker = createConsoleGateway({ history: svc.repos.consoleMessages });
    const posted = await worker.post(CHANNEL, textCard('Posted by a worker', 'Reading later.pdf…'));
    await page.locator('li.msg .card', { hasText: 'Posted by a worker' }).waitFor();
    await worker.update(CHANNEL, posted.messageRef, textCard('Updated by the worker', 'later.pdf: 1 report'));
    await page.locator('li.msg .card', { hasText: 'Updated by the worker' }).waitFor();
    expect(await page.locator('li.msg .card', { hasText: 'Posted by a worker' }).count()).toBe(0);
  });
});
