import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import type { Report } from '../../src/core/report/report.model.ts';
import { buildTextPdf } from '../extraction/support/pdf.builder.ts';
import { type Day, day1, day2, snapshot } from '../extraction/support/snapshot.statement.ts';
import { eventually } from '../support/slack-double.ts';
import { type SlackService, startSlackService } from './slack.harness.ts';
import { buttonClick, fileShareMessage, slashCommand, viewSubmission } from './slack.requests.ts';

/**
 * Issue 16 through the real Bolt app: an approver's correction teaches the statement's layout, the
 * next statement of it comes out right, a wrong correction that an identity contradicts goes to
 * review, and `/margin forget` takes the lesson back.
 */
const CHANNEL = 'C0MEMORY';
const ADMIN = 'UADMIN';
const APPROVER = 'UAPPROVER';
const ANALYST = 'UANALYST';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({ admins: [`slack:${ADMIN}`] });
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', `slack:${ADMIN}`);
});
afterAll(async () => {
  await svc?.stop();
});

const day3: Day = {
  ...day2,
  account: '63-2210-9',
  date: '2026-11-30',
  equity: '3,000,000.00',
  maint: '1,000,000.00',
  excess: '2,000,000.00',
  prior: '2,950,000.00',
  headroom: '101,000.00',
};
const day4: Day = {
  ...day2,
  account: '70-5521-3',
  date: '2026-12-01',
  equity: '900,000.00',
  maint: '300,000.00',
  excess: '600,000.00',
  prior: '880,000.00',
  headroom: '55,500.75',
};

/** Shares a statement in the channel and waits for its stored report and summary card. */
async function share(d: Day): Promise<{ report: Report; threadTs: string; summaryTs: string }> {
  const ts = svc.slack.nextTs();
  const file = svc.slack.addFile({
    name: `${d.account}.pdf`,
    bytes: await buildTextPdf(snapshot(d)),
    channel: CHANNEL,
    ts,
  });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
  const summary = await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 30_000, 'summary');
  await svc.idle();
  const report = await svc.repos.reports.findByAccountDate(d.account.replace(/\s+/g, ''), d.date);
  if (!report) throw new Error(`no report stored for ${d.account}`);
  return { report, threadTs: ts, summaryTs: summary.ts };
}

/** Edit through the modal, as an approver: the form's values are the report's, with `changes` typed over them. */
async function edit(s: { report: Report; threadTs: string; summaryTs: string }, changes: Record<string, string>) {
  const opens = svc.slack.callsTo('views.open').length;
  await svc.sender.interaction(
    buttonClick({
      user: APPROVER,
      channel: CHANNEL,
      messageTs: s.summaryTs,
      threadTs: s.threadTs,
      actionId: ACTION_IDS.edit,
      value: s.report.id,
      responseUrl: svc.slack.responseUrl(),
    }),
  );
  const open = await eventually(() => svc.slack.callsTo('views.open')[opens], 10_000, 'edit modal');
  const view = open.args.view as { private_metadata: string };
  const r = s.report.extracted;
  const values: Record<string, string> = {
    account_number: r.account_number ?? 'UNKNOWN',
    report_date: r.report_date ?? '2026-11-26',
    currency: r.currency,
    ...Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, String(v)])),
    reason: 'corrected from the PDF',
    ...changes,
  };
  const sent = await svc.sender.interaction(
    viewSubmission({ user: APPROVER, callbackId: EDIT_FORM_ID, privateMetadata: view.private_metadata, values }),
  );
  expect(sent.status).toBe(200);
  expect(sent.text).toBe('');
  await svc.chat.lessonsDone();
}

async function margin(text: string, user = ADMIN) {
  const responseUrl = svc.slack.responseUrl();
  const id = responseUrl.split('/').pop();
  await svc.sender.command(slashCommand({ user, channel: CHANNEL, text, responseUrl }));
  const answer = await eventually(() => svc.slack.responses.find((r) => r.id === id), 20_000, `/margin ${text}`);
  return JSON.stringify(answer.body);
}

describe('layout memory in Slack (issue 16)', () => {
  it('learns from an edit, reads the next statement of the layout right, sends a contradicted lesson to review, and forgets', async () => {
    // Day 1: the field under a label no vocabulary knows is not read; the approver types it in.
    const first = await share(day1);
    expect(first.report.extracted.fields.sma).toBeUndefined();
    await edit(first, { sma: '77,120.50' });
    const [layout] = await svc.repos.layouts.list('default');
    expect(layout?.rules).toEqual([
      expect.objectContaining({ field: 'sma', label: 'Collateral Headroom Reserve', reportId: first.report.id }),
    ]);
    const taught = (await svc.repos.audit.forEntity('layout', layout!.id)).find((e) => e.action === 'layout.taught');
    expect(taught?.actor).toMatch(/^@/);
    expect(String(svc.slack.callsTo('chat.postEphemeral').at(-1)?.args.text)).toContain('Learned for layout');

    // Day 2, another account: read where the approver showed, and the evidence says so.
    const second = await share(day2);
    expect(second.report.extracted.fields.sma).toBe(93410.25);
    expect(second.report.extracted.evidence?.sma).toMatchObject({
      source: 'learned',
      note: expect.stringMatching(new RegExp(`^learned from report #${first.report.id}, taught by @`)),
    });

    // A wrong correction: the prior day's equity typed as equity. The next statement keeps the figure
    // the identities confirm and goes to review, naming both.
    await edit(second, { total_equity: '1998000' });
    const third = await share(day3);
    const data = third.report.extracted;
    expect(data.fields.total_equity).toBe(3_000_000);
    expect(data.needs_review).toBe(true);
    const conflict = data.issues.find((i) => i.code === 'learned_conflict');
    expect(conflict?.field).toBe('total_equity');
    expect(conflict?.message).toContain('2,950,000.00');
    expect(conflict?.message).toContain('3,000,000.00');
    expect(data.fields.sma).toBe(101000);

    // Admins see and delete what was learned; the next statement reads as before memory.
    expect(await margin('layouts')).toContain(layout!.id);
    expect(await margin('layouts', ANALYST)).toContain('Only admins');
    expect(await margin(`forget ${layout!.id} total_equity`)).toContain('Forgotten');
    expect(await margin(`forget ${layout!.id}`)).toContain('Forgotten');
    expect(await svc.repos.layouts.list('default')).toEqual([]);
    const forgotten = (await svc.repos.audit.forEntity('layout', layout!.id)).filter(
      (e) => e.action === 'layout.forgotten',
    );
    expect(forgotten.map((e) => e.actor)).toEqual([`slack:${ADMIN}`, `slack:${ADMIN}`]);
    const fourth = await share(day4);
    expect(fourth.report.extracted.fields.sma).toBeUndefined();
    expect(fourth.report.extracted.issues.some((i) => i.code.startsWith('learned_'))).toBe(false);
  });
});
