import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import { eventually } from '../support/slack-double.ts';
import { type ReportSpec, type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { buttonClick, fileShareMessage, slashCommand, viewSubmission } from './slack.requests.ts';

/**
 * Issue 14 through the real Bolt app against the loopback Slack double: four-eyes, dual approval,
 * reject reasons and the change since the last approved report.
 */
const CHANNEL = 'C0TRUST';
const ADMIN = 'UADMINT'; // from ADMINS
const APPROVER = 'UAPPRT1';
const SECOND = 'UAPPRT2';
const ANALYST = 'UANALYT';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({
    admins: [`slack:${ADMIN}`],
    trust: { fourEyes: true, dualApprovalAbove: 50_000 },
  });
  await svc.repos.roles.set(`slack:${APPROVER}`, 'approver', `slack:${ADMIN}`);
  await svc.repos.roles.set(`slack:${SECOND}`, 'approver', `slack:${ADMIN}`);
});
afterAll(async () => {
  await svc?.stop();
});

let n = 0;
/** Shares a statement as `by` and waits for its summary. */
async function share(spec: Partial<ReportSpec> & { account_number?: string }, by = ANALYST) {
  const account = spec.account_number ?? `T14${String(++n).padStart(4, '0')}`;
  const date = spec.report_date ?? '2026-11-27';
  const ts = svc.slack.nextTs();
  const bytes = await testPdf({ ...spec, account_number: account, report_date: date });
  const file = svc.slack.addFile({ name: `${account}-${date}.pdf`, bytes, channel: CHANNEL, ts });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: by, ts, files: [file] }));
  const summary = await eventually(() => svc.slack.thread(CHANNEL, ts).find((m) => m.updates > 0), 20_000, 'summary');
  await svc.idle();
  const report = await svc.repos.reports.findByAccountDate(account, date);
  if (!report) throw new Error('report not stored');
  return { threadTs: ts, summary, reportId: report.id, account };
}

type Shared = Awaited<ReturnType<typeof share>>;

const click = (s: Shared, user: string, kind: keyof typeof ACTION_IDS) =>
  svc.sender.interaction(
    buttonClick({
      user,
      channel: CHANNEL,
      messageTs: s.summary.ts,
      threadTs: s.threadTs,
      actionId: ACTION_IDS[kind],
      value: s.reportId,
      responseUrl: svc.slack.responseUrl(),
    }),
  );

const ephemeralsTo = (user: string) => svc.slack.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);
const cardText = (s: Shared) => JSON.stringify(s.summary.blocks);
const statusOf = async (id: string) => (await svc.repos.reports.findById(id))?.status;

async function margin(text: string, user: string) {
  const responseUrl = svc.slack.responseUrl();
  const id = responseUrl.split('/').pop();
  await svc.sender.command(slashCommand({ user, channel: CHANNEL, text, responseUrl }));
  const answer = await eventually(() => svc.slack.responses.find((r) => r.id === id), 20_000, `/margin ${text}`);
  return JSON.stringify(answer.body);
}

async function approveAs(s: Shared, user: string) {
  const before = s.summary.updates;
  await click(s, user, 'approve');
  await eventually(() => s.summary.updates > before, 10_000, 'card update');
}

describe('four-eyes', () => {
  it("refuses the uploader's own Approve in one line and changes nothing", async () => {
    await svc.repos.roles.set(`slack:${ANALYST}`, 'approver', `slack:${ADMIN}`);
    try {
      const s = await share({});
      const updates = s.summary.updates;
      const before = ephemeralsTo(ANALYST).length;
      await click(s, ANALYST, 'approve');
      const notice = await eventually(() => ephemeralsTo(ANALYST)[before], 10_000, 'four-eyes notice');
      expect(String(notice.args.text)).toMatch(
        /^\S+ Four-eyes: You shared this report, so someone else must approve it\.$/,
      );
      expect(await statusOf(s.reportId)).toBe('pending');
      expect(s.summary.updates).toBe(updates);
      const audit = await svc.repos.audit.forEntity('margin_report', s.reportId);
      expect(audit.map((e) => e.action)).toEqual(['report.created']);
      // Someone else may.
      await approveAs(s, APPROVER);
      expect(await statusOf(s.reportId)).toBe('approved');
    } finally {
      await svc.repos.roles.set(`slack:${ANALYST}`, 'analyst', `slack:${ADMIN}`);
    }
  });

  it('does not exempt admins from ADMINS', async () => {
    const s = await share({}, ADMIN);
    const before = ephemeralsTo(ADMIN).length;
    await click(s, ADMIN, 'approve');
    const notice = await eventually(() => ephemeralsTo(ADMIN)[before], 10_000, 'four-eyes notice');
    expect(String(notice.args.text)).toContain('someone else must approve it');
    expect(await statusOf(s.reportId)).toBe('pending');
  });

  it('is turned off and on by an admin with /margin four-eyes, audited, and refused to others', async () => {
    expect(await margin('four-eyes off', APPROVER)).toContain('Only admins can change four-eyes approval.');
    expect(await margin('four-eyes off', ADMIN)).toContain('Four-eyes off');
    try {
      const s = await share({}, ADMIN);
      await approveAs(s, ADMIN);
      expect(await statusOf(s.reportId)).toBe('approved');
    } finally {
      expect(await margin('four-eyes on', ADMIN)).toContain('Four-eyes on');
    }
    expect(await margin('four-eyes on', ADMIN)).toContain('already on');
    const audit = await svc.repos.audit.forEntity('setting', 'four_eyes');
    expect(audit.map((e) => [e.action, e.actor, e.after])).toEqual([
      ['setting.changed', `slack:${ADMIN}`, { four_eyes: false }],
      ['setting.changed', `slack:${ADMIN}`, { four_eyes: true }],
    ]);
    const s = await share({}, ADMIN);
    const notices = ephemeralsTo(ADMIN).length;
    await click(s, ADMIN, 'approve');
    // The refusal is the click's answer: once it is there, the click has been handled.
    const notice = await eventually(() => ephemeralsTo(ADMIN)[notices], 10_000, 'four-eyes notice');
    expect(String(notice.args.text)).toContain('someone else must approve it');
    expect(await statusOf(s.reportId)).toBe('pending');
  });
});

