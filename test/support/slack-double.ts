import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageBlocks, modalBlocks } from './block-kit.schema.ts';

/**
 * A loopback double of the Slack Web API speaking its wire format: form or JSON bodies in,
 * `{ ok: true, … }` / `{ ok: false, error }` out, 429 with Retry-After when told to. It also serves
 * private file downloads (with a redirect hop to a second, foreign host), upload URLs and
 * response_url posts, and records everything for assertions.
 */

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  contentType: string;
  at: number;
}

export interface RecordedDownload {
  origin: string;
  path: string;
  authorization: string | undefined;
  status: number;
}

export interface RecordedUpload {
  origin: string;
  fileId: string;
  bytes: Buffer;
  authorization: string | undefined;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string | undefined;
  text: string;
  blocks: unknown[];
  updates: number;
}

export type Fault = { status: 429; retryAfter: number } | { status: number; body?: string } | { error: string };

export interface DoubleFileOptions {
  id?: string;
  name: string;
  bytes: Uint8Array;
  mimetype?: string;
  filetype?: string;
  /** What Slack reports as the size; defaults to the byte length. */
  size?: number;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  /** How the private download URL answers: directly, via a same-host hop, or via a foreign host. */
  redirect?: 'none' | 'same-host' | 'off-host';
  /** Redirect the first hop to this absolute URL instead (e.g. the cloud metadata address). */
  redirectTo?: string;
  /** Override the download's content type (e.g. text/html to play Slack's sign-in page). */
  servedAs?: string;
}

export interface SlackFileObject {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  url_private: string;
  url_private_download: string;
  shares?: { public: Record<string, { ts: string; thread_ts?: string }[]> };
}

