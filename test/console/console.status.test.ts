import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)))
    .replace(/\s+/g, ' ');

describe('the console status page', () => {
  let svc: ConsoleService;
  beforeAll(async () => {
    svc = await startConsoleService();
    // What the health watcher records, and an upload that failed after its retries.
    const hour = 3_600_000;
    const now = Date.now();
    await svc.db.query(
      `insert into analytics.health_history (name, status, at) values ('service', 'ok', $1), ('service', 'down', $2), ('service', 'ok', $3)`,
      [new Date(now - 10 * 24 * hour), new Date(now - 2 * hour), new Date(now - hour)],
    );
    const { ingestion } = await svc.repos.ingestions.record({
      platform: 'console',
      sourceRef: 'lost-1',
      fileName: 'lost.pdf',
      channelId: 'margin-reports',
      uploadedBy: 'console:analyst',
    });
    await svc.repos.ingestions.setStatus(ingestion.id, 'dead', {
      errorCode: 'storage.failed',
      errorMessage: 'The file could not be archived; it will be retried.',
    });
  });
  afterAll(async () => svc?.stop());

  it('shows an admin the health figures, the scoreboard of the chosen window, the recent problems and the archive', async () => {
    const res = await fetch(`${svc.url}/console/status?days=30&user=admin`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = textOf(await res.text());
    expect(page).toContain('Scoreboard — last 30 days');
    // Uptime from the recorded states: 10 days recorded, one hour of them down (239 / 240).
    expect(page).toContain('Uptime 99.58% — from 3 recorded health states over 10d 0h');
    expect(page).toMatch(/Service uptime 99\.40% over 7 days — from 3 recorded health states/);
    expect(page).toContain('Error rate 100.0% — 1 failed or dead of 1 upload');
    expect(page).toContain(
      'Upload failed after its retries (dead-lettered) · lost.pdf — The file could not be archived; it will be retried.',
    );
    expect(page).toContain('Service down');
    expect(page).toContain('Archive check: none has run yet (it runs weekly).');
  });

  it('shows an analyst the figures but not the problems, and falls back to 7 days on a window it does not know', async () => {
    const page = textOf(await (await fetch(`${svc.url}/console/status?days=12&user=analyst`)).text());
    expect(page).toContain('Scoreboard — last 7 days');
    expect(page).toContain('Only admins see the recent warnings and errors');
    expect(page).not.toContain('lost.pdf');
  });

  it('is linked from the console page', async () => {
    const html = await (await fetch(`${svc.url}/`)).text();
    expect(html).toContain('id="status-link" class="status-link" href="/console/status"');
  });
});
