/**
 * Issue 17: screenshots of the console's native surfaces for the README, taken with Chromium.
 *
 *   node scripts/console.screenshots.ts            # writes docs/screenshots/*.png
 *
 * Starts `marginiq start` on a throwaway DATA_DIR (console on, no chat platform), seeds an account's
 * approved history, uploads the sample statement through the page, then asks `/margin report` and
 * `/margin digest now` as an admin, and photographs each card: the summary's figures table, the
 * report history (excess chart and sortable table) and the digest's excess-by-account chart.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/config.ts';
import { startService } from '../src/main.ts';
import { openChromium } from '../test/support/chromium.ts';
import { sampleSeed } from './console.seed.ts';

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');

const dataDir = mkdtempSync(path.join(tmpdir(), 'marginiq-shots-'));
const loaded = loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' });
if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.setting}: ${p.reason}`).join('; '));
const svc = await startService(loaded.config, pino({ level: 'warn' }), 'start', { schedules: false });
const browser = await openChromium({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
try {
  mkdirSync(OUT, { recursive: true });
  await sampleSeed(svc.repos);
  const { page } = browser;
  await page.goto(svc.url);
  await page.locator('#empty').waitFor();
  const actAs = async (user: string) => {
    await page.selectOption('#user', user);
    await page.waitForFunction((u) => document.querySelector('#role')?.textContent === u, user);
    await page.locator('#status.live').waitFor();
  };
  // The fixed top bar and composer would sit over a card in its screenshot: hidden (CSSOM, which the
  // page's CSP allows) just for the shot.
  const shot = async (card: ReturnType<typeof page.locator>, file: string) => {
    const chrome = (v: string) =>
      page.evaluate((vis) => {
        document.querySelectorAll<HTMLElement>('.topbar, .composer').forEach((el) => {
          el.style.visibility = vis;
        });
      }, v);
    await chrome('hidden');
    await card.screenshot({ path: path.join(OUT, file) });
    await chrome('');
  };
  const margin = async (text: string, marker: string) => {
    await page.fill('#command-text', text);
    await page.press('#command-text', 'Enter');
    const card = page.locator('li.msg .card', { hasText: marker }).last();
    await card.waitFor({ timeout: 30_000 });
    return card;
  };

  await actAs('analyst');
  await page.locator('.composer [data-sample]').click();
  const summary = page.locator('li.msg .card', { hasText: 'sample-margin-statement.pdf: 1 report' });
  await summary.locator('table').waitFor({ timeout: 60_000 });
  await shot(summary, 'console-summary-table.png');

  await actAs('admin');
  const history = await margin('report DEMO-104217', 'History of DEMO-104217');
  await history.locator('svg').waitFor();
  await shot(history, 'console-report-history.png');

  await margin('channel risk', 'risk channel');
  const digest = await margin('digest now', 'MarginIQ daily digest —');
  const excess = digest.locator('figure.chart');
  await excess.waitFor();
  await shot(excess, 'console-digest-chart.png');
  process.stdout.write(`screenshots written to ${path.relative(process.cwd(), OUT)}\n`);
} finally {
  await browser.close();
  await svc.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
