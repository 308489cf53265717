import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { textCard } from '../../core/cards/card.model.ts';
import { AppError } from '../../core/errors.ts';
import type { ConversationRef } from '../../core/ports/chat.ports.ts';
import type { FileStorage, OutgoingFilesRepository, OutgoingFile as StoredFile } from '../../core/ports/files.ports.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Route } from '../platform.ts';
import { FILE_CONSENT_CARD, FILE_INFO_CARD } from './teams.activity.ts';
import { cardActivity, messageFor, renderCard } from './teams.cards.ts';
import { assertFetchable } from './teams.files.ts';
import type { OutgoingFile, TeamsGateway } from './teams.gateway.ts';
import { noMentions } from './teams.tables.ts';

export const FILES_PATH = '/api/teams/files/';
const TTL_MS = 60 * 60_000;
// A picture in a message (the digest chart) is fetched again whenever someone scrolls back to it.
const IMAGE_TTL_MS = 7 * 24 * 60 * 60_000;

export interface FileConsentValue {
  type?: string;
  action?: 'accept' | 'decline';
  context?: { token?: string };
  uploadInfo?: { contentUrl?: string; name?: string; uploadUrl?: string; uniqueId?: string; fileType?: string };
}

/**
 * Files MarginIQ gives to Teams users (exports). A personal chat gets a file-consent card: on
 * Accept Teams hands over a OneDrive upload URL and the bytes go there. Channels and group chats
 * have no consent flow for bots, so they get a link to GET /api/teams/files/<token>, valid for an
 * hour. The link is absolute: it is built from PUBLIC_URL (config.publicUrl) or, failing that, from
 * the host Teams called /api/messages on — the address Teams already knows reaches this service.
 * The bytes go to file storage and the token to the database, so whichever replica the link or the
 * consent click reaches can serve it.
 */
