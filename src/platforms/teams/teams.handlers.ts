import { actionKindOf, type Card, EDIT_FORM_ID, textCard } from '../../core/cards/card.model.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import type { ActionOutcome } from '../../core/chat.types.ts';
import { toAppError } from '../../core/errors.ts';
import { notPdfNotice } from '../../core/ingest/upload.receive.ts';
import type { ConversationRef } from '../../core/ports/chat.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import { NO_SUCH_REPORT, readButtonValue } from '../action.payloads.ts';
import {
  ADAPTIVE_CARD,
  botMentioned,
  commandText,
  conversationRefOf,
  fileAttachments,
  isPersonal,
  mentionsAFile,
  referenceOf,
  userOf,
  type WireAccount,
  type WireActivity,
} from './teams.activity.ts';
import { type Answer, answerAfterFailure, invokeResponse } from './teams.boundary.ts';
import { renderCard } from './teams.cards.ts';
import type { Graph } from './teams.files.ts';
import { EDIT_CANCEL_ID, readSubmission, renderEditForm } from './teams.forms.ts';
import type { TeamsGateway } from './teams.gateway.ts';
import type { FileConsentValue, Outbox } from './teams.outbox.ts';

export interface HandlerDeps {
  chat: ChatCore;
  gateway: TeamsGateway;
  outbox: Outbox;
  graph: Graph | undefined;
  logger: Logger;
  count: (what: string, labels?: Record<string, string>) => void;
}

const noticeText = (c: Card) => c.fallbackText;

const CHANNEL_FILES_HELP =
  'In channels and group chats Teams does not hand files to bots, and this MarginIQ has no Azure app credentials to fetch them through Microsoft Graph. Send the PDF in a personal chat instead: open a chat with MarginIQ, attach the PDF and send it.';

