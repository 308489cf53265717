import { AppError } from '../../core/errors.ts';
import { formatMegabytes } from '../../core/format.ts';
import type { FileFetcher } from '../../core/ports.ts';
import type { Ingestion } from '../../core/records.ts';
import type { TokenSource } from './teams.token.ts';
import { GRAPH_SCOPE } from './teams.token.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
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
  opts: { maxBytes: number; fetch: typeof fetch; bearer?: string; authorizedOrigin?: string },
): Promise<Uint8Array> {
  let target = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    assertFetchable(target);
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
}): FileFetcher {
  const graphOrigin = new URL(opts.graphBaseUrl).origin;
  return {
    async download(ingestion: Ingestion, maxBytes: number) {
      if (!ingestion.source_url) throw new AppError('download.failed', 'The upload has no download link.');
      const url = new URL(ingestion.source_url);
      if (url.origin === graphOrigin) {
        if (!opts.tokens) {
          throw new AppError(
            'download.refused',
            'Reading files in channels needs the Teams app credentials (TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID).',
          );
        }
        const bearer = await opts.tokens.get(GRAPH_SCOPE);
        return downloadPdf(url.toString(), { maxBytes, fetch: opts.fetch, bearer, authorizedOrigin: graphOrigin });
      }
      return downloadPdf(url.toString(), { maxBytes, fetch: opts.fetch });
    },
  };
}
