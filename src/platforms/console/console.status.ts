import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Card } from '../../core/cards/card.model.ts';
import { STATUS_WINDOWS, type StatusWindow } from '../../core/ops/status.usecases.ts';
import { renderCard } from './console.cards.ts';
import { PAGE_HEADERS } from './console.http.ts';
import { esc } from './console.tables.ts';

export type StatusSource = (user: string, days: StatusWindow) => Promise<Card[]>;

/** `?days=30` → 30; anything else is the 7-day default, as `/margin stats` has it. */
export function statusWindow(raw: string | null): StatusWindow {
  const n = Number((raw ?? '').replace(/d$/i, ''));
  return (STATUS_WINDOWS as readonly number[]).includes(n) ? (n as StatusWindow) : 7;
}

/**
 * The status page: the health figures, the scoreboard and (for admins) the recent problems and the
 * archive check, drawn server-side with the console's card renderer. A plain page with links, so it
 * works without the page script and can be left open on a wall screen.
 */
export function statusPage(cards: Card[], opts: { days: StatusWindow; user: string }): string {
  const who = opts.user.replace(/^console:/, '');
  const tabs = STATUS_WINDOWS.map((d) =>
    d === opts.days
      ? `<span class="btn primary" aria-current="page">${d} days</span>`
      : `<a class="btn" href="/console/status?days=${d}&amp;user=${esc(who)}">${d} days</a>`,
  ).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>MarginIQ · status</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/console/styles.css">
</head>
<body class="status-page">
  <header class="topbar">
    <div class="brand"><span class="logo" aria-hidden="true">M</span><span>MarginIQ</span><span class="badge-local">status</span></div>
    <nav class="status-nav">${tabs} <a class="btn" href="/">Back to the console</a></nav>
  </header>
  <main class="status-cards">
    ${cards.map(renderCard).join('\n    ')}
  </main>
</body>
</html>
`;
}

export function statusHandler(source: StatusSource | undefined) {
  return async (_req: IncomingMessage, res: ServerResponse, user: string, url: URL) => {
    const days = statusWindow(url.searchParams.get('days'));
    const cards = source
      ? await source(user, days)
      : [{ title: 'Status', tone: 'info' as const, blocks: [], fallbackText: 'No status source is wired.' }];
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...PAGE_HEADERS });
    res.end(statusPage(cards, { days, user }));
  };
}
