import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import { type SlackService, startSlackService } from '../slack/slack.harness.ts';
import { buttonClick, viewSubmission } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';
import { APPROVER, startTeamsHarness, type TeamsHarness } from '../teams/harness.ts';

// Issue 18 row 9: a button value that is not a uuid reached Postgres ("invalid input syntax for type
// uuid", logged at error) and the user saw "Something went wrong".
const FORGED = ["1' or '1'='1", 'not-a-uuid', '', '00000000-0000-0000-0000-00000000000g'];

describe('malformed ids from Slack', () => {
  let svc: SlackService;
  beforeAll(async () => {
    svc = await startSlackService({ admins: ['slack:UADMIN'] });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('on a button: “That report no longer exists”, a warning, no database error', async () => {
    for (const value of FORGED) {
      const before = svc.slack.callsTo('chat.postEphemeral').length;
      const res = await svc.sender.interaction(
        buttonClick({
          user: 'UADMIN',
          channel: 'C0IDS',
          messageTs: svc.slack.nextTs(),
          actionId: ACTION_IDS.approve,
          value,
          responseUrl: svc.slack.responseUrl(),
        }),
      );
      expect(res.status).toBe(200);
      const notice = await eventually(() => svc.slack.callsTo('chat.postEphemeral')[before], 10_000, 'notice');
      expect(String(notice.args.text)).toContain('That report no longer exists');
    }
    const levels = svc.logs.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(levels.filter((l) => l.msg === 'button value refused: not a report id' && l.level === 40)).toHaveLength(
      FORGED.length,
    );
    expect(levels.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('in the edit modal’s metadata: the modal says so, nothing is stored', async () => {
    for (const meta of [
      'not json',
      JSON.stringify({ reportId: 'x', version: 1 }),
      JSON.stringify({ reportId: crypto.randomUUID() }),
    ]) {
      const res = await svc.sender.interaction(
        viewSubmission({
          user: 'UADMIN',
          callbackId: EDIT_FORM_ID,
          privateMetadata: meta,
          values: { account_number: 'U1', report_date: '2026-11-27', currency: 'USD', reason: 'typo fixed' },
        }),
      );
      expect(res.status).toBe(200);
      const body = res.json() as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.values(body.errors).join(' ')).toContain('That report no longer exists');
    }
    expect(svc.logs.map((l) => JSON.parse(l) as { level: number }).filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('malformed ids from Teams', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(() => h?.stop());

  it('on a card action: “That report no longer exists”, never an internal error', async () => {
    for (const value of FORGED) {
      const res = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.approve, { value }, 'msg-1'));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toContain('That report no longer exists');
    }
  });
});
