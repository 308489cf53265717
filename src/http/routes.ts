import type { HealthSource } from '../core/ports/health.ports.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Route } from '../platforms/platform.ts';
import { legalRoutes } from './legal.pages.ts';
import { sendJson } from './server.ts';

/**
 * The service's own routes: /health (503 when down, for load balancers), /metrics (Prometheus), and the
 * privacy and terms pages the Teams manifest links to.
 * `more` appends figures computed elsewhere (the scoreboard's gauges, read from the database).
 */
export function serviceRoutes(deps: { health: HealthSource; metrics: Metrics; more?: () => Promise<string> }): Route[] {
  return [
    {
      method: 'GET',
      path: '/health',
      handler: async (_req, res) => {
        const report = await deps.health.check();
        sendJson(res, report.status === 'down' ? 503 : 200, report);
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handler: async (_req, res) => {
        const [own, more] = await Promise.all([deps.metrics.render(), deps.more?.() ?? '']);
        res.writeHead(200, { 'content-type': deps.metrics.contentType });
        res.end(more ? `${own}${more}\n` : own);
      },
    },
    ...legalRoutes(),
  ];
}
