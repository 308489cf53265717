import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback stand-in for Supabase Storage's REST API (/storage/v1/object/…), in its wire format. */
export async function startSupabaseDouble(opts: { key: string }) {
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const calls: { method: string; path: string }[] = [];
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push({ method: req.method ?? '', path: url.pathname });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${opts.key}`) {
      json(400, { statusCode: '403', error: 'Unauthorized', message: 'Invalid Compact JWS' });
      return;
    }
    const list = url.pathname.match(/^\/storage\/v1\/object\/list\/([^/]+)$/);
    if (list && req.method === 'POST') {
      await read(req);
      json(
        200,
        [...objects.keys()]
          .filter((k) => k.startsWith(`${list[1]}/`))
          .map((k) => ({ name: k.split('/').slice(1).join('/') })),
      );
      return;
    }
    const obj = url.pathname.match(/^\/storage\/v1\/object\/([^/]+)\/(.+)$/);
    if (!obj) {
      json(404, { statusCode: '404', error: 'not_found', message: 'route not found' });
      return;
    }
    const key = `${obj[1]}/${decodeURIComponent(obj[2] ?? '')}`;
    if (req.method === 'POST' || req.method === 'PUT') {
      const body = await read(req);
      if (objects.has(key) && req.headers['x-upsert'] !== 'true') {
        json(400, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' });
        return;
      }
      objects.set(key, { bytes: body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
      json(200, { Key: key, Id: key });
      return;
    }
    if (req.method === 'GET') {
      const o = objects.get(key);
      if (!o) {
        json(400, { statusCode: '404', error: 'not_found', message: 'Object not found' });
        return;
      }
      res.writeHead(200, { 'content-type': o.contentType });
      res.end(o.bytes);
      return;
    }
    json(405, { statusCode: '405', error: 'method_not_allowed', message: 'method not allowed' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
