import { AppError } from '../../core/errors.ts';
import { formatMegabytes } from '../../core/format.ts';
import type { FileFetcher, FileSource } from '../../core/ports/files.ports.ts';
import { assertDownloadAllowed, type DownloadPolicy, type Lookup } from '../download.guard.ts';

const MAX_REDIRECTS = 5;
const DOWNLOAD_TIMEOUT_MS = 60_000;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const SLACK_HOSTS = ['slack.com', 'slack-edge.com', 'slack-files.com'];

/**
 * The bot token may go to Slack's own hosts (over https) and to the configured Web API origin,
 * never to wherever a redirect points: a file host outside Slack must not learn it.
 */
export function tokenAllowedFor(url: URL, apiUrl: string): boolean {
  const api = new URL(apiUrl);
  if (url.origin === api.origin) return true;
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return SLACK_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}
const tooLarge = (maxBytes: number) =>
  new AppError('input.too_large', `The file is larger than ${formatMegabytes(maxBytes)}.`);

const failed = (message: string, cause?: unknown) =>
  new AppError('download.failed', message, cause === undefined ? undefined : { cause });

/**
 * GETs `start`, following redirects by hand so that each hop is checked against Slack's file hosts
 * (no redirect leaves them, none reaches an internal address) before the token goes with it.
 */
async function fetchFollowing(
  start: string,
  token: string,
  policy: DownloadPolicy,
  apiUrl: string,
  signal: AbortSignal,
): Promise<Response> {
  let url = new URL(start);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new AppError('download.refused', 'Slack pointed the download at an address MarginIQ does not fetch.');
    }
    await assertDownloadAllowed(url, policy, 'Slack');
    const headers: Record<string, string> = { accept: 'application/pdf, application/octet-stream;q=0.9, */*;q=0.1' };
    if (tokenAllowedFor(url, apiUrl)) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(url, { headers, redirect: 'manual', signal });
    } catch (err) {
      throw failed('Slack could not be reached to download the file; MarginIQ will try again.', err);
    }
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      await res.body?.cancel();
      if (!location) throw failed(`Slack answered the download with a redirect (${res.status}) but no address.`);
      url = new URL(location, url);
      continue;
    }
    return res;
  }
  throw failed('The download was redirected too many times.');
}

function startsWithPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads the body, stopping as soon as it passes maxBytes or shows it is not a PDF. */
async function readPdf(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) throw new AppError('input.empty', 'The file is empty.');
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let checked = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
      if (!checked && total >= PDF_MAGIC.length) {
        checked = true;
        const head = concat(chunks, total).subarray(0, 512);
        if (looksLikeHtml(head)) throw refusedHtml();
        if (!startsWithPdf(head))
          throw new AppError('input.not_pdf', 'The file is not a PDF (it does not start with %PDF).');
      }
    }
  } catch (err) {
    await reader.cancel().catch(() => {});
    if (err instanceof AppError) throw err;
    throw failed('The download from Slack was interrupted; MarginIQ will try again.', err);
  }
  if (total === 0) throw new AppError('input.empty', 'The file is empty.');
  const bytes = concat(chunks, total);
  if (!startsWithPdf(bytes))
    throw new AppError('input.not_pdf', 'The file is not a PDF (it does not start with %PDF).');
  return bytes;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function looksLikeHtml(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).trimStart().toLowerCase();
  return text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<head');
}

// Slack answers a download it will not authorise with its sign-in page, status 200.
const refusedHtml = () =>
  new AppError(
    'download.refused',
    'Slack answered with a web page instead of the file. The app may be missing the files:read scope, or the file was deleted.',
  );

/** Downloads `url_private_download` with the bot token. */
export function createSlackFileFetcher(deps: {
  botToken: string;
  apiUrl: string;
  timeoutMs?: number;
  lookup?: Lookup;
}): FileFetcher {
  const policy: DownloadPolicy = {
    hosts: SLACK_HOSTS,
    apiOrigins: [new URL(deps.apiUrl).origin],
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
  };
  return {
    async download(file: FileSource, maxBytes: number): Promise<Uint8Array> {
      if (file.size && file.size > maxBytes) throw tooLarge(maxBytes);
      if (!file.url) throw new AppError('download.refused', 'Slack gave no download address for this file.');
      const signal = AbortSignal.timeout(deps.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
      const res = await fetchFollowing(file.url, deps.botToken, policy, deps.apiUrl, signal);
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel();
        throw failed(`Slack's file server answered ${res.status}; MarginIQ will try again.`);
      }
      if (res.status === 404 || res.status === 410) {
        await res.body?.cancel();
        throw new AppError('download.refused', 'The file is no longer available in Slack (it may have been deleted).');
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new AppError('download.refused', `Slack refused the download (HTTP ${res.status}).`);
      }
      if ((res.headers.get('content-type') ?? '').toLowerCase().includes('text/html')) {
        await res.body?.cancel();
        throw refusedHtml();
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel();
        throw tooLarge(maxBytes);
      }
      return readPdf(res, maxBytes);
    },
  };
}
