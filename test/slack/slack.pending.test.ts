import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/core/cards/card.model.ts';
import { eventually } from '../support/slack-double.ts';
import { type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { buttonClick, fileShareMessage, slashCommand } from './slack.requests.ts';

// Issue 17 item 6: pending work is always actionable, through the real Bolt app and the Slack double.
const UPLOADS = 'C0UPLOADS';
const ELSEWHERE = 'C0ELSEWHERE';
const ANALYST = 'UANALYST';
const APPROVER = 'UAPPROVER';
const ACCOUNT = 'U6100001';
const DATE = '2026-11-27';

let svc: SlackService;
let summaryTs = '';
beforeAll(async () => {
  svc = await startSlackService();
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', 'test');
  const ts = svc.slack.nextTs();
  const bytes = await testPdf({ account_number: ACCOUNT, report_date: DATE });
  const file = svc.slack.addFile({ name: 'pending.pdf', bytes, channel: UPLOADS, ts });
  await svc.sender.event(fileShareMessage({ channel: UPLOADS, user: ANALYST, ts, files: [file] }));
  const summary = await eventually(() => svc.slack.thread(UPLOADS, ts).find((m) => m.updates > 0), 20_000, 'summary');
  summaryTs = summary.ts;
  await svc.idle();
});
afterAll(async () => {
  await svc?.stop();
});

async function margin(text: string, user: string, channel: string) {
  const responseUrl = svc.slack.responseUrl();
  const id = responseUrl.split('/').pop();
  await svc.sender.command(slashCommand({ user, channel, text, responseUrl }));
  const answer = await eventually(() => svc.slack.responses.find((r) => r.id === id), 20_000, `/margin ${text}`);
  return answer.body as { response_type?: string; text?: string; blocks?: unknown[] };
}

/** The buttons of a Block Kit message: action id and value. */
const buttons = (blocks: unknown[] = []) =>
  blocks.flatMap((b) => {
    const block = b as { type: string; elements?: { type: string; action_id?: string; value?: string }[] };
    return block.type === 'actions'
      ? (block.elements ?? []).filter((e) => e.type === 'button').map((e) => ({ id: e.action_id, value: e.value }))
      : [];
  });

describe('/margin pending and /margin report carry the decision buttons', () => {
  it('gives an approver Approve / Reject / Edit on each pending report, from any channel', async () => {
    const report = await svc.repos.reports.findByAccountDate(ACCOUNT, DATE);
    const answer = await margin('pending', APPROVER, ELSEWHERE);
    expect(answer.response_type).toBe('ephemeral');
    const mine = buttons(answer.blocks).filter((b) => b.value === report?.id);
    expect(mine.map((b) => b.id)).toEqual([ACTION_IDS.approve, ACTION_IDS.reject, ACTION_IDS.edit]);
    const shown = await margin(`report ${ACCOUNT}`, APPROVER, ELSEWHERE);
    expect(buttons(shown.blocks).map((b) => b.id)).toEqual([ACTION_IDS.approve, ACTION_IDS.reject, ACTION_IDS.edit]);
    expect(JSON.stringify(shown.blocks)).not.toContain('in the thread of its upload');
  });

  it('lists the report without buttons for someone who cannot decide it', async () => {
    const answer = await margin('pending', ANALYST, UPLOADS);
    expect(JSON.stringify(answer.blocks)).toContain(ACCOUNT);
    expect(buttons(answer.blocks)).toEqual([]);
    const shown = await margin(`report ${ACCOUNT}`, ANALYST, UPLOADS);
    expect(buttons(shown.blocks)).toEqual([]);
  });

  it('approves from the ephemeral answer and updates the summary in its thread', async () => {
    const report = await svc.repos.reports.findByAccountDate(ACCOUNT, DATE);
    const res = await svc.sender.interaction(
      buttonClick({
        user: APPROVER,
        channel: ELSEWHERE,
        messageTs: svc.slack.nextTs(),
        actionId: ACTION_IDS.approve,
        value: report?.id ?? '',
        responseUrl: svc.slack.responseUrl(),
        ephemeral: true,
      }),
    );
    expect(res.status).toBe(200);
    const summary = svc.slack.messages.get(summaryTs);
    await eventually(async () => (await svc.repos.reports.findById(report?.id ?? ''))?.status === 'approved');
    await eventually(() => !JSON.stringify(summary?.blocks).includes(ACTION_IDS.approve), 10_000, 'summary update');
    const after = await margin('pending', APPROVER, ELSEWHERE);
    expect(buttons(after.blocks).filter((b) => b.value === report?.id)).toEqual([]);
  });
});