describe('dual approval above DUAL_APPROVAL_ABOVE', () => {
  const call = {
    fields: {
      total_equity: 300_000,
      maintenance_requirement: 400_000,
      initial_requirement: 500_000,
      excess_liquidity: -100_000,
      margin_call: 100_000,
    },
  };

  it('needs a second, different approver; the card shows 1 of 2 approvals', async () => {
    const s = await share(call);
    expect(cardText(s)).toContain('0 of 2 approvals');
    await approveAs(s, APPROVER);
    expect(await statusOf(s.reportId)).toBe('pending');
    // A real mention of the first approver, as on the Approved line.
    expect(cardText(s)).toContain(`1 of 2 approvals (<@${APPROVER}>)`);
    expect(cardText(s)).toContain(ACTION_IDS.approve);

    const before = ephemeralsTo(APPROVER).length;
    await click(s, APPROVER, 'approve');
    const notice = await eventually(() => ephemeralsTo(APPROVER)[before], 10_000, 'same approver notice');
    expect(String(notice.args.text)).toContain('needs a second approval from someone else');
    expect(await statusOf(s.reportId)).toBe('pending');

    await approveAs(s, SECOND);
    const row = await svc.repos.reports.findById(s.reportId);
    expect(row?.status).toBe('approved');
    expect(row?.decidedBy).toBe(`slack:${SECOND}`);
    expect(cardText(s)).not.toContain(ACTION_IDS.approve);
    const audit = await svc.repos.audit.forEntity('margin_report', s.reportId);
    expect(audit.filter((e) => e.action !== 'report.created').map((e) => `${e.action} ${e.actor}`)).toEqual([
      `report.approval_given slack:${APPROVER}`,
      `report.approval_given slack:${SECOND}`,
      `report.approved slack:${SECOND}`,
    ]);
  });

  it('takes back a first approval when the report is edited, and the card and the audit trail say so', async () => {
    const s = await share(call);
    await approveAs(s, APPROVER);
    expect(cardText(s)).toContain(`1 of 2 approvals (<@${APPROVER}>)`);
    const opens = svc.slack.callsTo('views.open').length;
    await click(s, SECOND, 'edit');
    const open = await eventually(() => svc.slack.callsTo('views.open')[opens], 10_000, 'edit modal');
    const updates = s.summary.updates;
    const saved = await svc.sender.interaction(
      viewSubmission({
        user: SECOND,
        callbackId: EDIT_FORM_ID,
        privateMetadata: (open.args.view as { private_metadata: string }).private_metadata,
        values: {
          account_number: s.account,
          report_date: '2026-11-27',
          currency: 'USD',
          total_equity: '300000',
          maintenance_requirement: '400000',
          initial_requirement: '500000',
          excess_liquidity: '-100000',
          margin_call: '120000',
          reason: 'Call misread',
        },
      }),
    );
    expect(saved.status).toBe(200);
    await eventually(() => s.summary.updates > updates, 10_000, 'card update after the edit');
    // The edited figures were approved by nobody: back to 0 of 2, naming whose approval was taken back.
    expect(cardText(s)).toContain('0 of 2 approvals');
    expect(cardText(s)).toContain(`Approval by <@${APPROVER}> reset: the figures were edited after it`);
    expect((await svc.repos.approvals.byReports([s.reportId])).get(s.reportId)).toBeUndefined();
    const audit = await svc.repos.audit.forEntity('margin_report', s.reportId);
    const reset = audit.find((e) => e.action === 'report.approvals_reset');
    expect([reset?.actor, reset?.before]).toEqual([`slack:${SECOND}`, { approvals: [`slack:${APPROVER}`] }]);
    // The first approver may approve the edited figures; one approval is still not enough.
    await approveAs(s, APPROVER);
    expect(await statusOf(s.reportId)).toBe('pending');
    expect(cardText(s)).toContain(`1 of 2 approvals (<@${APPROVER}>)`);
    await approveAs(s, SECOND);
    expect(await statusOf(s.reportId)).toBe('approved');
  });

  it('asks one approval below the threshold', async () => {
    const s = await share({
      fields: { ...call.fields, total_equity: 390_000, excess_liquidity: -10_000, margin_call: 10_000 },
    });
    expect(cardText(s)).not.toContain('of 2 approvals');
    await approveAs(s, APPROVER);
    expect(await statusOf(s.reportId)).toBe('approved');
  });
});

