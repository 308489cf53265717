import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import type { CommandReply } from '../../src/core/commands/command.types.ts';
import { EDIT_CANCEL_ID } from '../../src/platforms/teams/teams.forms.ts';
import { postActivity } from '../support/teams-double.ts';
import {
  ADMIN,
  ANALYST,
  APPROVER,
  actionData,
  cardText,
  NAMES,
  pdf,
  startTeamsHarness,
  type TeamsHarness,
} from './harness.ts';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const INVOKE_MESSAGE = 'application/vnd.microsoft.activity.message';

describe('MarginIQ in Teams, driven over HTTP (unauthenticated local mode)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({
      // Until exports land everywhere, one command returns a file so delivery can be tested.
      runCommand: (base) => async (ctx, text) => {
        if (text !== 'export testfile') return base(ctx, text);
        const reply: CommandReply = {
          card: {
            title: 'Export',
            tone: 'info',
            fallbackText: 'Export',
            blocks: [{ type: 'text', text: 'Your export' }],
          },
          visibility: 'channel',
          file: {
            name: 'export.csv',
            bytes: new TextEncoder().encode('account,equity\nU1,1\n'),
            contentType: 'text/csv',
            title: 'Export',
          },
        };
        return reply;
      },
    });
  });
  afterAll(() => h?.stop());

  /** Uploads a PDF in a personal chat and waits for its summary; returns the summary message. */
  async function uploadAndWait(user: string, name: string, bytes: Uint8Array) {
    const url = h.double.host(`${name}-${Math.random()}`, bytes);
    const res = await h.send(h.activities.file(user, name, url));
    expect(res.status).toBe(200);
    const reading = await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'POST' && cardText(c).includes(`Reading ${name}`)),
      'the reading reply',
    );
    await h.settle();
    const messageId = reading.responseId ?? '';
    const summary = await h.double.waitFor(
      () => h.double.activityCalls().findLast((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`)),
      'the summary update',
    );
    return { reading, summary, messageId };
  }

  it('stores the conversation reference on install and greets once', async () => {
    const installs = [h.activities.installed(ANALYST), h.activities.installed(ANALYST)];
    for (const install of installs) await h.send(install);
    const conv = h.activities.personalConversation(ANALYST);
    // Both installs handled to their end (the greeting is posted after the answer).
    for (const install of installs) await h.handled(install);
    const ref = (await h.repos.conversations.get('teams', conv)) as { serviceUrl: string; bot: { id: string } };
    expect(ref.serviceUrl).toBe(h.double.url);
    expect(ref.bot.id).toBe(h.activities.bot.id);
    expect(h.double.activityCalls().filter((c) => cardText(c).includes('MarginIQ is here'))).toHaveLength(1);
  });

  it('answers a PDF in a personal chat with "reading…", then updates that message to the summary card', async () => {
    const { reading, summary } = await uploadAndWait(ANALYST, 'statement.pdf', pdf('acct=T100'));
    const readingBody = reading.body as { attachments: { contentType: string }[]; summary: string };
    expect(readingBody.attachments[0]?.contentType).toBe(ADAPTIVE);
    expect(reading.path).toBe(`/v3/conversations/${h.activities.personalConversation(ANALYST)}/activities`);
    const card = cardText(summary);
    expect(card).toContain('Account T100');
    expect(card).toContain('"version":"1.5"');
    expect(actionData(summary, ACTION_IDS.approve)?.value).toBeTruthy();
    // Action.Execute with an Action.Submit fallback for older clients.
    expect(card).toContain('"fallback":{"type":"Action.Submit"');
    // The download went to the pre-authorised URL without any credentials.
    const download = h.double.calls.find((c) => c.server === 'storage' && c.path.startsWith('/dl/statement.pdf'));
    expect(download?.headers.authorization).toBeUndefined();
    const [ingestion] = await h.repos.reports.recent(10).then((r) => r.filter((x) => x.accountNumber === 'T100'));
    expect(ingestion?.createdBy).toBe(`teams:${ANALYST}`);
  });

  it('lets an approver approve with Action.Execute: card answer, summary updated for everyone, decided once', async () => {
    const { summary, messageId } = await uploadAndWait(ANALYST, 'approve-me.pdf', pdf('acct=T200'));
    const reportId = String(actionData(summary, ACTION_IDS.approve)?.value);
    const click = h.activities.invoke(APPROVER, ACTION_IDS.approve, { value: reportId }, messageId);
    const first = await h.send(click);
    expect(first.status).toBe(200);
    expect(first.body?.statusCode).toBe(200);
    expect(first.body?.type).toBe(ADAPTIVE);
    // By the name Teams sent with the click, not the AAD id.
    expect(JSON.stringify(first.body?.value)).toContain(`Approved by <at>${NAMES[APPROVER]}</at> at`);
    // The same invoke again (Teams retries) and a second click: still one decision.
    const retry = await h.send(click);
    expect(retry.status).toBe(200);
    const again = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.approve, { value: reportId }, messageId));
    expect(again.body?.type).toBe(INVOKE_MESSAGE);
    expect(String(again.body?.value)).toMatch(/already approved/i);
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find(
            (c) =>
              c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`) && cardText(c).includes('Approved by'),
          ),
      'the summary showing the decision',
    );
    const report = await h.repos.reports.findById(reportId);
    expect(report?.status).toBe('approved');
    expect(report?.decidedBy).toBe(`teams:${APPROVER}`);
    expect(report?.decidedAt).toBeTruthy();
    const approvals = (await h.repos.audit.forEntity('margin_report', reportId)).filter(
      (e) => e.action === 'report.approved',
    );
    expect(approvals).toHaveLength(1);
  });

  it('refuses an analyst with a notice and leaves the card and the report unchanged', async () => {
    const { summary, messageId } = await uploadAndWait(ANALYST, 'refuse-me.pdf', pdf('acct=T300'));
    const reportId = String(actionData(summary, ACTION_IDS.reject)?.value);
    // The upload drew the analyst's home card again (issue 17): that is done before counting.
    await h.homes.idle();
    const puts = h.double.activityCalls().filter((c) => c.method === 'PUT').length;
    const click = h.activities.invoke(ANALYST, ACTION_IDS.reject, { value: reportId }, messageId);
    const res = await h.send(click);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: INVOKE_MESSAGE });
    expect(String(res.body?.value)).toMatch(/Not allowed/);
    expect((await h.repos.reports.findById(reportId))?.status).toBe('pending');
    await h.handled(click);
    expect(h.double.activityCalls().filter((c) => c.method === 'PUT')).toHaveLength(puts);
  });

  it('rejects for an approver through the reason form, stores the code and shows who rejected and why', async () => {
    const { summary, messageId } = await uploadAndWait(ANALYST, 'reject-me.pdf', pdf('acct=T350'));
    const reportId = String(actionData(summary, ACTION_IDS.reject)?.value);
    const open = await h.send(h.activities.invoke(ADMIN, ACTION_IDS.reject, { value: reportId }, messageId));
    const form = JSON.stringify(open.body?.value);
    expect(form).toContain('"type":"Input.ChoiceSet","id":"reason_code"');
    expect(form).toContain('"value":"not_a_margin_report"');
    expect((await h.repos.reports.findById(reportId))?.status).toBe('pending');
    const submit = actionData({ body: open.body?.value }, EDIT_FORM_ID) as { value: string; version: number };

    // No code: the form comes back with the message, nothing is decided.
    const bad = await h.send(h.activities.invoke(ADMIN, EDIT_FORM_ID, { ...submit, reason: 'x' }, messageId));
    expect(JSON.stringify(bad.body?.value)).toContain('Pick a reason');
    expect((await h.repos.reports.findById(reportId))?.status).toBe('pending');

    const res = await h.send(
      h.activities.invoke(
        ADMIN,
        EDIT_FORM_ID,
        { ...submit, reason_code: 'wrong_account', reason: 'Belongs to the fund' },
        messageId,
      ),
    );
    expect(JSON.stringify(res.body?.value)).toContain(`Rejected by <at>${NAMES[ADMIN]}</at> at`);
    expect(JSON.stringify(res.body?.value)).toContain('Wrong account: “Belongs to the fund”');
    const row = await h.repos.reports.findById(reportId);
    expect(row?.status).toBe('rejected');
    expect(row?.decisionReasonCode).toBe('wrong_account');
  });

  it('edits inline: the form with inputs, a validation error, then saved values on the refreshed card', async () => {
    const { summary, messageId } = await uploadAndWait(ANALYST, 'edit-me.pdf', pdf('acct=T400'));
    const reportId = String(actionData(summary, ACTION_IDS.edit)?.value);
    const open = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.edit, { value: reportId }, messageId));
    expect(open.body?.type).toBe(ADAPTIVE);
    const form = JSON.stringify(open.body?.value);
    expect(form).toContain('"type":"Input.Number","id":"total_equity"');
    expect(form).toContain('"id":"reason"');
    const save = actionData({ body: open.body?.value }, EDIT_FORM_ID) as { value: string; version: number };
    expect(save.value).toBe(reportId);

    const bad = await h.send(
      h.activities.invoke(
        APPROVER,
        EDIT_FORM_ID,
        {
          ...save,
          account_number: 'T400',
          report_date: '2026-11-27',
          currency: 'USD',
          total_equity: 'lots',
          reason: 'typo fix',
        },
        messageId,
      ),
    );
    expect(JSON.stringify(bad.body?.value)).toContain('This is not a number.');

    const good = await h.send(
      h.activities.invoke(
        APPROVER,
        EDIT_FORM_ID,
        {
          ...save,
          account_number: 'T400',
          report_date: '2026-11-27',
          currency: 'USD',
          total_equity: '1234567.5',
          maintenance_requirement: '400000',
          reason: 'statement reprinted',
        },
        messageId,
      ),
    );
    expect(good.body?.type).toBe(ADAPTIVE);
    expect(JSON.stringify(good.body?.value)).toContain('1,234,567.50 USD');
    const report = await h.repos.reports.findById(reportId);
    expect(report?.extracted.fields.total_equity).toBe(1234567.5);
    const edits = (await h.repos.audit.forEntity('margin_report', reportId)).filter(
      (e) => e.action === 'report.edited',
    );
    expect(edits).toHaveLength(1);
    expect(edits[0]?.reason).toBe('statement reprinted');

    const cancel = await h.send(h.activities.invoke(APPROVER, EDIT_CANCEL_ID, { value: reportId }, messageId));
    expect(cancel.body?.type).toBe(ADAPTIVE);
    expect(JSON.stringify(cancel.body?.value)).toContain('Account T400');
  });

  it('handles the Action.Submit fallback as a message with value', async () => {
    const { summary, messageId } = await uploadAndWait(ANALYST, 'submit-me.pdf', pdf('acct=T450'));
    const reportId = String(actionData(summary, ACTION_IDS.approve)?.value);
    const msg = h.activities.message(APPROVER, '', {
      value: { verb: ACTION_IDS.approve, value: reportId },
      replyToId: messageId,
    });
    expect((await h.send(msg)).status).toBe(200);
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find((c) => c.method === 'PUT' && c.path.endsWith(`/${messageId}`) && cardText(c).includes('Approved by')),
      'the fallback update',
    );
    expect((await h.repos.reports.findById(reportId))?.status).toBe('approved');
  });

  it('answers every command with a card, in a personal chat and with the @mention stripped in a channel', async () => {
    const commands = [
      'help',
      'report T100',
      'recent',
      'pending',
      'calls',
      'stats',
      'health',
      'export T100',
      'digest here',
      'digest off',
      'digest now',
      `role teams:${ANALYST} viewer`,
      'nonsense words',
    ];
    for (const [i, text] of commands.entries()) {
      const user = i % 2 ? ADMIN : ANALYST;
      const before = h.double.activityCalls().length;
      const activity = i % 3 === 0 ? h.activities.channelMessage(user, text) : h.activities.message(user, text);
      expect((await h.send(activity)).status).toBe(200);
      const reply = await h.double.waitFor(
        () =>
          h.double
            .activityCalls()
            .slice(before)
            .find((c) => c.method === 'POST'),
        `an answer to "${text}"`,
      );
      const body = (
        reply.body as { attachments?: { contentType: string; content: { body: unknown[] } }[]; activity?: unknown }
      ).attachments;
      expect(body?.[0]?.contentType, text).toBe(ADAPTIVE);
      expect(body?.[0]?.content.body.length, text).toBeGreaterThan(0);
      if (i % 3 === 0) expect(reply.path, text).toContain(';messageid=');
      if (process.env.SHOW_REPLIES) console.log(text, '→', cardText(reply).slice(0, 300));
      expect(cardText(reply), text).not.toMatch(/went wrong/);
      // An export's file follows its card: wait for that post itself, so it cannot pass for the next answer.
      if (text.startsWith('export'))
        await h.double.waitFor(
          () =>
            h.double
              .activityCalls()
              .slice(before)
              .filter((c) => c.method === 'POST')[1],
          `the file of "${text}"`,
        );
      await h.handled(activity);
    }
  });

  it('maps an @mentioned person to their AAD id for role', async () => {
    h.double.members.set('29:ann', { id: '29:ann', name: 'Ann', aadObjectId: 'aad-ann' });
    const a = h.activities.channelMessage(ADMIN, 'role <at>Ann</at> approver');
    a.entities = [
      ...(a.entities ?? []),
      { type: 'mention', text: '<at>Ann</at>', mentioned: { id: '29:ann', name: 'Ann' } },
    ];
    const before = h.double.activityCalls().length;
    await h.send(a);
    await h.double.waitFor(() => h.double.calls.find((c) => c.path.includes('/members/29:ann')), 'the roster lookup');
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .slice(before)
          .find((c) => c.method === 'POST' && cardText(c).includes('aad-ann is now approver')),
      'the role answer',
    );
    expect(await h.repos.roles.get('teams:aad-ann')).toBe('approver');
  });

  it('says in a plain sentence when a file is not a PDF, not really a PDF, or corrupt', async () => {
    await h.send(
      h.activities.file(ANALYST, 'notes.docx', h.double.host('notes.docx', new TextEncoder().encode('PK..'))),
    );
    await h.double.waitFor(
      () => h.double.activityCalls().find((c) => cardText(c).includes('notes.docx is not a PDF')),
      'the not-a-PDF notice',
    );

    await h.send(
      h.activities.file(
        ANALYST,
        'fake.pdf',
        h.double.host('fake.pdf', new TextEncoder().encode('hello, not a pdf'), 'application/octet-stream'),
      ),
    );
    await h.settle();
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find(
            (c) =>
              c.method === 'PUT' &&
              cardText(c).includes('Could not read fake.pdf') &&
              cardText(c).includes('not a PDF'),
          ),
      'the not-really-a-PDF sentence',
    );

    await h.send(h.activities.file(ANALYST, 'broken.pdf', h.double.host('broken.pdf', pdf('broken'))));
    await h.settle();
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find(
            (c) =>
              c.method === 'PUT' &&
              cardText(c).includes('Could not read broken.pdf') &&
              cardText(c).includes('damaged'),
          ),
      'the corrupt-PDF sentence',
    );

    // An HTML answer (an expired link's sign-in page) is refused, never handed to extraction.
    await h.send(
      h.activities.file(
        ANALYST,
        'page.pdf',
        h.double.host('page.pdf', new TextEncoder().encode('<html>sign in</html>'), 'text/html'),
      ),
    );
    await h.double.waitFor(
      () => h.double.calls.find((c) => c.server === 'storage' && c.path.startsWith('/dl/page.pdf')),
      'the download',
    );
    await h.settle();
    const [row] = await h.db.query<{ error_code: string; error_message: string }>(
      "select error_code, error_message from analytics.ingestions where file_name = 'page.pdf'",
    );
    expect(row?.error_code).toBe('download.refused');
    expect(row?.error_message).toMatch(/web page/);
  });

  it('refuses a file over the size limit before downloading it', async () => {
    const big = new Uint8Array(80 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    await h.send(h.activities.file(ANALYST, 'huge.pdf', h.double.host('huge.pdf', big)));
    await h.settle();
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find((c) => cardText(c).includes('Could not read huge.pdf') && cardText(c).includes('limit')),
      'the size refusal',
    );
  });

  it('without credentials, explains how to send a channel file in a personal chat', async () => {
    const a = h.activities.channelMessage(ANALYST, '', {
      attachments: [
        { contentType: 'text/html', content: '<div><at>MarginIQ</at> <attachment id="f1"></attachment></div>' },
      ],
    });
    await h.send(a);
    await h.double.waitFor(
      () => h.double.activityCalls().find((c) => cardText(c).includes('personal chat')),
      'the personal-chat advice',
    );
    expect(h.double.calls.some((c) => c.server === 'graph')).toBe(false);
  });

  /** Asks for an export in a personal chat and returns the file-consent attachment the bot sent. */
  async function exportInPersonalChat() {
    const before = h.double.activityCalls().length;
    await h.send(h.activities.message(ANALYST, 'export testfile'));
    const consent = await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .slice(before)
          .find((c) => JSON.stringify(c.body).includes('application/vnd.microsoft.teams.card.file.consent')),
      'the consent card',
    );
    return (consent.body as { attachments: { content: { acceptContext: { token: string }; sizeInBytes: number } }[] })
      .attachments[0];
  }

  it('delivers a command file as a consent card in a personal chat and uploads it on accept', async () => {
    const att = await exportInPersonalChat();
    expect(att?.content.sizeInBytes).toBeGreaterThan(0);
    const uploadUrl = `${h.double.storageUrl}/upload/export.csv`;
    const res = await h.send(
      h.activities.fileConsent(ANALYST, 'accept', att?.content.acceptContext.token ?? '', uploadUrl, '1'),
    );
    expect(res.status).toBe(200);
    expect(h.double.uploads.get('export.csv')?.toString()).toContain('account,equity');
    const put = h.double.calls.find((c) => c.server === 'storage' && c.method === 'PUT');
    expect(put?.headers['content-range']).toMatch(/^bytes 0-\d+\/\d+$/);
    expect(put?.headers.authorization).toBeUndefined();
    await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .find((c) => JSON.stringify(c.body).includes('application/vnd.microsoft.teams.card.file.info')),
      'the file info card',
    );
  });

  it('delivers a command file in a channel as a time-limited link served by /api/teams/files', async () => {
    const before = h.double.activityCalls().length;
    await h.send(h.activities.channelMessage(ANALYST, 'export testfile'));
    const link = await h.double.waitFor(
      () =>
        h.double
          .activityCalls()
          .slice(before)
          .find((c) => cardText(c).includes('/api/teams/files/')),
      'the link card',
    );
    const url = /"url":"([^"]+\/api\/teams\/files\/[^"]+)"/.exec(cardText(link))?.[1] ?? '';
    expect(url.startsWith(h.url)).toBe(true);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('export.csv');
    expect(await file.text()).toContain('account,equity');
    expect((await fetch(`${h.url}/api/teams/files/not-a-token`)).status).toBe(404);
    // Behind a load balancer the link may reach another replica: it serves the same bytes.
    const other = await h.replica();
    const again = await fetch(url.replace(h.url, other.url));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('account,equity');
  });

  it('answers a consent click once, on whichever replica it reaches, and ignores the double click', async () => {
    const token = (await exportInPersonalChat())?.content.acceptContext.token ?? '';
    const other = await h.replica();
    const uploadUrl = `${h.double.storageUrl}/upload/replica-export.csv`;
    const puts = () => h.double.calls.filter((c) => c.server === 'storage' && c.method === 'PUT').length;
    const putsBefore = puts();
    const click = h.activities.fileConsent(ANALYST, 'accept', token, uploadUrl, '1');
    expect((await postActivity(other.url, click)).status).toBe(200);
    expect(h.double.uploads.get('replica-export.csv')?.toString()).toContain('account,equity');
    expect((await h.send(click)).status).toBe(200);
    expect(puts() - putsBefore).toBe(1);
  });

  it('posts proactively from the stored reference: a new channel thread via POST /v3/conversations', async () => {
    await h.send(h.activities.channelMessage(ANALYST, 'help'));
    await h.platform.gateway.post(
      { platform: 'teams', channelId: h.activities.channelId },
      { title: 'Daily digest', tone: 'info', fallbackText: 'Daily digest', blocks: [] },
    );
    const created = h.double.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(created?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: h.activities.channelId } } });
  });

  it('shows a picture (the digest chart) from a long-lived link instead of a consent card', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    await h.platform.gateway.uploadFile(
      { platform: 'teams', channelId: h.activities.channelId, threadRef: '1' },
      { name: 'chart.png', bytes: png, contentType: 'image/png', title: 'Last 30 days' },
    );
    const post = h.double.activityCalls().findLast((c) => cardText(c).includes('"type":"Image"'));
    const url = /"url":"([^"]+)"/.exec(cardText(post ?? { body: {} }))?.[1] ?? '';
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers malformed requests without crashing', async () => {
    const bad = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    const unknownVerb = await h.send(h.activities.invoke(ANALYST, 'something.else', {}));
    expect(unknownVerb.body).toMatchObject({ statusCode: 200, type: INVOKE_MESSAGE });
  });
});