export function createOutbox(deps: {
  logger: Logger;
  fetch: typeof fetch;
  publicBase: () => string | undefined;
  files: OutgoingFilesRepository;
  storage: FileStorage;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  async function hold(file: OutgoingFile, to: ConversationRef, ttl = TTL_MS): Promise<string> {
    await deps.files.prune(new Date(now())).catch((err: unknown) => deps.logger.warn({ err }, 'outbox not pruned'));
    const token = randomBytes(24).toString('base64url');
    const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? 'bin') : 'bin';
    const { key } = await deps.storage.put(file.bytes, { contentType: file.contentType, extension });
    await deps.files.save({
      token,
      to,
      fileKey: key,
      name: file.name,
      contentType: file.contentType,
      sizeBytes: file.bytes.byteLength,
      title: file.title,
      comment: file.comment,
      expiresAt: new Date(now() + ttl),
    });
    return token;
  }

  const bytesOf = async (f: StoredFile) => deps.storage.get(f.fileKey);

  async function deliver(gateway: TeamsGateway, to: ConversationRef, file: OutgoingFile): Promise<void> {
    if (file.contentType.startsWith('image/')) {
      // Teams' 28 KB message limit rules out inline data; the card shows the picture from our link.
      const base = deps.publicBase();
      if (!base) {
        deps.logger.info({ file: file.name }, 'image not shown in Teams: set PUBLIC_URL so Teams can fetch it');
        return;
      }
      const url = `${base}${FILES_PATH}${await hold(file, to, IMAGE_TTL_MS)}`;
      const alt = noMentions(file.title ?? file.name);
      const card = { ...renderCard(textCard(file.title ?? file.name, file.comment ?? '')), fallbackText: alt };
      card.body = [
        card.body[0] as (typeof card.body)[number],
        { type: 'Image', url, altText: alt, size: 'Stretch' } as (typeof card.body)[number],
      ];
      await gateway.send(to, cardActivity(card, alt));
      return;
    }
    const ref = await gateway.reference(to.channelId);
    const token = await hold(file, to);
    if (ref?.conversation.conversationType === 'personal') {
      await gateway.send(to, {
        type: 'message',
        summary: `${file.name} is ready`,
        attachments: [
          {
            contentType: FILE_CONSENT_CARD,
            name: file.name,
            content: {
              description: noMentions(file.comment ?? file.title ?? file.name),
              sizeInBytes: file.bytes.byteLength,
              acceptContext: { token },
              declineContext: { token },
            },
          },
        ],
      });
      return;
    }
    const base = deps.publicBase();
    if (!base) {
      await gateway.post(
        to,
        textCard(
          `${file.name} is ready`,
          'MarginIQ does not know its public address, so it cannot link the file. Set PUBLIC_URL, or ask in a personal chat with MarginIQ.',
          'warning',
        ),
      );
      return;
    }
    const url = `${base}${FILES_PATH}${token}`;
    const card = renderCard(
      textCard(
        `${file.name} is ready`,
        `${file.comment ?? file.title ?? 'Your export'} — the link works for 60 minutes.`,
        'success',
      ),
    );
    card.actions = [{ type: 'Action.OpenUrl', title: `Download ${file.name}`, url }];
    await gateway.send(to, cardActivity(card, `${file.name} is ready`));
  }

  /** The user's answer to a consent card: upload to the URL Teams gave, then show the file. */
  async function consent(
    gateway: TeamsGateway,
    value: FileConsentValue,
    consentMessageId: string | undefined,
  ): Promise<void> {
    const token = value.context?.token ?? '';
    // Taken, not read: a double click or a second replica finds nothing and does nothing.
    const h = token ? await deps.files.take(token, new Date(now())) : null;
    if (!h) {
      deps.logger.info({ action: value.action }, 'file consent for a file no longer held');
      return;
    }
    const to = h.to;
    if (value.action !== 'accept') {
      if (consentMessageId)
        await gateway.update(to, consentMessageId, textCard(h.name, 'Not uploaded: you declined the file.'));
      return;
    }
    const info = value.uploadInfo ?? {};
    if (!info.uploadUrl) throw new AppError('chat.api_failed', 'Teams accepted the file but gave no upload address.');
    const target = new URL(info.uploadUrl);
    assertFetchable(target);
    const bytes = await bytesOf(h);
    const n = bytes.byteLength;
    // OneDrive upload sessions take the whole file in one PUT with its range; no bearer: the URL is the credential.
    const res = await deps.fetch(target, {
      method: 'PUT',
      headers: { 'content-type': h.contentType, 'content-range': `bytes 0-${Math.max(0, n - 1)}/${n}` },
      body: Buffer.from(bytes),
      signal: AbortSignal.timeout(60_000),
    });
    if (!res.ok) throw new AppError('chat.api_failed', `OneDrive refused the upload (HTTP ${res.status}).`);
    await gateway.send(to, {
      type: 'message',
      summary: info.name ?? h.name,
      attachments: [
        {
          contentType: FILE_INFO_CARD,
          contentUrl: info.contentUrl,
          name: info.name ?? h.name,
          content: { uniqueId: info.uniqueId, fileType: info.fileType ?? h.name.split('.').pop() },
        },
      ],
    });
    if (consentMessageId)
      await gateway.replace(
        to,
        consentMessageId,
        messageFor(textCard(h.name, 'Uploaded to your OneDrive.', 'success')),
      );
  }

  const route: Route = {
    method: 'GET',
    path: `${FILES_PATH}*`,
    async handler(req: IncomingMessage, res: ServerResponse) {
      const token = (req.url ?? '').split('?')[0]?.slice(FILES_PATH.length) ?? '';
      const h = /^[\w-]{16,64}$/.test(token) ? await deps.files.get(token, new Date(now())) : null;
      if (!h) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('This download link has expired. Ask MarginIQ for the export again.\n');
        return;
      }
      const bytes = await bytesOf(h);
      const ascii = h.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      res.writeHead(200, {
        'content-type': h.contentType,
        'content-length': bytes.byteLength,
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(h.name)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    },
  };

  return { deliver, consent, route };
}

export type Outbox = ReturnType<typeof createOutbox>;