describe('reject with a reason', () => {
  async function rejectForm(s: Shared, user: string) {
    const opens = svc.slack.callsTo('views.open').length;
    await click(s, user, 'reject');
    const open = await eventually(() => svc.slack.callsTo('views.open')[opens], 10_000, 'reject modal');
    return open.args.view as {
      callback_id: string;
      private_metadata: string;
      submit: { text: string };
      blocks: { block_id?: string; optional?: boolean; element?: { type: string; options?: { value: string }[] } }[];
    };
  }

  it('opens a modal with the reason codes, stores the code and comment in the decision and the audit trail', async () => {
    const s = await share({});
    const view = await rejectForm(s, APPROVER);
    expect(view.submit.text).toBe('Reject');
    const select = view.blocks.find((b) => b.block_id === 'reason_code');
    expect(select?.element?.type).toBe('static_select');
    expect(select?.element?.options?.map((o) => o.value)).toEqual([
      'wrong_account',
      'wrong_date',
      'wrong_value',
      'duplicate',
      'not_a_margin_report',
      'other',
    ]);
    expect(view.blocks.find((b) => b.block_id === 'reason')?.optional).toBe(true);
    expect(await statusOf(s.reportId)).toBe('pending');

    // No code: the modal stays open with the message under the select.
    const bad = await svc.sender.interaction(
      viewSubmission({
        user: APPROVER,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: { reason_code: undefined, reason: '' },
      }),
    );
    expect((bad.json() as { errors: Record<string, string> }).errors.reason_code).toContain('Pick a reason');
    expect(await statusOf(s.reportId)).toBe('pending');

    const updates = s.summary.updates;
    const ok = await svc.sender.interaction(
      viewSubmission({
        user: APPROVER,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: { reason_code: 'wrong_value', reason: 'Equity is last month’s' },
      }),
    );
    expect(ok.status).toBe(200);
    await eventually(() => s.summary.updates > updates, 10_000, 'card update');
    const row = await svc.repos.reports.findById(s.reportId);
    expect(row?.status).toBe('rejected');
    expect(row?.decisionReasonCode).toBe('wrong_value');
    expect(row?.decisionReason).toBe('Equity is last month’s');
    expect(cardText(s)).toContain('Wrong value: “Equity is last month’s”');
    const audit = (await svc.repos.audit.forEntity('margin_report', s.reportId)).find(
      (e) => e.action === 'report.rejected',
    );
    expect(audit?.reason).toBe('Equity is last month’s');
    expect(audit?.context).toEqual({ reason_code: 'wrong_value' });
    // Counted in /margin stats.
    expect(await margin('stats', APPROVER)).toContain('Wrong value (wrong_value)');
  });

  it('lets the uploader reject their own report (four-eyes guards approval only)', async () => {
    const s = await share({}, ADMIN);
    const view = await rejectForm(s, ADMIN);
    await svc.sender.interaction(
      viewSubmission({
        user: ADMIN,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: { reason_code: 'duplicate', reason: '' },
      }),
    );
    await eventually(async () => (await statusOf(s.reportId)) === 'rejected', 10_000, 'rejected');
    expect((await svc.repos.reports.findById(s.reportId))?.decisionReason).toBeNull();
  });
});

