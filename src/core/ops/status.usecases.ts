import type { Access } from '../access/roles.ts';
import { type Card, card, textCard } from '../cards/card.model.ts';
import type { AnalyticsRepository, QueueDepth } from '../digest/analytics.port.ts';
import { collectHealthFigures, healthCard } from '../digest/health.figures.ts';
import type { HealthSource } from '../ports/health.ports.ts';
import { scoreboardBlocks } from '../scoreboard/scoreboard.cards.ts';
import { collectScoreboard, type ScoreboardDeps } from '../scoreboard/scoreboard.usecases.ts';
import { archiveBlocks } from './archive.cards.ts';
import { archiveFailed } from './archive.check.ts';
import type { OpsRepository } from './ops.port.ts';
import { problemBlocks, recentProblems } from './problems.ts';

export const STATUS_WINDOWS = [7, 30, 90] as const;
export type StatusWindow = (typeof STATUS_WINDOWS)[number];

export interface StatusDeps {
  access: Pick<Access, 'can'>;
  health: HealthSource;
  analytics: AnalyticsRepository;
  queueDepth: () => Promise<QueueDepth>;
  scoreboard: Omit<ScoreboardDeps, 'now'>;
  ops: Pick<OpsRepository, 'recentProblems' | 'lastArchiveCheck'>;
  now?: () => Date;
}

/**
 * The console's status page (issue 15): the health figures, the scoreboard over a window, and, for
 * admins as in `/margin health`, the recent problems and the last archive check. Cards, so the
 * console draws them with the renderer every other answer uses.
 */
export async function statusCards(deps: StatusDeps, input: { user: string; days: StatusWindow }): Promise<Card[]> {
  const now = deps.now ?? (() => new Date());
  const admin = await deps.access.can(input.user, 'health');
  const [figures, board, problems, archive] = await Promise.all([
    collectHealthFigures({ ...deps, uptime: deps.scoreboard.scoreboard, now }),
    collectScoreboard({ ...deps.scoreboard, now }, input.days),
    admin ? recentProblems(deps.ops) : undefined,
    admin ? deps.ops.lastArchiveCheck() : undefined,
  ]);
  const cards = [healthCard(figures), card(`Scoreboard — last ${input.days} days`, 'info', scoreboardBlocks(board))];
  if (!problems) {
    cards.push(textCard('Recent problems', 'Only admins see the recent warnings and errors (switch to Admin).'));
    return cards;
  }
  const tone = problems.some((p) => p.severity === 'error') ? 'danger' : problems.length ? 'warning' : 'success';
  cards.push(card('Recent problems', tone, problemBlocks(problems)));
  cards.push(card('Archive', archive && archiveFailed(archive) ? 'danger' : 'info', archiveBlocks(archive)));
  return cards;
}