const JSON_ARGS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata']);
const SIGN_IN_PAGE = '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to Slack</body></html>';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(raw: Buffer, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json'))
    return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) {
    args[k] = JSON_ARGS.has(k) ? JSON.parse(v) : v;
  }
  return args;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startSlackDouble(opts: { token?: string; botUserId?: string; teamId?: string } = {}) {
  const token = opts.token ?? 'xoxb-test-double-token';
  const botUserId = opts.botUserId ?? 'UBOT';
  const teamId = opts.teamId ?? 'T0001';
  const calls: RecordedCall[] = [];
  const downloads: RecordedDownload[] = [];
  const uploads: RecordedUpload[] = [];
  const responses: RecordedResponse[] = [];
  const messages = new Map<string, StoredMessage>();
  const files = new Map<string, { meta: SlackFileObject; bytes: Uint8Array; opts: DoubleFileOptions }>();
  const faults = new Map<string, Fault[]>();
  /** The App Home view last published for each user (views.publish). */
  const homes = new Map<string, { id: string; type: string; blocks: unknown[] }>();
  let seq = 0;
  /** Slack's upload URLs live on files.slack.com; set this to hand out URLs on the foreign host instead. */
  /**
   * Issue 17: block types this workspace refuses, as a workspace or client without them does:
   * chat.postMessage / chat.update / chat.postEphemeral answer `{ ok: false, error: 'invalid_blocks' }`
   * and a response_url answers HTTP 400 with the same body.
   */
  const settings = { uploadsOffHost: false, refuseBlocks: new Set<string>() };
  const refusals: { method: string; types: string[] }[] = [];
  const refused = (blocks: unknown, method: string) => {
    const types = Array.isArray(blocks) ? blocks.map((b) => String((b as { type?: unknown }).type)) : [];
    const no = types.some((t) => settings.refuseBlocks.has(t));
    if (no) refusals.push({ method, types });
    return no;
  };
  const BLOCK_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);
  /**
   * Slack checks every message's and view's blocks against Block Kit and answers `invalid_blocks`
   * for any that break it; so does this double, against test/support/block-kit.schema.ts. Each
   * such answer is kept in `schemaRefusals`: a product that falls back to plainer blocks would
   * otherwise hide the broken one.
   */
  const schemaRefusals: { method: string; problems: string[] }[] = [];
  const breaksSchema = (method: string, blocks: unknown, view: boolean) => {
    if (blocks === undefined) return false;
    const r = (view ? modalBlocks : messageBlocks).safeParse(typeof blocks === 'string' ? JSON.parse(blocks) : blocks);
    if (r.success) return false;
    const problems = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    schemaRefusals.push({ method, problems });
    if (process.env.BLOCK_SCHEMA_LOG)
      appendFileSync(process.env.BLOCK_SCHEMA_LOG, `${method} ${JSON.stringify(problems)}\n`);
    return true;
  };
  /** Requests received and not yet answered. */
  const state = { busy: 0 };
  const nextTs = () => `${1_700_000_000 + ++seq}.${String(seq).padStart(6, '0')}`;

  let origin = '';
  let foreignOrigin = '';

  const api = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://double.slack.test/',
          team: 'Double',
          user: 'marginiq',
          team_id: teamId,
          user_id: botUserId,
          bot_id: 'BBOT',
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        const channel = String(args.channel);
        const m: StoredMessage = {
          channel,
          ts,
          thread_ts: args.thread_ts as string | undefined,
          text: String(args.text ?? ''),
          blocks: (args.blocks as unknown[]) ?? [],
          updates: 0,
        };
        messages.set(ts, m);
        return { ok: true, channel, ts, message: { type: 'message', text: m.text, ts, bot_id: 'BBOT' } };
      }
      case 'chat.update': {
        const m = messages.get(String(args.ts));
        if (!m || m.channel !== args.channel) return { ok: false, error: 'message_not_found' };
        m.text = String(args.text ?? '');
        m.blocks = (args.blocks as unknown[]) ?? [];
        m.updates += 1;
        return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'conversations.open': {
        // Slack's answer names the direct-message channel with that user (ids start with D).
        const user = String(args.users ?? '').split(',')[0] ?? '';
        if (!user) return { ok: false, error: 'users_list_not_supplied' };
        return { ok: true, channel: { id: `D${user.replace(/^[UW]/, '')}` } };
      }
      case 'views.publish': {
        // Slack's App Home: one published view per user, replaced by each publish.
        const view = args.view as { type?: string; blocks?: unknown[] } | undefined;
        if (!args.user_id || !view) return { ok: false, error: 'invalid_arguments' };
        if (view.type !== 'home') return { ok: false, error: 'invalid_arguments' };
        if ((view.blocks?.length ?? 0) > 100) return { ok: false, error: 'invalid_blocks' };
        const published = {
          id: `V${++seq}`,
          team_id: teamId,
          type: 'home',
          blocks: view.blocks ?? [],
          hash: `h${seq}`,
        };
        homes.set(String(args.user_id), published);
        return { ok: true, view: published };
      }
      case 'views.open':
        return { ok: true, view: { id: `V${seq++}`, ...(args.view as object) } };
      case 'files.info': {
        const f = files.get(String(args.file));
        return f ? { ok: true, file: f.meta } : { ok: false, error: 'file_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const id = `FUP${++seq}`;
        return {
          ok: true,
          upload_url: `${settings.uploadsOffHost ? foreignOrigin : origin}/upload/v1/${id}`,
          file_id: id,
        };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (args.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })),
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const bearer = (req: IncomingMessage) => {
    const h = req.headers.authorization;
    return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
  };

  const serveFile = (req: IncomingMessage, res: ServerResponse, id: string, hop: 'first' | 'same' | 'foreign') => {
    const f = files.get(id);
    const auth = req.headers.authorization;
    const record = (status: number) =>
      downloads.push({
        origin: hop === 'foreign' ? foreignOrigin : origin,
        path: req.url ?? '',
        authorization: auth,
        status,
      });
    if (!f) {
      record(404);
      return send(res, 404, 'not found');
    }
    if (hop === 'first' && f.opts.redirect === 'same-host') {
      record(302);
      res.writeHead(302, { location: `/files-tmb/${id}/${encodeURIComponent(f.meta.name)}` }).end();
      return;
    }
    if (hop === 'first' && f.opts.redirectTo) {
      record(302);
      res.writeHead(302, { location: f.opts.redirectTo }).end();
      return;
    }
    if (hop === 'first' && f.opts.redirect === 'off-host') {
      record(302);
      res.writeHead(302, { location: `${foreignOrigin}/cdn/${id}` }).end();
      return;
    }
    // Like Slack: a private file without the bot token is the sign-in page, with status 200.
    if (hop !== 'foreign' && bearer(req) !== token) {
      record(200);
      return send(res, 200, SIGN_IN_PAGE, { 'content-type': 'text/html; charset=utf-8' });
    }
    record(200);
    res.writeHead(200, {
      'content-type': f.opts.servedAs ?? f.meta.mimetype,
      'content-length': String(f.bytes.byteLength),
    });
    res.end(Buffer.from(f.bytes));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    state.busy += 1;
    res.on('close', () => {
      state.busy -= 1;
    });
    const url = new URL(req.url ?? '/', origin);
    const body = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '');
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const args = parseArgs(body, contentType);
      const given = bearer(req) ?? (typeof args.token === 'string' ? args.token : undefined);
      calls.push({ method, args, token: given, contentType, at: Date.now() });
      const fault = faults.get(method)?.shift();
      if (fault && 'error' in fault) return send(res, 200, { ok: false, error: fault.error });
      if (fault && fault.status === 429) {
        return send(
          res,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String((fault as { retryAfter: number }).retryAfter) },
        );
      }
      if (fault) return send(res, fault.status, (fault as { body?: string }).body ?? 'upstream trouble');
      if (!given) return send(res, 200, { ok: false, error: 'not_authed' });
      if (given !== token) return send(res, 200, { ok: false, error: 'invalid_auth' });
      if (BLOCK_METHODS.has(method) && refused(args.blocks, method))
        return send(res, 200, { ok: false, error: 'invalid_blocks' });
      if (BLOCK_METHODS.has(method) && breaksSchema(method, args.blocks, false))
        return send(res, 200, { ok: false, error: 'invalid_blocks' });
      if (
        (method === 'views.publish' || method === 'views.open' || method === 'views.update') &&
        breaksSchema(method, (args.view as { blocks?: unknown } | undefined)?.blocks, true)
      )
        return send(res, 200, { ok: false, error: 'invalid_blocks' });
      return send(res, 200, api(method, args));
    }
    if (req.method === 'GET' && url.pathname.startsWith('/files-pri/'))
      return serveFile(req, res, url.pathname.split('/')[2] ?? '', 'first');
    if (req.method === 'GET' && url.pathname.startsWith('/files-tmb/'))
      return serveFile(req, res, url.pathname.split('/')[2] ?? '', 'same');
    if (req.method === 'POST' && url.pathname.startsWith('/upload/v1/')) {
      uploads.push({
        origin,
        fileId: url.pathname.split('/')[3] ?? '',
        bytes: body,
        authorization: req.headers.authorization,
      });
      return send(res, 200, `OK - ${body.length}`);
    }
    if (req.method === 'POST' && url.pathname.startsWith('/respond/')) {
      const args = parseArgs(body, contentType);
      if (refused(args.blocks, 'response_url') || breaksSchema('response_url', args.blocks, false))
        return send(res, 400, { ok: false, error: 'invalid_blocks' });
      responses.push({ id: url.pathname.split('/')[2] ?? '', body: args });
      return send(res, 200, { ok: true });
    }
    return send(res, 404, 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, String(err)));
  });
  // The foreign host a download may be redirected to: it must never see the bot token.
  const foreign = createServer((req, res) => {
    const parts = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    readBody(req).then((body) => {
      if (req.method === 'POST' && parts[1] === 'upload') {
        uploads.push({
          origin: foreignOrigin,
          fileId: parts[3] ?? '',
          bytes: body,
          authorization: req.headers.authorization,
        });
        return send(res, 200, `OK - ${body.length}`);
      }
      return serveFile(req, res, parts[2] ?? '', 'foreign');
    });
  });
  origin = await listen(server);
  foreignOrigin = await listen(foreign);

  return {
    token,
    botUserId,
    teamId,
    origin,
    foreignOrigin,
    apiUrl: `${origin}/api/`,
    calls,
    downloads,
    uploads,
    responses,
    messages,
    homes,
    settings,
    /** Messages refused with invalid_blocks (issue 17), by method and the block types they held. */
    refusals,
    /** Messages and views answered invalid_blocks because their blocks break Block Kit. */
    schemaRefusals,
    /** Requests in progress right now (a test waits for 0 before its next step). */
    busy: () => state.busy,
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    /** A fresh response_url, as Slack puts on commands and clicks. */
    responseUrl: () => `${origin}/respond/${randomUUID()}`,
    /** The next `times` calls to `method` fail with `fault`. */
    fail(method: string, fault: Fault, times = 1) {
      faults.set(method, [...(faults.get(method) ?? []), ...Array.from({ length: times }, () => fault)]);
    },
    /** Registers a file the way Slack holds one after a user shares it; returns the event's file object. */
    addFile(o: DoubleFileOptions): SlackFileObject {
      const id = o.id ?? `F${String(++seq).padStart(8, '0')}`;
      const meta: SlackFileObject = {
        id,
        name: o.name,
        title: o.name,
        mimetype: o.mimetype ?? (o.name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream'),
        filetype: o.filetype ?? o.name.split('.').pop() ?? 'binary',
        size: o.size ?? o.bytes.byteLength,
        url_private: `${origin}/files-pri/${id}/${encodeURIComponent(o.name)}`,
        url_private_download: `${origin}/files-pri/${id}/download/${encodeURIComponent(o.name)}`,
        ...(o.channel && o.ts
          ? { shares: { public: { [o.channel]: [{ ts: o.ts, ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}) }] } } }
          : {}),
      };
      files.set(id, { meta, bytes: o.bytes, opts: o });
      return meta;
    },
    /** Messages the bot posted in a thread (or at the top of a channel when threadTs is undefined). */
    thread(channel: string, threadTs: string | undefined): StoredMessage[] {
      return [...messages.values()].filter((m) => m.channel === channel && m.thread_ts === threadTs);
    },
    nextTs,
    async close() {
      await Promise.all(
        [server, foreign].map(
          (s) =>
            new Promise<void>((r) => {
              s.close(() => r());
              s.closeAllConnections();
            }),
        ),
      );
      // Every suite that uses the double checks, on closing it, that nothing the product sent broke Block Kit.
      if (schemaRefusals.length > 0)
        throw new Error(`Slack refused blocks that break Block Kit: ${JSON.stringify(schemaRefusals.slice(0, 3))}`);
    },
  };
}

export type SlackDouble = Awaited<ReturnType<typeof startSlackDouble>>;

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
