import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { type SlackService, startSlackService, testPdf } from '../slack/slack.harness.ts';
import { buttonClick, fileShareMessage, slashCommand } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';

/**
 * Issue 18 row 5 (item 4): `/margin export all` and `/margin report ACCT` by any analyst in any channel
 * posted every account — reports shared only in a private channel included — `in_channel` into a shared one.
 */
const PRIVATE = 'CPRIVATE';
const SHARED = 'CSHARED';
const RISK = 'CRISKDESK';
const ADMIN = 'UADMIN';
const APPROVER = 'UAPPROVER';
const ANALYST = 'UANALYST'; // shares in the private channel
const OTHER = 'UOTHER'; // an analyst of the shared channel only
const VIEWER = 'UVIEWER';

let svc: SlackService;
const shared: Record<string, { reportId: string; threadTs: string; summaryTs: string }> = {};

async function share(channel: string, user: string, account: string) {
  const ts = svc.slack.nextTs();
  const file = svc.slack.addFile({
    name: `${account}.pdf`,
    bytes: await testPdf({ account_number: account, report_date: '2026-11-27' }),
    channel,
    ts,
  });
  await svc.sender.event(fileShareMessage({ channel, user, ts, files: [file] }));
  const summary = await eventually(() => svc.slack.thread(channel, ts).find((m) => m.updates > 0), 20_000, 'summary');
  await svc.idle();
  const report = await svc.repos.reports.findByAccountDate(account, '2026-11-27');
  if (!report) throw new Error('report not stored');
  shared[account] = { reportId: report.id, threadTs: ts, summaryTs: summary.ts };
}

/** Runs a slash command and returns what Slack was told through its response_url. */
async function command(user: string, channel: string, text: string) {
  const responseUrl = svc.slack.responseUrl();
  const res = await svc.sender.command(slashCommand({ user, channel, text, responseUrl }));
  expect(res.status).toBe(200);
  const id = responseUrl.split('/').pop();
  const answer = await eventually(() => svc.slack.responses.find((r) => r.id === id), 15_000, `answer to ${text}`);
  return { type: answer.body.response_type as string, text: JSON.stringify(answer.body) };
}

/** The CSV bytes of the uploads completed since `before`, with the channel each went to. */
async function exportsSince(before: number) {
  await eventually(() => svc.slack.callsTo('files.completeUploadExternal').length > before, 15_000, 'export upload');
  return svc.slack
    .callsTo('files.completeUploadExternal')
    .slice(before)
    .map((c) => {
      const id = (c.args.files as { id: string }[] | string | undefined) ?? [];
      const fileId = typeof id === 'string' ? (JSON.parse(id) as { id: string }[])[0]?.id : id[0]?.id;
      const upload = svc.slack.uploads.find((u) => u.fileId === fileId);
      return { channel: String(c.args.channel_id), csv: upload?.bytes.toString('utf8') ?? '' };
    });
}

beforeAll(async () => {
  svc = await startSlackService({ admins: [`slack:${ADMIN}`] });
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', `slack:${ADMIN}`);
  await svc.repos.roles.set(`slack:${VIEWER}`, 'viewer', `slack:${ADMIN}`);
  await share(PRIVATE, ANALYST, 'PRIV001');
  await share(SHARED, OTHER, 'SHRD001');
}, 60_000);
afterAll(async () => {
  await svc?.stop();
});

