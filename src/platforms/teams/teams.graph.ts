import { AppError } from '../../core/errors.ts';
import { threadRootOf, type WireActivity } from './teams.activity.ts';
import { GRAPH_SCOPE, type TokenSource } from './teams.token.ts';

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
