import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/slack-double.ts';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

const headers = (user = 'analyst') => ({ 'x-marginiq': '1', 'x-marginiq-user': user });

describe('console with a token', () => {
  let svc: ConsoleService;
  beforeAll(async () => {
    svc = await startConsoleService({ token: 'sekrit-console-token' });
  });
  afterAll(async () => svc?.stop());

  it('answers 401 on every route without the token, including /', async () => {
    const page = await fetch(`${svc.url}/`);
    expect(page.status).toBe(401);
    expect(await page.text()).not.toContain('sekrit');
    expect((await fetch(`${svc.url}/console/messages`)).status).toBe(401);
    expect((await fetch(`${svc.url}/console/events`)).status).toBe(401);
    expect((await fetch(`${svc.url}/console/client.js`)).status).toBe(401);
    const post = await fetch(`${svc.url}/console/sample`, { method: 'POST', headers: headers() });
    expect(post.status).toBe(401);
    expect((await fetch(`${svc.url}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`${svc.url}/`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('takes the token once in the URL, then an HttpOnly SameSite=Strict cookie that is not the token', async () => {
    const first = await fetch(`${svc.url}/?token=sekrit-console-token`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain('sekrit-console-token');
    const page = await fetch(`${svc.url}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('accepts Authorization: Bearer', async () => {
    const res = await fetch(`${svc.url}/console/messages?user=approver`, {
      headers: { authorization: 'Bearer sekrit-console-token' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toBe('console:approver');
  });

  it('refuses a POST without the same-origin header even with the token', async () => {
    const res = await fetch(`${svc.url}/console/command`, {
      method: 'POST',
      headers: { authorization: 'Bearer sekrit-console-token', 'content-type': 'application/json' },
      body: JSON.stringify({ text: '/margin help' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('console without a token', () => {
  let svc: ConsoleService;
  beforeAll(async () => {
    svc = await startConsoleService({ maxFileMb: 0.0625 });
  });
  afterAll(async () => svc?.stop());

  it('seeds the switcher roles: approver and admin get theirs, analyst stays the default', async () => {
    expect(await svc.chat.roleOf('console:approver')).toBe('approver');
    expect(await svc.chat.roleOf('console:admin')).toBe('admin');
    expect(await svc.chat.roleOf('console:analyst')).toBe('analyst');
  });

  it('refuses an upload over the limit before reading it, and says so in the thread', async () => {
    const res = await fetch(`${svc.url}/console/upload`, {
      method: 'POST',
      headers: { ...headers(), 'x-file-name': 'huge.pdf', 'content-type': 'application/pdf' },
      body: new Uint8Array(200 * 1024),
    });
    expect(res.status).toBe(413);
    const { messages } = await (await fetch(`${svc.url}/console/messages?user=analyst`)).json();
    expect(messages.map((m: { card?: { title: string } }) => m.card?.title)).toContain('Could not read huge.pdf');
    const rows = await svc.db.query('select count(*)::int as n from analytics.ingestions');
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('tells the uploader only that a non-PDF was left alone', async () => {
    const res = await fetch(`${svc.url}/console/upload`, {
      method: 'POST',
      headers: { ...headers(), 'x-file-name': encodeURIComponent('notes.txt') },
      body: 'hello',
    });
    expect(res.status).toBe(415);
    const mine = (await (await fetch(`${svc.url}/console/messages?user=analyst`)).json()).messages;
    const theirs = (await (await fetch(`${svc.url}/console/messages?user=approver`)).json()).messages;
    expect(mine.some((m: { card?: { title: string } }) => m.card?.title === 'Not a PDF')).toBe(true);
    expect(theirs.some((m: { card?: { title: string } }) => m.card?.title === 'Not a PDF')).toBe(false);
  });

  it('answers only to localhost or an IP without a token, so a rebound DNS name gets nothing', async () => {
    const { request } = await import('node:http');
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${svc.url}/console/messages`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('evil.example:3000')).toBe(403);
    expect(await status('localhost:3000')).toBe(200);
    expect(await status('192.168.1.20:3000')).toBe(200);
    expect(await status('[::1]:3000')).toBe(200);
  });

  it('turns a spoofed user name into an analyst, never a privilege', async () => {
    const res = await fetch(`${svc.url}/console/messages?user=${encodeURIComponent('console:admin')}`);
    expect((await res.json()).user).toBe('console:analyst');
  });

  it('serves files posted to the channel: images inline, everything else as a download', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await svc.gateway.uploadFile(
      { platform: 'console', channelId: 'local' },
      { name: 'chart.png', bytes: png, contentType: 'image/png', title: 'Last 30 days' },
    );
    const { messages } = await (await fetch(`${svc.url}/console/messages?user=analyst`)).json();
    const posted = messages.find((m: { file?: { name: string } }) => m.file?.name === 'chart.png');
    expect(posted.html).toContain(`<img src="${posted.file.url}"`);
    const res = await fetch(`${svc.url}${posted.file.url}`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
    expect((await fetch(`${svc.url}/console/files/nope`)).status).toBe(404);
  });

  it('Show source posts the crop of a value that needs review as an <img> in the channel', async () => {
    // Excess does not agree with equity − requirement: extraction flags it, with where it was read.
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    [
      ['Account', 'U7700001'],
      ['Statement Date', '2026-11-27'],
      ['Net Liquidation Value', '1,000,000.00'],
      ['Maintenance Margin', '400,000.00'],
      ['Excess Liquidity', '550,000.00'],
    ].forEach(([label, value], i) => {
      page.drawText(label!, { x: 50, y: 700 - i * 20, size: 11, font });
      page.drawText(value!, { x: 350, y: 700 - i * 20, size: 11, font });
    });
    const up = await fetch(`${svc.url}/console/upload`, {
      method: 'POST',
      headers: { ...headers(), 'x-file-name': 'sourced.pdf', 'content-type': 'application/pdf' },
      body: Buffer.from(await doc.save()),
    });
    expect(up.status).toBe(202);
    const report = await eventually(
      () => svc.repos.reports.findByAccountDate('U7700001', '2026-11-27'),
      60_000,
      'the stored report',
    );
    type Msg = {
      card?: { blocks: { type: string; actions?: { kind: string }[] }[] };
      file?: { url: string; name: string; contentType: string };
      html: string;
    };
    const list = async (): Promise<Msg[]> =>
      (await (await fetch(`${svc.url}/console/messages?user=analyst`)).json()).messages;
    await eventually(
      async () =>
        (await list()).find((m) =>
          m.card?.blocks.some((b) => b.type === 'actions' && b.actions?.some((a) => a.kind === 'show_source')),
        ),
      30_000,
      'the summary with Show source',
    );
    const clicked = await fetch(`${svc.url}/console/action`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'show_source', value: report.id }),
    });
    expect(clicked.status).toBe(200);
    const crop = await eventually(
      async () => (await list()).find((m) => m.file?.name === 'U7700001-excess_liquidity-p1.png'),
      30_000,
      'the crop of the excess',
    );
    expect(crop.file?.contentType).toBe('image/png');
    expect(crop.html).toContain(`<img src="${crop.file!.url}"`);
    const image = await fetch(`${svc.url}${crop.file!.url}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await image.arrayBuffer());
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // The region around the value, not the page (792 pt high = 1584 px at 144 dpi).
    expect(png.readUInt32BE(20)).toBeLessThan(1584 / 2);
  });

  it('answers /margin commands to the asker', async () => {
    const res = await fetch(`${svc.url}/console/command`, {
      method: 'POST',
      headers: { ...headers('admin'), 'content-type': 'application/json' },
      body: JSON.stringify({ text: '/margin help' }),
    });
    expect(res.status).toBe(200);
    const { messages } = await (await fetch(`${svc.url}/console/messages?user=admin`)).json();
    expect(
      messages.some((m: { from: string; text?: string }) => m.from === 'console:admin' && m.text === '/margin help'),
    ).toBe(true);
    expect(
      messages.some((m: { from: string; visibleTo?: string }) => m.from === 'bot' && m.visibleTo === 'console:admin'),
    ).toBe(true);
  });
});
