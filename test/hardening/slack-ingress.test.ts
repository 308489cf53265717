import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceAdmitted } from '../../src/platforms/slack/slack.ingress.ts';
import { type SlackService, startSlackService } from '../slack/slack.harness.ts';
import { slashCommand, TEAM } from '../slack/slack.requests.ts';
import { eventually } from '../support/slack-double.ts';

const CHANNEL = 'C0INGRESS';
const ADMIN = 'UADMIN';

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({ admins: [`slack:${ADMIN}`] });
});
afterAll(async () => {
  await svc?.stop();
});

const idOf = (url: string) => url.split('/').pop();
const answered = (url: string) => svc.slack.responses.filter((r) => r.id === idOf(url));

describe('requests reaching /slack/events', () => {
  // Issue 18 row 10: a correctly signed request dated 60 minutes ahead was accepted.
  it('are refused with 401 when signed with a timestamp more than five minutes in the future', async () => {
    const responseUrl = svc.slack.responseUrl();
    const future = Math.floor(Date.now() / 1000) + 60 * 60;
    const res = await svc.sender.command(slashCommand({ user: 'UX', channel: CHANNEL, text: 'help', responseUrl }), {
      timestamp: future,
    });
    expect(res.status).toBe(401);
    expect(svc.logs.some((l) => l.includes('timestamp in the future'))).toBe(true);
    // Within the window the same command is answered; the refused one never was.
    const soonUrl = svc.slack.responseUrl();
    const soon = await svc.sender.command(
      slashCommand({ user: 'UX', channel: CHANNEL, text: 'help', responseUrl: soonUrl }),
      { timestamp: Math.floor(Date.now() / 1000) + 60 },
    );
    expect(soon.status).toBe(200);
    await eventually(() => soon.text.length > 0 || answered(soonUrl).length > 0, 10_000, 'help answered');
    expect(answered(responseUrl)).toHaveLength(0);
  });

  // Issue 18 row 4: a signed slash command with another team_id or enterprise_id exported the book into it.
  it('are refused, and logged at warn, when they come from another workspace or enterprise', async () => {
    for (const [field, value] of [
      ['team_id', 'TEVIL'],
      ['enterprise_id', 'EEVIL'],
    ] as const) {
      const responseUrl = svc.slack.responseUrl();
      const uploadsBefore = svc.slack.callsTo('files.getUploadURLExternal').length;
      const posts = svc.slack.callsTo('chat.postMessage').length;
      const res = await svc.sender.command({
        ...slashCommand({ user: ADMIN, channel: CHANNEL, text: 'export all 366d csv', responseUrl }),
        [field]: value,
      });
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const warn = await eventually(
        () => svc.logs.find((l) => l.includes('not the installed workspace') && l.includes(value)),
        10_000,
        'warn log',
      );
      expect(JSON.parse(warn).level).toBe(40);
      expect(answered(responseUrl)).toHaveLength(0);
      expect(svc.slack.callsTo('files.getUploadURLExternal')).toHaveLength(uploadsBefore);
      expect(svc.slack.callsTo('chat.postMessage')).toHaveLength(posts);
    }
    // The same command from the installed workspace is answered.
    const home = svc.slack.responseUrl();
    const ok = await svc.sender.command(
      slashCommand({ user: ADMIN, channel: CHANNEL, text: 'help', responseUrl: home }),
    );
    expect(ok.status).toBe(200);
    expect(TEAM).toBe(svc.slack.teamId);
  });

  it('admit the bot token’s workspace, those listed in SLACK_ALLOWED_TEAMS, and a whole enterprise on an org-wide install', () => {
    const home = { teamId: 'T1' };
    expect(workspaceAdmitted({ teamId: 'T1' }, home, [])).toBe(true);
    expect(workspaceAdmitted({ teamId: 'T2' }, home, [])).toBe(false);
    expect(workspaceAdmitted({ teamId: 'T2' }, home, ['T2'])).toBe(true);
    expect(workspaceAdmitted({}, home, [])).toBe(false);
    expect(workspaceAdmitted({ teamId: 'T1', enterpriseId: 'E9' }, home, [])).toBe(false);
    const grid = { teamId: 'T1', enterpriseId: 'E1', enterpriseInstall: true };
    expect(workspaceAdmitted({ teamId: 'T7', enterpriseId: 'E1' }, grid, [])).toBe(true);
    expect(workspaceAdmitted({ teamId: 'T7', enterpriseId: 'E2' }, grid, [])).toBe(false);
    expect(workspaceAdmitted({ teamId: 'T1', enterpriseId: 'E1' }, { teamId: 'T1', enterpriseId: 'E1' }, [])).toBe(
      true,
    );
  });

  // Issue 18 row 8: one app_mention sent three times (X-Slack-Retry-Num 1, 2) got three replies.
  it('take each Events API delivery once, whatever its kind', async () => {
    const ts = svc.slack.nextTs();
    const mention = { type: 'app_mention', user: 'UX', text: '<@UBOT> help', ts, channel: CHANNEL, event_ts: ts };
    const sends = [undefined, '1', '2'].map((retry) =>
      svc.sender.event(mention, {
        eventId: 'EvMENTION1',
        ...(retry ? { headers: { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' } } : {}),
      }),
    );
    expect((await Promise.all(sends)).map((r) => r.status)).toEqual([200, 200, 200]);
    const replies = () =>
      [...svc.slack.callsTo('chat.postMessage'), ...svc.slack.callsTo('chat.postEphemeral')].filter(
        (c) =>
          c.args.channel === CHANNEL &&
          (c.args.thread_ts === ts || c.args.ts === ts || JSON.stringify(c.args).includes(ts)),
      );
    await eventually(() => replies().length > 0, 10_000, 'one reply');
    // A later mention (another event id) is still answered: only redeliveries are dropped.
    const ts2 = svc.slack.nextTs();
    await svc.sender.event({ ...mention, ts: ts2, event_ts: ts2 }, { eventId: 'EvMENTION2' });
    await eventually(
      () =>
        [...svc.slack.callsTo('chat.postMessage'), ...svc.slack.callsTo('chat.postEphemeral')].some((c) =>
          JSON.stringify(c.args).includes(ts2),
        ),
      10_000,
      'second mention answered',
    );
    expect(replies()).toHaveLength(1);
  });
});
