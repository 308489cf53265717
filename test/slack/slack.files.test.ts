import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { renderDoc } from '../fixtures/fixture-doc.ts';
import { createRng } from '../fixtures/prng.ts';
import { sampleStatement } from '../fixtures/sample.ts';
import { eventually } from '../support/slack-double.ts';
import { type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { fileSharedEvent, fileShareMessage } from './slack.requests.ts';

const CHANNEL = 'C0FILES';
const ANALYST = 'UANALYST';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({ maxFileBytes: 2 * 1024 * 1024 });
});
afterAll(async () => {
  await svc?.stop();
});

/** A user shares a file in the channel: Slack stores it and sends the message event. */
async function share(o: {
  name: string;
  bytes: Uint8Array;
  size?: number;
  mimetype?: string;
  threadTs?: string;
  redirect?: 'none' | 'same-host' | 'off-host';
}) {
  const ts = svc.slack.nextTs();
  const file = svc.slack.addFile({
    name: o.name,
    bytes: o.bytes,
    channel: CHANNEL,
    ts,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    ...(o.size ? { size: o.size } : {}),
    ...(o.mimetype ? { mimetype: o.mimetype } : {}),
    ...(o.redirect ? { redirect: o.redirect } : {}),
  });
  const event = fileShareMessage({
    channel: CHANNEL,
    user: ANALYST,
    ts,
    files: [file],
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
  });
  return { ts, file, event };
}

