import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ACTION_IDS, type ActionKind, textCard } from '../../core/cards/card.model.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import type { ActionOutcome } from '../../core/chat.types.ts';
import { isAppError } from '../../core/errors.ts';
import { formatMegabytes } from '../../core/format.ts';
import { notPdfNotice } from '../../core/ingest/upload.receive.ts';
import type { ConversationRef } from '../../core/ports/chat.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import { NO_SUCH_REPORT, noSuchReport, readButtonValue } from '../action.payloads.ts';
import { formJson, renderText, renderUpload } from './console.cards.ts';
import type { ConsoleGateway } from './console.gateway.ts';
import { BadRequest, readBody, readJson, sendJson, sendTooLarge, str } from './console.http.ts';

/** The console's one channel. */
export const CHANNEL: ConversationRef = { platform: 'console', channelId: 'local' };

export interface HandlerDeps {
  chat: ChatCore;
  gateway: ConsoleGateway;
  logger: Logger;
  limits: { maxFileBytes: number };
  samplePath: string;
}
const isKind = (k: unknown): k is ActionKind => typeof k === 'string' && Object.hasOwn(ACTION_IDS, k);

/** A file name from a header, reduced to a plain base name a card can show. */
export function cleanFileName(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the raw header
  }
  name = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return name || 'upload.pdf';
}

