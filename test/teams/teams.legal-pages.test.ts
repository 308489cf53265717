import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthSource } from '../../src/core/ports/health.ports.ts';
import { serviceRoutes } from '../../src/http/routes.ts';
import { type HttpServer, startHttpServer } from '../../src/http/server.ts';
import { createMetrics } from '../../src/observability/metrics.ts';

const manifest = JSON.parse(readFileSync(new URL('../../manifests/teams/manifest.json', import.meta.url), 'utf8')) as {
  developer: { privacyUrl: string; termsOfUseUrl: string };
};

describe("the Teams manifest's privacy and terms links", () => {
  let http: HttpServer;
  beforeAll(async () => {
    const metrics = createMetrics('marginiq_', { processMetrics: false });
    const health = { check: async () => ({ status: 'ok' }) } as unknown as HealthSource;
    http = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      routes: serviceRoutes({ health, metrics }),
      logger: pino({ level: 'silent' }),
      metrics,
    });
  });
  afterAll(() => http.close());

  /** The manifest's link with PUBLIC_URL filled in as `npm run package:teams` does. */
  const link = (url: string) => url.replace(/\$\{\{PUBLIC_URL\}\}/, http.url);

  it.each([
    ['privacyUrl', 'Privacy'],
    ['termsOfUseUrl', 'Terms of use'],
  ] as const)('%s is a page the service serves, without a token', async (key, title) => {
    const res = await fetch(link(manifest.developer[key]));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain(`<h1>MarginIQ — ${title}</h1>`);
    expect(html.length).toBeLessThan(4000);
  });

  it('still answers 404 for pages it does not have', async () => {
    expect((await fetch(`${http.url}/privacy-policy`)).status).toBe(404);
  });
});
