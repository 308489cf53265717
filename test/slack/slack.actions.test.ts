import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import { eventually } from '../support/slack-double.ts';
import { type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { buttonClick, fileShareMessage, viewSubmission } from './slack.requests.ts';

const CHANNEL = 'C0DECIDE';
const ADMIN = 'UADMIN'; // from ADMINS
const APPROVER = 'UAPPROVER'; // from the roles table
const ANALYST = 'UANALYST';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({ admins: [`slack:${ADMIN}`] });
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', `slack:${ADMIN}`);
});
afterAll(async () => {
  await svc?.stop();
});

let accounts = 0;
/** Shares a fresh statement and waits for its summary; returns where the buttons are. */
async function summarised() {
  const account = `U20000${String(++accounts).padStart(2, '0')}`;
  const ts = svc.slack.nextTs();
  const bytes = await testPdf({ account_number: account, report_date: '2026-11-27' });
  const file = svc.slack.addFile({
    name: `${account}.pdf`,
    bytes,
    channel: CHANNEL,
    ts,
  });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
  const summary = await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, 'summary');
  await svc.idle();
  const report = await svc.repos.reports.findByAccountDate(account, '2026-11-27');
  if (!report) throw new Error('report not stored');
  return { threadTs: ts, summary, reportId: report.id, account, bytes };
}

function click(
  s: { threadTs: string; summary: { ts: string } },
  user: string,
  kind: keyof typeof ACTION_IDS,
  value: string,
) {
  return svc.sender.interaction(
    buttonClick({
      user,
      channel: CHANNEL,
      messageTs: s.summary.ts,
      threadTs: s.threadTs,
      actionId: ACTION_IDS[kind],
      value,
      responseUrl: svc.slack.responseUrl(),
    }),
  );
}

const hasButtons = (blocks: unknown[]) => JSON.stringify(blocks).includes(ACTION_IDS.approve);
const ephemeralsTo = (user: string) => svc.slack.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);