describe('data scoped to the conversation it was shared in (Slack, over HTTP)', () => {
  it('exports privately outside a risk channel, holding only what the asker may see there', async () => {
    const before = svc.slack.callsTo('files.completeUploadExternal').length;
    const answer = await command(OTHER, SHARED, 'export all 30d csv');
    expect(answer.type).toBe('ephemeral');
    const [file] = await exportsSince(before);
    // Into the asker's direct messages with the bot, never the channel.
    expect(file?.channel).toBe('DOTHER');
    expect(svc.slack.callsTo('conversations.open').at(-1)?.args.users).toBe(OTHER);
    expect(file?.csv).toContain('SHRD001');
    expect(file?.csv).not.toContain('PRIV001');
  });

  it('answers report and recent with the reports of this conversation, plus the asker’s own uploads', async () => {
    expect((await command(OTHER, SHARED, 'report PRIV001')).text).toContain('There is no report for account PRIV001');
    expect((await command(VIEWER, SHARED, 'report PRIV001')).text).toContain('There is no report');
    const recent = await command(OTHER, SHARED, 'recent 10');
    expect(recent.text).toContain('SHRD001');
    expect(recent.text).not.toContain('PRIV001');
    // Its uploader sees it from anywhere, privately; so does an approver, who may decide it.
    const own = await command(ANALYST, SHARED, 'report PRIV001');
    expect(own.type).toBe('ephemeral');
    expect(own.text).not.toContain('There is no report');
    expect((await command(APPROVER, SHARED, 'report PRIV001')).text).not.toContain('There is no report');
    // In the private channel it was shared in, any member sees it.
    expect((await command(VIEWER, PRIVATE, 'report PRIV001')).text).not.toContain('There is no report');
  });

  it('lets only an admin mark a risk channel, audits it, and posts the whole book there', async () => {
    const refused = await command(ANALYST, RISK, 'channel risk');
    expect(refused.text).toContain('Only admins can mark risk channels.');
    const marked = await command(ADMIN, RISK, 'channel risk');
    expect(marked.text).toContain('now a risk channel');
    const audit = await svc.repos.audit.forEntity('channel', `slack:${RISK}`);
    expect(audit.map((e) => e.action)).toEqual(['channel.marked_risk']);
    expect(audit[0]?.actor).toBe(`slack:${ADMIN}`);

    const before = svc.slack.callsTo('files.completeUploadExternal').length;
    const answer = await command(ANALYST, RISK, 'export all 30d csv');
    expect(answer.type).toBe('in_channel');
    const [file] = await exportsSince(before);
    expect(file?.channel).toBe(RISK);
    expect(file?.csv).toContain('PRIV001');
    expect(file?.csv).toContain('SHRD001');

    expect((await command(ADMIN, RISK, 'channel normal')).text).toContain('back to normal');
    expect((await svc.repos.audit.forEntity('channel', `slack:${RISK}`)).map((e) => e.action)).toEqual([
      'channel.marked_risk',
      'channel.marked_normal',
    ]);
    const after = svc.slack.callsTo('files.completeUploadExternal').length;
    const again = await command(ANALYST, RISK, 'export all 30d csv');
    expect(again.type).toBe('ephemeral');
    const [mine] = await exportsSince(after);
    expect(mine?.channel).toBe('DANALYST');
    expect(mine?.csv).toContain('PRIV001'); // the asker's own upload
    expect(mine?.csv).not.toContain('SHRD001');
  });

  it('acts on a button only where its report may be seen', async () => {
    const target = shared.PRIV001!;
    const click = (channel: string) =>
      svc.sender.interaction(
        buttonClick({
          user: APPROVER,
          channel,
          messageTs: target.summaryTs,
          actionId: ACTION_IDS.approve,
          value: target.reportId,
          responseUrl: svc.slack.responseUrl(),
        }),
      );
    // A click carrying the private channel's report id from a message in the shared channel.
    const notices = () => svc.slack.callsTo('chat.postEphemeral').filter((c) => c.args.channel === SHARED);
    const before = notices().length;
    expect((await click(SHARED)).status).toBe(200);
    const notice = await eventually(() => notices()[before], 10_000, 'refusal');
    expect(JSON.stringify(notice.args)).toContain('not shared in this conversation');
    expect((await svc.repos.reports.findById(target.reportId))?.status).toBe('pending');
    // Where it was shared, the same approver's click decides it.
    expect((await click(PRIVATE)).status).toBe(200);
    await eventually(
      async () => (await svc.repos.reports.findById(target.reportId))?.status === 'approved' || undefined,
      10_000,
      'approved',
    );
  });
});
