import { AppError } from '../../core/errors.ts';
import { formatMegabytes } from '../../core/format.ts';
import type { FileFetcher, FileSource } from '../../core/ports/files.ports.ts';
import { assertDownloadAllowed, type DownloadPolicy, type Lookup } from '../download.guard.ts';
import { threadRootOf, type WireActivity } from './teams.activity.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Where Teams and Graph keep shared files: Graph, SharePoint and OneDrive (redirect targets included). */
export const TEAMS_FILE_HOSTS = [
  'graph.microsoft.com',
  'graph.microsoft.us',
  'sharepoint.com',
  'sharepoint-df.com',
  'sharepoint.us',
  'files.1drv.com',
  'svc.ms',
];
const MAX_REDIRECTS = 5;

/** Teams hands out https links only; plain http is accepted for loopback doubles in tests and local clients. */
export function assertFetchable(url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return;
  throw new AppError(
    'download.refused',
    'The file link Teams gave is not an https link, so MarginIQ did not follow it.',
  );
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new AppError(
      'input.too_large',
      `The file is ${formatMegabytes(declared)}; the limit is ${formatMegabytes(maxBytes)}.`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError('input.too_large', `The file is larger than ${formatMegabytes(maxBytes)}, the limit.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads a file the way MarginIQ trusts: redirects followed by hand, the bearer token sent only
 * to `authorizedOrigin` (Graph) and never to the storage host it redirects to, HTML answers
 * (sign-in pages of an expired link) refused, and anything that is not a PDF refused.
 */
export async function downloadPdf(
  url: string,
  opts: { maxBytes: number; fetch: typeof fetch; policy: DownloadPolicy; bearer?: string; authorizedOrigin?: string },
): Promise<Uint8Array> {
  let target = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    // Every hop: Microsoft's file hosts only, never an address inside the network.
    await assertDownloadAllowed(target, opts.policy, 'Teams');
    const headers: Record<string, string> = { accept: 'application/pdf, application/octet-stream;q=0.9, */*;q=0.1' };
    if (opts.bearer && target.origin === opts.authorizedOrigin) headers.authorization = `Bearer ${opts.bearer}`;
    const res = await opts
      .fetch(target, { headers, redirect: 'manual', signal: AbortSignal.timeout(60_000) })
      .catch((err: unknown) => {
        throw new AppError('download.failed', 'Could not reach Teams to download the file.', { cause: err });
      });
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel().catch(() => {});
      target = new URL(res.headers.get('location') as string, target);
      continue;
    }
    if ([401, 403, 404, 410].includes(res.status)) {
      await res.body?.cancel().catch(() => {});
      throw new AppError(
        'download.refused',
        `Teams refused the download (HTTP ${res.status}); the link may have expired. Send the file again.`,
      );
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new AppError('download.failed', `Teams answered HTTP ${res.status} to the download.`);
    }
    if (/text\/html/i.test(res.headers.get('content-type') ?? '')) {
      await res.body?.cancel().catch(() => {});
      throw new AppError(
        'download.refused',
        'Teams answered with a web page instead of the file; send the file again.',
      );
    }
    const bytes = await readCapped(res, opts.maxBytes);
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    if (/^\s*<(!doctype|html)/i.test(head)) {
      throw new AppError(
        'download.refused',
        'Teams answered with a web page instead of the file; send the file again.',
      );
    }
    if (bytes.byteLength === 0) throw new AppError('input.empty', 'The file is empty.');
    if (!/%PDF-/.test(head))
      throw new AppError('input.not_pdf', 'The file is not a PDF, so MarginIQ could not read it.');
    return bytes;
  }
  throw new AppError('download.failed', 'The download redirected too many times.');
}

/**
 * The worker's way to the bytes of a Teams upload. Personal-chat files carry a pre-authorised
 * `downloadUrl` (fetched with no credentials at all); channel files were resolved to a Graph
 * `/shares/…/driveItem/content` URL, fetched with the app's Graph token.
 */
export function createTeamsFetcher(opts: {
  fetch: typeof fetch;
  graphBaseUrl: string;
  tokens?: TokenSource | undefined;
  /** Origins configured in place of Microsoft's file hosts (a loopback double's storage in tests). */
  fileOrigins?: readonly string[];
  lookup?: Lookup;
}): FileFetcher {
  const graphOrigin = new URL(opts.graphBaseUrl).origin;
  const policy: DownloadPolicy = {
    hosts: TEAMS_FILE_HOSTS,
    apiOrigins: [graphOrigin, ...(opts.fileOrigins ?? [])],
    ...(opts.lookup ? { lookup: opts.lookup } : {}),
  };
  return {
    async download(file: FileSource, maxBytes: number) {
      if (!file.url) throw new AppError('download.failed', 'The upload has no download link.');
      const url = new URL(file.url);
      if (url.origin === graphOrigin) {
        if (!opts.tokens) {
          throw new AppError(
            'download.refused',
            'Reading files in channels needs the Teams app credentials (TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID).',
          );
        }
        const bearer = await opts.tokens.get(GRAPH_SCOPE);
        return downloadPdf(url.toString(), {
          maxBytes,
          fetch: opts.fetch,
          policy,
          bearer,
          authorizedOrigin: graphOrigin,
        });
      }
      return downloadPdf(url.toString(), { maxBytes, fetch: opts.fetch, policy });
    },
  };
}

export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';

export interface ChannelFile {
  /** Graph's id of the attachment on the message: stable across retries of the same message. */
  attachmentId: string;
  name: string;
  /** The SharePoint / OneDrive URL the message links to. */
  sharingUrl: string;
  /** Where the bytes are: Graph's /shares endpoint, fetched with the app token. */
  contentUrl: string;
  size: number | null;
}

interface GraphMessage {
  attachments?: { id?: string; contentType?: string; contentUrl?: string; name?: string }[];
}

/** Graph addresses a shared file by its URL, encoded as a sharing token (`u!` + base64url). */
export const sharingToken = (url: string) => `u!${Buffer.from(url, 'utf8').toString('base64url')}`;

/**
 * In channels and group chats Teams does not hand files to bots: the activity only says a file is
 * there. Graph, with the resource-specific consent the manifest asks for (ChannelMessage.Read.Group,
 * ChatMessage.Read.Chat), gives the message's attachments; /shares gives their bytes.
 */
export function createGraph(opts: { baseUrl: string; tokens: TokenSource; fetch: typeof fetch }) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const seg = encodeURIComponent;

  async function get<T>(path: string): Promise<T> {
    const token = await opts.tokens.get(GRAPH_SCOPE);
    const res = await opts
      .fetch(`${base}/v1.0${path}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(15_000),
      })
      .catch((err: unknown) => {
        throw new AppError('download.failed', 'Could not reach Microsoft Graph.', { cause: err });
      });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      const why = body.error?.code ?? `HTTP ${res.status}`;
      throw new AppError(
        res.status === 401 || res.status === 403 ? 'download.refused' : 'download.failed',
        res.status === 403
          ? `Microsoft Graph refused to show the message (${why}); the app needs the permissions in its manifest granted.`
          : `Microsoft Graph answered ${why}.`,
      );
    }
    return (await res.json()) as T;
  }

  /** The Graph path of the message an activity is, or undefined when the activity cannot say. */
  function messagePath(a: WireActivity): string | undefined {
    if (!a.id || !a.conversation?.id) return undefined;
    const team = a.channelData?.team?.aadGroupId;
    const channel = a.channelData?.channel?.id;
    if (channel) {
      if (!team) return undefined;
      const root = threadRootOf(a.conversation.id);
      return root && root !== a.id
        ? `/teams/${seg(team)}/channels/${seg(channel)}/messages/${seg(root)}/replies/${seg(a.id)}`
        : `/teams/${seg(team)}/channels/${seg(channel)}/messages/${seg(a.id)}`;
    }
    return `/chats/${seg(a.conversation.id.split(';')[0] ?? a.conversation.id)}/messages/${seg(a.id)}`;
  }

  return {
    /** The files attached to the message, with their sizes where Graph knows them. */
    async messageFiles(a: WireActivity): Promise<ChannelFile[]> {
      const path = messagePath(a);
      if (!path) throw new AppError('download.failed', 'Teams did not say which team this channel belongs to.');
      const message = await get<GraphMessage>(path);
      const refs = (message.attachments ?? []).filter((x) => x.contentType === 'reference' && x.contentUrl);
      return Promise.all(
        refs.map(async (x, i) => {
          const token = sharingToken(x.contentUrl as string);
          const item = await get<{ name?: string; size?: number }>(
            `/shares/${token}/driveItem?$select=id,name,size`,
          ).catch(() => ({}) as { name?: string; size?: number });
          return {
            attachmentId: x.id ?? String(i),
            name: x.name ?? item.name ?? `file-${i + 1}`,
            sharingUrl: x.contentUrl as string,
            contentUrl: `${base}/v1.0/shares/${token}/driveItem/content`,
            size: typeof item.size === 'number' ? item.size : null,
          };
        }),
      );
    },
  };
}

export type Graph = ReturnType<typeof createGraph>;

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface TokenSource {
  /** An app-only access token for `scope`, from the cache while it has more than five minutes left. */
  get(scope: string): Promise<string>;
}