export function createConsoleHandlers(deps: HandlerDeps) {
  const { chat, gateway, logger } = deps;

  /** Acknowledges a click or an edit: a notice to the clicker. Core has already updated the summary in place. */
  async function answer(user: string, outcome: ActionOutcome): Promise<void> {
    // Issue 17: Open (from the home) shows the report to the clicker alone.
    if (outcome.view) await gateway.postEphemeral(CHANNEL, user, outcome.view);
    if (outcome.notice) await gateway.postEphemeral(CHANNEL, user, outcome.notice);
  }

  /** Hands bytes to the core exactly as a platform event would: the core answers "reading…" in the thread. */
  async function acceptFile(
    req: IncomingMessage,
    res: ServerResponse,
    user: string,
    fileName: string,
    body: { bytes: Uint8Array } | { size: number },
  ): Promise<void> {
    const size = 'bytes' in body ? body.bytes.byteLength : body.size;
    const parent = gateway.postFromUser(user, CHANNEL, `uploaded ${fileName}`, {
      html: renderText('uploaded a file') + renderUpload(fileName, size),
    });
    const thread: ConversationRef = { ...CHANNEL, threadRef: parent.id };
    if (!chat.isPdf(fileName)) {
      await gateway.postEphemeral(thread, user, notPdfNotice(fileName));
      sendJson(res, 415, { error: `${fileName} is not a PDF.` });
      return;
    }
    const upload = {
      platform: 'console' as const,
      // Every console upload is its own event; identical bytes are still caught by the core's hash check.
      sourceRef: randomUUID(),
      fileName,
      channelId: CHANNEL.channelId,
      threadRef: parent.id,
      uploadedBy: user,
    };
    if (!('bytes' in body)) {
      // The core refuses on the declared size and says so in the thread.
      await chat.upload({ ...upload, fileSize: body.size }).catch(() => undefined);
      sendTooLarge(req, res, `The file is larger than the ${formatMegabytes(deps.limits.maxFileBytes)} limit.`);
      return;
    }
    const { ingestion } = await chat.upload({ ...upload, fileSize: body.bytes.byteLength, bytes: body.bytes });
    sendJson(res, 202, { ingestionId: ingestion.id, messageId: parent.id });
  }

  return {
    async upload(req: IncomingMessage, res: ServerResponse, user: string): Promise<void> {
      const fileName = cleanFileName(str(req.headers['x-file-name'], 1000));
      const body = await readBody(req, deps.limits.maxFileBytes);
      if (!body.ok) return acceptFile(req, res, user, fileName, { size: body.size });
      if (body.bytes.byteLength === 0) throw new BadRequest('The file is empty.');
      return acceptFile(req, res, user, fileName, { bytes: body.bytes });
    },

    async sample(req: IncomingMessage, res: ServerResponse, user: string): Promise<void> {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(deps.samplePath));
      } catch {
        throw new BadRequest(`The sample statement is missing (${path.basename(deps.samplePath)}).`, 404);
      }
      return acceptFile(req, res, user, path.basename(deps.samplePath), { bytes });
    },

    async command(req: IncomingMessage, res: ServerResponse, user: string): Promise<void> {
      const body = await readJson(req);
      const raw = str(body.text, 2000);
      if (!raw) throw new BadRequest('Type a command, for example /margin help.');
      const text = raw.trim().replace(/^\/?margin\b\s*/i, '');
      gateway.postFromUser(user, CHANNEL, `/margin ${text}`.trim(), { visibleTo: user });
      let reply: Awaited<ReturnType<ChatCore['command']>>;
      try {
        // Issue 18: the console answers a command to its asker alone unless it posts it (exports in a risk channel).
        reply = await chat.command({ user, conversation: CHANNEL, privateReplies: true }, text);
      } catch (err) {
        const message =
          isAppError(err) && err.permanent
            ? err.message
            : 'MarginIQ could not run that command. Try again in a moment.';
        if (!isAppError(err) || !err.permanent) logger.error({ err, text }, 'console command failed');
        await gateway.postEphemeral(CHANNEL, user, textCard(`/margin ${text}`.trim(), message, 'danger'));
        sendJson(res, 200, { ok: false });
        return;
      }
      const visibleTo = reply.visibility === 'ephemeral' ? user : undefined;
      const messageRef = visibleTo
        ? gateway.postPrivately(CHANNEL, user, reply.card).id
        : (await gateway.post(CHANNEL, reply.card)).messageRef;
      // Issue 17: the home message is drawn again in place when the queue changes.
      if (reply.home)
        await chat.homeShown({
          platform: 'console',
          user,
          channelId: CHANNEL.channelId,
          surface: reply.home.surface,
          messageRef,
        });
      if (reply.file) gateway.attachFile(CHANNEL, reply.file, visibleTo);
      sendJson(res, 200, { ok: true });
    },

    async action(req: IncomingMessage, res: ServerResponse, user: string): Promise<void> {
      const body = await readJson(req);
      if (!isKind(body.kind)) throw new BadRequest('Unknown action.');
      const value = readButtonValue(body.value, deps.logger, { platform: 'console', user, kind: body.kind });
      if (!value) {
        await answer(user, { notice: noSuchReport() });
        sendJson(res, 200, { ok: true });
        return;
      }
      const outcome = await chat.action({
        user,
        kind: body.kind,
        value,
        ...(str(body.reason, 500) ? { reason: str(body.reason, 500) } : {}),
        where: { conversation: CHANNEL },
      });
      await answer(user, outcome);
      sendJson(res, 200, outcome.form ? { ok: true, form: formJson(outcome.form) } : { ok: true });
    },

    async edit(req: IncomingMessage, res: ServerResponse, user: string): Promise<void> {
      const body = await readJson(req);
      const reportId = readButtonValue(body.reportId, deps.logger, { platform: 'console', user, kind: 'edit' });
      if (!reportId) {
        sendJson(res, 422, { ok: false, errors: { form: NO_SUCH_REPORT } });
        return;
      }
      const raw = body.values;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BadRequest('The edit form is incomplete.');
      const values: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof v === 'string' && v.length <= 500) values[k] = v;
      }
      const version = typeof body.version === 'number' && Number.isInteger(body.version) ? body.version : undefined;
      const result = await chat.submitEdit({
        user,
        reportId,
        values,
        reason: str(body.reason, 500) ?? '',
        ...(version !== undefined ? { expectedVersion: version } : {}),
        where: { conversation: CHANNEL },
      });
      if (!result.ok) {
        sendJson(res, 422, { ok: false, errors: result.errors });
        return;
      }
      await answer(user, result.outcome);
      sendJson(res, 200, { ok: true });
    },
  };
}