describe('Approve / Reject / Edit from the Slack thread', () => {
  it('stores approved with who and when for an approver from the roles table, updates the card and audits it', async () => {
    const s = await summarised();
    const updatesBefore = s.summary.updates;
    const res = await click(s, APPROVER, 'approve', s.reportId);
    expect(res.status).toBe(200);
    await eventually(() => s.summary.updates > updatesBefore && !hasButtons(s.summary.blocks), 10_000, 'card update');

    const row = await svc.repos.reports.findById(s.reportId);
    expect(row?.status).toBe('approved');
    expect(row?.decidedBy).toBe(`slack:${APPROVER}`);
    expect(row?.decidedAt).toBeTruthy();
    expect(s.summary.text).toContain('approved');
    // By the handle Slack sent with the click, not the member id.
    expect(JSON.stringify(s.summary.blocks)).toContain(`Approved by <@${APPROVER}> at`);
    const audit = await svc.repos.audit.forEntity('margin_report', s.reportId);
    expect(audit.filter((e) => e.action === 'report.approved')).toHaveLength(1);
    expect(audit.find((e) => e.action === 'report.approved')?.actor).toBe(`slack:${APPROVER}`);
  });

  it('lets an admin from ADMINS reject, through the reason form', async () => {
    const s = await summarised();
    const opensBefore = svc.slack.callsTo('views.open').length;
    await click(s, ADMIN, 'reject', s.reportId);
    const open = await eventually(() => svc.slack.callsTo('views.open')[opensBefore], 10_000, 'reject modal');
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect((await svc.repos.reports.findById(s.reportId))?.status).toBe('pending');
    const sent = await svc.sender.interaction(
      viewSubmission({
        user: ADMIN,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: { reason_code: 'wrong_date', reason: '' },
      }),
    );
    expect(sent.status).toBe(200);
    await eventually(
      async () => (await svc.repos.reports.findById(s.reportId))?.status === 'rejected',
      10_000,
      'rejection',
    );
    await eventually(() => !hasButtons(s.summary.blocks), 10_000, 'buttons removed');
  });

  it('refuses an analyst with a message only they see, and changes nothing', async () => {
    const s = await summarised();
    const updatesBefore = s.summary.updates;
    const before = ephemeralsTo(ANALYST).length;
    await click(s, ANALYST, 'approve', s.reportId);
    const notice = await eventually(() => ephemeralsTo(ANALYST)[before], 10_000, 'ephemeral refusal');
    expect(String(notice.args.text)).toContain('Not allowed');
    expect(notice.args.channel).toBe(CHANNEL);
    expect((await svc.repos.reports.findById(s.reportId))?.status).toBe('pending');
    expect(s.summary.updates).toBe(updatesBefore);
  });

  it('decides once on a double click', async () => {
    const s = await summarised();
    const before = ephemeralsTo(APPROVER).length;
    const [a, b] = await Promise.all([
      click(s, APPROVER, 'approve', s.reportId),
      click(s, APPROVER, 'approve', s.reportId),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const notice = await eventually(() => ephemeralsTo(APPROVER)[before], 10_000, 'already-decided notice');
    expect(String(notice.args.text)).toContain('Already decided');
    const audit = await svc.repos.audit.forEntity('margin_report', s.reportId);
    expect(audit.filter((e) => e.action === 'report.approved')).toHaveLength(1);
    expect((await svc.repos.reports.findById(s.reportId))?.status).toBe('approved');
  });

  it('opens a pre-filled modal on Edit, shows validation errors in it, then stores the edit and refreshes the card', async () => {
    const s = await summarised();
    const opensBefore = svc.slack.callsTo('views.open').length;
    await click(s, APPROVER, 'edit', s.reportId);
    const open = await eventually(() => svc.slack.callsTo('views.open')[opensBefore], 10_000, 'views.open');
    const view = open.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string; element?: { initial_value?: string; initial_date?: string } }[];
    };
    expect(open.args.trigger_id).toMatch(/^trig\./);
    expect(view.callback_id).toBe(EDIT_FORM_ID);
    const meta = JSON.parse(view.private_metadata) as {
      reportId: string;
      version: number;
      channel: string;
      messageTs: string;
    };
    expect(meta).toMatchObject({ reportId: s.reportId, channel: CHANNEL, messageTs: s.summary.ts });
    expect(view.blocks.find((b) => b.block_id === 'total_equity')?.element?.initial_value).toBe('1000000');
    expect(view.blocks.find((b) => b.block_id === 'report_date')?.element?.initial_date).toBe('2026-11-27');

    const values = {
      account_number: s.account,
      report_date: '2026-11-27',
      currency: 'USD',
      total_equity: '1,050,000.00',
      maintenance_requirement: '400000',
      initial_requirement: '500000',
      excess_liquidity: '650000',
      margin_call: '0',
      reason: 'Equity misread from the scan',
    };
    const bad = await svc.sender.interaction(
      viewSubmission({
        user: APPROVER,
        callbackId: EDIT_FORM_ID,
        privateMetadata: view.private_metadata,
        values: { ...values, total_equity: 'lots' },
      }),
    );
    expect(bad.status).toBe(200);
    const errors = bad.json() as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors)).toEqual(['total_equity']);

    const updatesBefore = s.summary.updates;
    const good = await svc.sender.interaction(
      viewSubmission({ user: APPROVER, callbackId: EDIT_FORM_ID, privateMetadata: view.private_metadata, values }),
    );
    expect(good.status).toBe(200);
    expect(good.text).toBe('');
    await eventually(() => s.summary.updates > updatesBefore, 10_000, 'card refresh');
    expect(JSON.stringify(s.summary.blocks)).toContain('1,050,000.00');
    const row = await svc.repos.reports.findById(s.reportId);
    expect(row?.extracted.fields.total_equity).toBe(1_050_000);
    const edit = (await svc.repos.audit.forEntity('margin_report', s.reportId)).find(
      (e) => e.action === 'report.edited',
    );
    expect(edit?.reason).toBe('Equity misread from the scan');
    expect(JSON.stringify(edit?.before)).toContain('1000000');
    expect(JSON.stringify(edit?.after)).toContain('1050000');
  });

  it('offers Replace / Keep existing for a second report of the same account and date, and replaces on click', async () => {
    const first = await summarised();
    const ts = svc.slack.nextTs();
    const bytes = await testPdf({
      account_number: first.account,
      report_date: '2026-11-27',
      fields: { total_equity: 2_000_000 },
    });
    const file = svc.slack.addFile({ name: 'again.pdf', bytes, channel: CHANNEL, ts });
    await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
    const summary = await eventually(
      () => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0),
      20_000,
      'conflict summary',
    );
    await svc.idle();
    const json = JSON.stringify(summary.blocks);
    expect(json).toContain('already has a report');
    expect(json).toContain(ACTION_IDS.replace);
    const replace = (summary.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ACTION_IDS.replace);
    await click({ threadTs: ts, summary }, APPROVER, 'replace', replace?.value ?? '');
    await eventually(() => !JSON.stringify(summary.blocks).includes(ACTION_IDS.replace), 10_000, 'conflict resolved');
    expect((await svc.repos.reports.findById(first.reportId))?.extracted.fields.total_equity).toBe(2_000_000);
  });

  it('points an identical file to the first result instead of reading it again', async () => {
    const first = await summarised();
    const bytes = first.bytes;
    const ts = svc.slack.nextTs();
    const file = svc.slack.addFile({ name: 'copy.pdf', bytes, channel: CHANNEL, ts });
    await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
    const reply = await eventually(
      () => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0),
      20_000,
      'duplicate notice',
    );
    expect(reply.text).toContain('copy.pdf');
    expect(JSON.stringify(reply.blocks)).toContain('Nothing was processed again');
  });

  it('does not open the modal for an analyst', async () => {
    const s = await summarised();
    const opensBefore = svc.slack.callsTo('views.open').length;
    const before = ephemeralsTo(ANALYST).length;
    await click(s, ANALYST, 'edit', s.reportId);
    await eventually(() => ephemeralsTo(ANALYST)[before], 10_000, 'refusal');
    expect(svc.slack.callsTo('views.open')).toHaveLength(opensBefore);
  });
});