const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('a PDF shared in a Slack channel', () => {
  it('is acknowledged with a 200, read, and summarised in exactly one message in its thread', async () => {
    const pdf = await testPdf({ account_number: 'U1000001', report_date: '2026-11-27' });
    const { ts, file, event } = await share({ name: 'statement.pdf', bytes: pdf, redirect: 'same-host' });
    const res = await svc.sender.event(event);
    expect(res.status).toBe(200);

    const summary = await eventually(
      () => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0 && m.text.includes('1 report')),
      20_000,
      'summary',
    );
    await svc.idle();
    const thread = svc.slack.thread(CHANNEL, ts);
    expect(thread).toHaveLength(1);
    expect(svc.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
    // The first post was the "reading…" reply; the summary replaced it in place.
    const first = svc.slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === ts);
    expect(String(first?.args.text)).toContain('Reading statement.pdf');
    expect(texts(summary.blocks)).toContain('U1000001');
    expect(texts(summary.blocks)).toContain(ACTION_IDS.approve);
    // Downloaded with the bot token, through Slack's own redirect.
    const hops = svc.slack.downloads.filter((d) => d.path.includes(file.id));
    expect(hops.length).toBe(2);
    expect(hops.every((h) => h.authorization === `Bearer ${svc.slack.token}`)).toBe(true);

    const row = await svc.repos.reports.findByAccountDate('U1000001', '2026-11-27');
    expect(row?.status).toBe('pending');
    expect(row?.createdBy).toBe(`slack:${ANALYST}`);
  });

  it('makes one ingestion and one job from a retried event and the file_shared twin', async () => {
    const pdf = await testPdf({ account_number: 'U1000002', report_date: '2026-11-27' });
    const { ts, file, event } = await share({ name: 'retried.pdf', bytes: pdf });
    const jobsBefore = svc.jobs.length;
    const first = await svc.sender.event(event, { eventId: 'EvRETRY1' });
    const twin = await svc.sender.event(fileSharedEvent({ channel: CHANNEL, user: ANALYST, fileId: file.id }));
    // Slack retries when it thinks the first delivery timed out.
    const retry = await svc.sender.event(event, {
      eventId: 'EvRETRY1',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect([first.status, twin.status, retry.status]).toEqual([200, 200, 200]);
    await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, 'summary');
    await svc.idle();

    const rows = await svc.db.query<{ n: number }>(
      `select count(*)::int as n from analytics.ingestions where platform = 'slack' and source_ref = $1`,
      [file.id],
    );
    expect(rows[0]?.n).toBe(1);
    expect(svc.jobs.length - jobsBefore).toBe(1);
    expect(svc.slack.thread(CHANNEL, ts)).toHaveLength(1);
  });

  it('replies in the thread the file was shared in', async () => {
    const parent = svc.slack.nextTs();
    const pdf = await testPdf({ account_number: 'U1000003', report_date: '2026-11-27' });
    const { event } = await share({ name: 'in-thread.pdf', bytes: pdf, threadTs: parent });
    await svc.sender.event(event);
    await eventually(
      () => svc.slack.thread(CHANNEL, parent).find((m) => m.updates > 0),
      20_000,
      'summary in the parent thread',
    );
  });

  it('takes a file announced only by file_shared, looking it up with files.info', async () => {
    const pdf = await testPdf({ account_number: 'U1000004', report_date: '2026-11-27' });
    const { ts, file } = await share({ name: 'shared-only.pdf', bytes: pdf });
    await svc.sender.event(fileSharedEvent({ channel: CHANNEL, user: ANALYST, fileId: file.id }));
    await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, 'summary');
    expect(svc.slack.callsTo('files.info').some((c) => c.args.file === file.id)).toBe(true);
  });

  it('ignores a file that is not a PDF, posting nothing', async () => {
    const postsBefore = svc.slack.callsTo('chat.postMessage').length;
    const ephemeralBefore = svc.slack.callsTo('chat.postEphemeral').length;
    const { ts, file, event } = await share({
      name: 'notes.txt',
      bytes: Buffer.from('just notes'),
      mimetype: 'text/plain',
    });
    expect((await svc.sender.event(event, { eventId: 'EvNOTPDF1' })).status).toBe(200);
    await svc.sender.event(fileSharedEvent({ channel: CHANNEL, user: ANALYST, fileId: file.id }), {
      eventId: 'EvNOTPDF2',
    });
    await svc.handled('EvNOTPDF1');
    await svc.handled('EvNOTPDF2');
    await svc.idle();
    expect(svc.slack.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    expect(svc.slack.callsTo('chat.postEphemeral')).toHaveLength(ephemeralBefore);
    expect(svc.slack.thread(CHANNEL, ts)).toHaveLength(0);
    expect(svc.slack.downloads.some((d) => d.path.includes(file.id))).toBe(false);
  });

  it('answers a corrupt PDF with a plain sentence in the thread', async () => {
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3000)]);
    const { ts, event } = await share({ name: 'broken.pdf', bytes: junk });
    await svc.sender.event(event);
    const reply = await eventually(
      () => svc.slack.thread(CHANNEL, ts).find((m) => m.text.includes('Could not read broken.pdf')),
      30_000,
      'refusal',
    );
    await svc.idle();
    expect(svc.slack.thread(CHANNEL, ts)).toHaveLength(1);
    expect(reply.text).not.toMatch(/Error:|at .*\.ts:\d+/); // a sentence, not a stack trace
    expect(texts(reply.blocks)).not.toContain(ACTION_IDS.approve);
  });

  it('refuses a file over MAX_FILE_MB before downloading it, once for both events', async () => {
    const pdf = await testPdf({ account_number: 'U1000005', report_date: '2026-11-27' });
    const { ts, file, event } = await share({ name: 'huge.pdf', bytes: pdf, size: 3 * 1024 * 1024 });
    await svc.sender.event(event, { eventId: 'EvHUGE1' });
    await svc.sender.event(fileSharedEvent({ channel: CHANNEL, user: ANALYST, fileId: file.id }), {
      eventId: 'EvHUGE2',
    });
    // Both events handled to their end: whatever they were going to post is posted.
    await svc.handled('EvHUGE1');
    await svc.handled('EvHUGE2');
    await svc.idle();
    const refusal = svc.slack.thread(CHANNEL, ts)[0];
    expect(refusal?.text).toContain('limit');
    expect(svc.slack.thread(CHANNEL, ts)).toHaveLength(1);
    expect(svc.slack.downloads.some((d) => d.path.includes(file.id))).toBe(false);
  });

  it('never follows a download redirect off Slack’s file hosts', async () => {
    const pdf = await testPdf({ account_number: 'U1000006', report_date: '2026-11-27' });
    const { ts, file, event } = await share({ name: 'cdn.pdf', bytes: pdf, redirect: 'off-host' });
    await svc.sender.event(event);
    await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, 'summary');
    const hops = svc.slack.downloads.filter((d) => d.path.includes(file.id));
    expect(hops[0]?.authorization).toBe(`Bearer ${svc.slack.token}`);
    expect(hops.filter((h) => h.origin === svc.slack.foreignOrigin)).toHaveLength(0);
  });

  it('reads a real statement end to end with the extraction pipeline', async () => {
    const { bytes } = await renderDoc(sampleStatement(createRng('marginiq-slack-e2e')));
    const { ts, event } = await share({ name: 'sample-margin-statement.pdf', bytes });
    await svc.sender.event(event);
    const summary = await eventually(
      () => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0 && !m.text.includes('Reading')),
      60_000,
      'summary',
    );
    expect(summary.text).toContain('sample-margin-statement.pdf: 1 report');
    expect(texts(summary.blocks)).toContain('Total equity');
  });
});