describe('change since the last approved report', () => {
  const figures = (equity: number, req: number) => ({
    fields: {
      total_equity: equity,
      maintenance_requirement: req,
      initial_requirement: req,
      excess_liquidity: equity - req,
      margin_call: 0,
    },
  });

  it('shows no Δ for a first report, and the right Δ and flags against the true predecessor', async () => {
    const account = `DLT${++n}`;
    const first = await share({ account_number: account, report_date: '2026-11-24', ...figures(1_000_000, 400_000) });
    expect(cardText(first)).not.toContain('Δ since');
    await approveAs(first, APPROVER);

    const later = await share({ account_number: account, report_date: '2026-11-26', ...figures(800_000, 400_000) });
    expect(cardText(later)).toContain(
      'Δ since 2026-11-24 (last approved): Equity -200,000.00 USD (-20.0%) · Requirement 0.00 USD (0.0%) · Excess -200,000.00 USD (-33.3%)',
    );
    expect(cardText(later)).not.toContain('Needs review — change');
    expect((await svc.repos.reports.findById(later.reportId))?.needsReview).toBe(false);
    await approveAs(later, APPROVER);

    // Arrives after 11-26 but is dated 11-25: compared with 11-24, its true predecessor.
    const late = await share({ account_number: account, report_date: '2026-11-25', ...figures(900_000, 400_000) });
    expect(cardText(late)).toContain('Δ since 2026-11-24 (last approved): Equity -100,000.00 USD (-10.0%)');

    // Equity −50 % and requirement +100 %, excess turning negative: three review reasons.
    const drop = await share({ account_number: account, report_date: '2026-11-27', ...figures(400_000, 800_000) });
    const text = cardText(drop);
    expect(text).toContain('Δ since 2026-11-26 (last approved): Equity -400,000.00 USD (-50.0%)');
    expect(text).toContain('Requirement +400,000.00 USD (+100.0%)');
    expect(text).toContain('Needs review — change');
    expect(text).toContain('Equity fell 50.0% since 2026-11-26 (flag at 30%).');
    expect(text).toContain('Excess liquidity turned negative since 2026-11-26.');
    expect(text).toContain('Requirement rose 100.0% since 2026-11-26 (flag at 50%).');
    // The flags are stored review reasons (pending lists and digests see them), shown once on the card.
    expect(text.split('Equity fell 50.0%')).toHaveLength(2);
    const stored = await svc.repos.reports.findById(drop.reportId);
    expect(stored?.needsReview).toBe(true);
    expect(stored?.extracted.issues.filter((i) => i.code === 'change_since_flag')).toHaveLength(3);
  });
});

describe('evidence on the card', () => {
  it('shows page, label and printed text inline for a field that needs review, and none for the others', async () => {
    // Excess does not agree with equity − requirement: the cross-check flags it.
    const s = await share({
      fields: {
        total_equity: 1_000_000,
        maintenance_requirement: 400_000,
        initial_requirement: 500_000,
        excess_liquidity: 550_000,
        margin_call: 0,
      },
      evidence: {
        excess_liquidity: { page: 2, bbox: [300, 140, 380, 152], label: 'Excess Liquidity', text: '550,000.00' },
        maintenance_requirement: { page: 1, bbox: [300, 160, 380, 172], label: 'Maint. Req.', text: '400,000.00' },
      },
    });
    const text = cardText(s);
    expect(text).toContain('p. 2 · Excess Liquidity · “550,000.00”');
    expect(text).not.toContain('Maint. Req.');
  });

  it('Show source uploads a PNG crop of the flagged value’s page region into the thread', async () => {
    // The harness PDF prints "Margin statement ACCOUNT DATE" at (20, 150) from the bottom of a 400×200 page:
    // 38–53 pt from the top in the evidence convention.
    const s = await share({
      fields: {
        total_equity: 1_000_000,
        maintenance_requirement: 400_000,
        initial_requirement: 500_000,
        excess_liquidity: 550_000,
        margin_call: 0,
      },
      evidence: {
        excess_liquidity: { page: 1, bbox: [20, 38, 140, 53], label: null, text: 'Margin statement' },
      },
    });
    expect(cardText(s)).toContain(ACTION_IDS.show_source);
    const before = svc.slack.callsTo('files.completeUploadExternal').length;
    await click(s, ANALYST, 'show_source');
    const done = await eventually(
      () => svc.slack.callsTo('files.completeUploadExternal')[before],
      20_000,
      'crop upload',
    );
    expect(done.args.channel_id).toBe(CHANNEL);
    expect(done.args.thread_ts).toBe(s.threadTs);
    expect(JSON.stringify(done.args.files)).toContain('Excess liquidity');
    const upload = svc.slack.uploads.at(-1)!;
    expect([...upload.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // A crop, not the page: the PNG header's size is the region's (page 400×200 pt at 144 dpi = 800×400 px).
    const width = upload.bytes.readUInt32BE(16);
    const height = upload.bytes.readUInt32BE(20);
    expect(height).toBeLessThan(400);
    expect(width * height).toBeLessThan(800 * 400);
    expect((await svc.repos.reports.findById(s.reportId))?.status).toBe('pending');
  });
});
