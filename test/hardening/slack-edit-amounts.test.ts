import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import { type SlackService, startSlackService, testPdf } from '../slack/slack.harness.ts';
import { buttonClick, fileShareMessage, viewSubmission } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';

// Issue 18 row 6: `5-`, `$-$5`, `1-2-3`, `1,2,3,4` were stored as 5, 5, 123, 1234; 309 nines answered 500.
const CHANNEL = 'C0EDITS';
const ADMIN = 'UADMIN';
const ANALYST = 'UANALYST';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({ admins: [`slack:${ADMIN}`] });
});
afterAll(async () => {
  await svc?.stop();
});

async function editModal() {
  const ts = svc.slack.nextTs();
  const bytes = await testPdf({ account_number: 'U3000001', report_date: '2026-11-27' });
  const file = svc.slack.addFile({ name: 'U3000001.pdf', bytes, channel: CHANNEL, ts });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: ANALYST, ts, files: [file] }));
  const summary = await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, 'summary');
  await svc.idle();
  const report = await svc.repos.reports.findByAccountDate('U3000001', '2026-11-27');
  if (!report) throw new Error('report not stored');
  const opens = svc.slack.callsTo('views.open').length;
  await svc.sender.interaction(
    buttonClick({
      user: ADMIN,
      channel: CHANNEL,
      messageTs: summary.ts,
      threadTs: ts,
      actionId: ACTION_IDS.edit,
      value: report.id,
      responseUrl: svc.slack.responseUrl(),
    }),
  );
  const open = await eventually(() => svc.slack.callsTo('views.open')[opens], 10_000, 'views.open');
  return { reportId: report.id, metadata: (open.args.view as { private_metadata: string }).private_metadata };
}

describe('amounts typed into the Slack edit modal', () => {
  it('are refused field by field when ambiguous or impossible, and a trailing minus is negative', async () => {
    const { reportId, metadata } = await editModal();
    const base = {
      account_number: 'U3000001',
      report_date: '2026-11-27',
      currency: 'USD',
      total_equity: '1000000',
      maintenance_requirement: '400000',
      reason: 'Figures misread',
    };
    const bad = await svc.sender.interaction(
      viewSubmission({
        user: ADMIN,
        callbackId: EDIT_FORM_ID,
        privateMetadata: metadata,
        values: {
          ...base,
          cash_balance: '$-$5',
          excess_liquidity: '1-2-3',
          buying_power: '1,2,3,4',
          margin_call: '9'.repeat(309),
          sma: '--5',
        },
      }),
    );
    expect(bad.status).toBe(200);
    const body = bad.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual([
      'buying_power',
      'cash_balance',
      'excess_liquidity',
      'margin_call',
      'sma',
    ]);
    expect((await svc.repos.reports.findById(reportId))?.extracted.fields.cash_balance).not.toBe(5);

    const good = await svc.sender.interaction(
      viewSubmission({
        user: ADMIN,
        callbackId: EDIT_FORM_ID,
        privateMetadata: metadata,
        values: { ...base, cash_balance: '5-', excess_liquidity: '(1,234.50)', buying_power: '2,000.00 DR' },
      }),
    );
    expect(good.status).toBe(200);
    expect(good.text).toBe('');
    const fields = (await svc.repos.reports.findById(reportId))?.extracted.fields;
    expect(fields).toMatchObject({ cash_balance: -5, excess_liquidity: -1234.5, buying_power: -2000 });
  });
});