export function createHandlers(deps: HandlerDeps) {
  const { chat, gateway, logger } = deps;

  // Issue 17: a home card in the personal chat is updated in place whenever the queue changes,
  // from any platform or replica.
  const homeShown = (a: WireActivity, to: ConversationRef, messageRef: string) =>
    chat.homeShown({ platform: 'teams', user: userOf(a), channelId: to.channelId, surface: 'private', messageRef });

  /** A click's invoke answer: the form, a notice, or the summary as core just showed it to everyone. */
  function answerFor(out: ActionOutcome): Answer {
    if (out.form) return { card: renderEditForm(out.form) };
    // Issue 17: Open shows the report, with its buttons, to the clicker in place of the card clicked.
    if (out.view) return { card: renderCard(out.view) };
    if (out.notice) return { notice: noticeText(out.notice) };
    if (out.summary) return { card: renderCard(out.summary) };
    return { notice: 'Done.' };
  }

  /** One click, from an Action.Execute invoke or an Action.Submit fallback message. */
  async function act(a: WireActivity, verb: string, data: Record<string, unknown>): Promise<Answer> {
    const user = userOf(a);
    // The name teams.app.ts remembers from the same activity: the card shows it without reading it back.
    const name = a.from?.aadObjectId ? a.from.name : undefined;
    // Issue 18: the click acts only on what its clicker may see in this conversation.
    const where = { conversation: conversationRefOf(a), personal: isPersonal(a) };
    const known = verb === EDIT_FORM_ID || verb === EDIT_CANCEL_ID || Boolean(actionKindOf(verb));
    // Bad ids are bad input: told plainly, logged at warn, never sent on to the database.
    const value = known ? readButtonValue(data.value, logger, { platform: 'teams', user, verb }) : undefined;
    if (known && verb !== EDIT_CANCEL_ID && !value) return { notice: NO_SUCH_REPORT };
    if (verb === EDIT_FORM_ID && value) {
      // A retried invoke (Teams resends after 15 s) is taken once by the ingress's claim on its id
      // (teams.ingress.ts), released when this fails, so a failed submission is handled on redelivery.
      const { values, reason, version } = readSubmission(data);
      const res = await chat.submitEdit({
        user,
        name,
        reportId: value,
        values,
        reason,
        ...(version !== undefined ? { expectedVersion: version } : {}),
        where,
      });
      if (res.ok) return answerFor(res.outcome);
      // The form comes back with its errors: the reject form (issue 14) or the edit form.
      const again = await chat.action({ user, kind: 'reason_code' in values ? 'reject' : 'edit', value, where });
      if (!again.form) return answerFor(again);
      const keep = res.errors.form ? {} : { values: { ...values, reason } };
      return { card: renderEditForm(again.form, { errors: res.errors, ...keep }) };
    }
    if (verb === EDIT_CANCEL_ID) {
      const shown = a.replyToId ? gateway.cardOf(a.replyToId) : undefined;
      return shown ? { card: renderCard(shown) } : { notice: 'Edit cancelled; nothing was changed.' };
    }
    const kind = actionKindOf(verb);
    if (!kind || !value) return { notice: 'That button is out of date. Ask for a fresh card with “report ACCOUNT”.' };
    return answerFor(await chat.action({ user, name, kind, value, where }));
  }

  async function onCardAction(a: WireActivity) {
    const started = performance.now();
    const v = (a.value ?? {}) as { action?: { verb?: string; data?: Record<string, unknown> } };
    const data = v.action?.data ?? {};
    const verb = v.action?.verb ?? (typeof data.verb === 'string' ? data.verb : '');
    try {
      const answer = await act(a, verb, data);
      deps.count('teams_invokes_total', { verb, answer: answer.card ? 'card' : 'notice' });
      return invokeResponse(answer);
    } catch (err) {
      // Teams shows "something went wrong" on anything but a well-formed answer: never throw from here.
      logger.error(
        { err: toAppError(err), verb, ms: Math.round(performance.now() - started) },
        'Teams card action failed',
      );
      deps.count('teams_invokes_total', { verb, answer: 'error' });
      return answerAfterFailure();
    }
  }

  /** Clients without Action.Execute send the button's data as a message `value`. */
  async function onSubmit(a: WireActivity, to: ConversationRef, data: Record<string, unknown>) {
    const answer = await act(a, typeof data.verb === 'string' ? data.verb : '', data);
    if (answer.card && a.replyToId)
      await gateway.replace(to, a.replyToId, {
        type: 'message',
        attachments: [{ contentType: ADAPTIVE_CARD, content: answer.card }],
      });
    else if (answer.card)
      await gateway.send(to, { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, content: answer.card }] });
    else await gateway.post(to, textCard('MarginIQ', answer.notice ?? 'Done.'));
  }

  async function upload(
    a: WireActivity,
    to: ConversationRef,
    file: { sourceRef: string; name: string; size: number | null; url: string },
  ) {
    try {
      await chat.upload({
        platform: 'teams',
        sourceRef: file.sourceRef,
        fileName: file.name,
        fileSize: file.size,
        sourceUrl: file.url,
        channelId: to.channelId,
        threadRef: to.threadRef ?? null,
        uploadedBy: userOf(a),
      });
      deps.count('teams_uploads_total');
    } catch (err) {
      const e = toAppError(err);
      // A refused file (too large) was already answered in the thread by the core.
      if (!e.permanent) throw err;
    }
  }

  async function channelFiles(a: WireActivity, to: ConversationRef) {
    if (!deps.graph) {
      await gateway.post(to, textCard('Send the PDF in a personal chat', CHANNEL_FILES_HELP, 'warning'));
      return;
    }
    let files: Awaited<ReturnType<Graph['messageFiles']>>;
    try {
      files = await deps.graph.messageFiles(a);
    } catch (err) {
      const e = toAppError(err);
      logger.warn({ err: e }, 'could not read a channel message through Graph');
      await gateway.post(
        to,
        textCard(
          'Could not fetch the file',
          `${e.message} You can also send the PDF in a personal chat with MarginIQ.`,
          'warning',
        ),
      );
      return;
    }
    if (files.length === 0)
      await gateway.post(to, textCard('No file found', 'MarginIQ found no file on that message.', 'warning'));
    for (const f of files) {
      if (!chat.isPdf(f.name)) await gateway.post(to, notPdfNotice(f.name));
      else
        await upload(a, to, { sourceRef: `${a.id}:${f.attachmentId}`, name: f.name, size: f.size, url: f.contentUrl });
    }
  }

  async function command(a: WireActivity, to: ConversationRef) {
    const people = new Map<string, string>();
    for (const e of a.entities ?? []) {
      const m = e.mentioned;
      if (e.type !== 'mention' || !m || m.id === a.recipient?.id || people.has(m.id)) continue;
      const aad = m.aadObjectId ?? (await gateway.aadObjectIdOf(to.channelId, m.id));
      people.set(m.id, `teams:${aad ?? m.id}`);
    }
    const text = commandText(a, (m: WireAccount) => people.get(m.id) ?? `teams:${m.id}`) || 'help';
    // Issue 18: Teams has no ephemeral replies; only a personal chat is a private surface.
    const reply = await chat.command({ user: userOf(a), conversation: to, personal: isPersonal(a) }, text);
    const posted = await gateway.post(to, reply.card);
    if (reply.home && isPersonal(a)) await homeShown(a, to, posted.messageRef);
    if (reply.file) await gateway.uploadFile(to, reply.file);
  }

  async function onMessage(a: WireActivity) {
    const to = conversationRefOf(a);
    const value = a.value;
    if (value && typeof value === 'object' && !(a.text ?? '').trim())
      return onSubmit(a, to, value as Record<string, unknown>);
    // With resource-specific consent Teams delivers every channel message: answer only when addressed.
    if (!isPersonal(a) && !botMentioned(a)) return;
    // Each activity is taken once by the ingress (teams.ingress.ts), released if its handler fails:
    // a second, permanent claim here would turn a failed handler into a lost message (issue 18).
    const files = fileAttachments(a);
    if (files.length > 0) {
      for (const f of files) {
        if (!chat.isPdf(f.name, f.fileType === 'pdf' ? 'application/pdf' : null))
          await gateway.post(to, notPdfNotice(f.name));
        else if (!f.downloadUrl)
          await gateway.post(
            to,
            textCard(
              'Could not fetch the file',
              `Teams sent ${f.name} without a download link. Send it again.`,
              'warning',
            ),
          );
        else
          await upload(a, to, {
            sourceRef: f.uniqueId ?? `${a.id}:${f.index}`,
            name: f.name,
            size: null,
            url: f.downloadUrl,
          });
      }
      return;
    }
    if (!isPersonal(a) && mentionsAFile(a)) return channelFiles(a, to);
    return command(a, to);
  }

  async function onInstalled(a: WireActivity) {
    const ref = referenceOf(a);
    if (!ref || !(await chat.claimEvent(`teams:welcome:${ref.conversation.id}`))) return;
    const personal = ref.conversation.conversationType === 'personal';
    const to: ConversationRef = { platform: 'teams', channelId: ref.conversation.id };
    await gateway.post(
      to,
      textCard(
        'MarginIQ is here',
        personal
          ? 'Send me a margin report PDF and I will read it, check the figures and ask for approval. Type “home” for your queue, “help” for commands.'
          : 'Mention @MarginIQ with a margin report PDF, or with a command such as “pending” or “help”.',
      ),
    );
    // Issue 17 item 4: in the personal chat, the person's home (My queue, calls, status, digests) follows.
    if (personal) {
      const home = await chat.home({
        user: userOf(a),
        conversation: { platform: 'teams', channelId: to.channelId },
        surface: 'private',
      });
      const posted = await gateway.post(to, home);
      await homeShown(a, to, posted.messageRef);
    }
  }

  async function onFileConsent(a: WireActivity) {
    try {
      await deps.outbox.consent(gateway, (a.value ?? {}) as FileConsentValue, a.replyToId);
    } catch (err) {
      logger.error({ err: toAppError(err) }, 'Teams file consent failed');
      const to = conversationRefOf(a);
      await gateway
        .post(
          to,
          textCard(
            'Upload failed',
            'MarginIQ could not put the file in your OneDrive. Ask for the export again.',
            'warning',
          ),
        )
        .catch(() => {});
    }
    return { status: 200 };
  }

  return { onMessage, onCardAction, onInstalled, onFileConsent };
}
