import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import type { FileSource } from '../../src/core/ports/files.ports.ts';
import { assertDownloadAllowed, isInternalAddress } from '../../src/platforms/download.guard.ts';
import { createTeamsFetcher } from '../../src/platforms/teams/teams.files.ts';
import { type SlackService, startSlackService, testPdf } from '../slack/slack.harness.ts';
import { fileShareMessage } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';

// Issue 18 row 7: a url_private_download on a foreign host, or a Slack URL redirecting to
// 169.254.169.254, was fetched — five times each, with the queue's retries.

const SLACK = { hosts: ['slack.com', 'slack-edge.com', 'slack-files.com'], apiOrigins: ['https://slack.com'] };
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('the download guard', () => {
  it('knows the addresses a public file host never has', () => {
    for (const a of [
      '169.254.169.254',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['52.1.2.3', '8.8.8.8', '2600:1f18::1', '::ffff:52.1.2.3'])
      expect(isInternalAddress(a), a).toBe(false);
  });

  it('refuses a platform host whose name resolves inside the network, and foreign hosts before any lookup', async () => {
    const lookups: string[] = [];
    const policy = (addresses: string[]) => ({
      ...SLACK,
      lookup: async (host: string) => {
        lookups.push(host);
        return addresses;
      },
    });
    const file = new URL('https://files.slack.com/files-pri/T1-F1/download/x.pdf');
    expect(await code(assertDownloadAllowed(file, policy(['169.254.169.254']), 'Slack'))).toBe('download.refused');
    expect(await code(assertDownloadAllowed(file, policy(['52.1.2.3', '10.0.0.1']), 'Slack'))).toBe('download.refused');
    expect(await code(assertDownloadAllowed(file, policy(['52.1.2.3']), 'Slack'))).toBe('allowed');
    lookups.length = 0;
    for (const u of [
      'https://evil.example/x.pdf',
      'http://files.slack.com/x.pdf',
      'https://slack.com.evil.example/x',
      'http://169.254.169.254/latest/meta-data/',
    ])
      expect(await code(assertDownloadAllowed(new URL(u), policy(['52.1.2.3']), 'Slack')), u).toBe('download.refused');
    expect(lookups).toEqual([]);
  });

  it('lets the configured API host be anywhere (a proxy, a test double)', async () => {
    const policy = { hosts: SLACK.hosts, apiOrigins: ['http://127.0.0.1:8080'] };
    expect(await code(assertDownloadAllowed(new URL('http://127.0.0.1:8080/files/x'), policy, 'Slack'))).toBe(
      'allowed',
    );
    expect(await code(assertDownloadAllowed(new URL('http://127.0.0.1:9090/files/x'), policy, 'Slack'))).toBe(
      'download.refused',
    );
  });
});

describe('a file shared in Slack', () => {
  let svc: SlackService;
  beforeAll(async () => {
    svc = await startSlackService();
  });
  afterAll(async () => {
    await svc?.stop();
  });

  async function shareWith(o: { name: string; foreignUrl?: boolean; redirectTo?: string }) {
    const ts = svc.slack.nextTs();
    const bytes = await testPdf({ account_number: 'U4000001', report_date: '2026-11-27' });
    const file = svc.slack.addFile({
      name: o.name,
      bytes,
      channel: 'C0SSRF',
      ts,
      ...(o.redirectTo ? { redirectTo: o.redirectTo } : {}),
    });
    if (o.foreignUrl) file.url_private_download = `${svc.slack.foreignOrigin}/cdn/${file.id}`;
    await svc.sender.event(fileShareMessage({ channel: 'C0SSRF', user: 'UANALYST', ts, files: [file] }));
    const jobsBefore = svc.jobs.length;
    await eventually(
      () => svc.slack.thread('C0SSRF', ts).some((m) => /only from Slack/.test(m.text)),
      20_000,
      'refusal in the thread',
    );
    await svc.idle();
    // One job, ended for good: a refused address is not worth a retry.
    const [job] = svc.jobs.slice(jobsBefore);
    const ingestion = job ? await svc.repos.ingestions.findById(job) : undefined;
    expect(ingestion).toMatchObject({ status: 'failed', errorCode: 'download.refused' });
    await svc.idle();
    return { file, ts };
  }

  it('is not downloaded from a foreign host, and the refusal is said once in the thread, not retried', async () => {
    const { file, ts } = await shareWith({ name: 'foreign.pdf', foreignUrl: true });
    expect(svc.slack.downloads.filter((d) => d.path.includes(file.id))).toHaveLength(0);
    const said = svc.slack.thread('C0SSRF', ts).filter((m) => /only from Slack/.test(m.text));
    expect(said).toHaveLength(1);
  });

  it('is not followed through a redirect to the cloud metadata address', async () => {
    const { file, ts } = await shareWith({ name: 'meta.pdf', redirectTo: 'http://169.254.169.254/latest/meta-data/' });
    // Only Slack's first hop was asked; nothing went on to the redirect target.
    expect(svc.slack.downloads.filter((d) => d.path.includes(file.id))).toHaveLength(1);
    expect(svc.slack.thread('C0SSRF', ts).filter((m) => /only from Slack/.test(m.text))).toHaveLength(1);
  });
});

describe('a file shared in Teams', () => {
  const ingestion = (url: string): FileSource => ({ url, size: null });

  function fetcherWith(answers: Record<string, Response>, addresses: string[]) {
    const asked: string[] = [];
    const fetchStub = (async (input: string | URL) => {
      const url = String(input);
      asked.push(url);
      return answers[url] ?? new Response('not found', { status: 404 });
    }) as typeof fetch;
    const fetcher = createTeamsFetcher({
      fetch: fetchStub,
      graphBaseUrl: 'https://graph.microsoft.com',
      lookup: async () => addresses,
    });
    return { fetcher, asked };
  }

  it('is fetched from SharePoint, and not when SharePoint’s name resolves inside the network', async () => {
    const url = 'https://contoso-my.sharepoint.com/personal/ann/download.aspx?x=1';
    const pdf = new Response(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), {
      headers: { 'content-type': 'application/pdf' },
    });
    const good = fetcherWith({ [url]: pdf }, ['52.1.2.3']);
    expect((await good.fetcher.download(ingestion(url), 1e6)).byteLength).toBeGreaterThan(0);
    const rebound = fetcherWith({}, ['169.254.169.254']);
    expect(await code(rebound.fetcher.download(ingestion(url), 1e6))).toBe('download.refused');
    expect(rebound.asked).toEqual([]);
  });

  it('is not downloaded from a foreign host, nor through a redirect that leaves Microsoft’s hosts', async () => {
    const foreign = fetcherWith({}, ['52.1.2.3']);
    expect(await code(foreign.fetcher.download(ingestion('https://evil.example/x.pdf'), 1e6))).toBe('download.refused');
    expect(foreign.asked).toEqual([]);
    const start = 'https://contoso.sharepoint.com/x.pdf';
    const redirect = fetcherWith(
      {
        [start]: new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }),
      },
      ['52.1.2.3'],
    );
    expect(await code(redirect.fetcher.download(ingestion(start), 1e6))).toBe('download.refused');
    expect(redirect.asked).toEqual([start]);
  });
});
