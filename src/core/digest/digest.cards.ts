import { effectiveState } from '../calls/call.states.ts';
import { type Card, type CardBlock, card, type Tone } from '../cards/card.model.ts';
import { isRejectReasonCode, REJECT_REASON_LABELS } from '../decisions/trust.policy.ts';
import { displayUser, formatMoney, formatMs, formatPercent, formatWhen } from '../format.ts';
import { archiveBlocks } from '../ops/archive.cards.ts';
import { scoreboardBlocks } from '../scoreboard/scoreboard.cards.ts';
import type { CountRow, ReportStats, ThreadRef, TurnaroundStats } from './analytics.port.ts';
import type { DailyDigestData, TotalsChange, WeeklyDigestData } from './digest.data.ts';
import { excessBlocks } from './excess.by-account.ts';
import { healthFields, statusWord } from './health.figures.ts';

export interface DigestCardOptions {
  /** Where chat clients can fetch the chart; without it the chart travels as a file beside the card. */
  chartUrl?: string | undefined;
  /** Issue 17: a PNG of the excess chart where chat clients can fetch it, for clients that cannot draw it. */
  excessChartUrl?: string | undefined;
  /** A link to an upload's thread, when the platform can make one. */
  threadLink?: ((t: ThreadRef) => string | undefined) | undefined;
}

/** "2d 4h", "3h 12m", "45s": how long something waited. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export function methodShare(stats: ReportStats): string {
  const n = stats.methods.text + stats.methods.ocr + stats.methods.mixed;
  if (n === 0) return '—';
  const share = (k: number) => formatPercent(k / n);
  const mixed = stats.methods.mixed > 0 ? ` · ${share(stats.methods.mixed)} mixed` : '';
  return `${share(stats.methods.text)} text · ${share(stats.methods.ocr)} OCR${mixed}`;
}

export const statusCounts = (s: ReportStats) =>
  `${s.byStatus.pending} pending · ${s.byStatus.approved} approved · ${s.byStatus.rejected} rejected`;

export function threadText(t: ThreadRef | null, link?: DigestCardOptions['threadLink']): string {
  if (!t) return 'no thread';
  const url = link?.(t);
  if (url) return url;
  const where = t.threadRef ?? t.replyRef;
  return `${t.platform} channel ${t.channelId}${where ? `, thread ${where}` : ''}`;
}

function delta(now: number, prev: number, currency: string): string {
  const d = now - prev;
  const sign = d > 0 ? '+' : '';
  const rel = prev !== 0 ? ` (${sign}${((d / Math.abs(prev)) * 100).toFixed(1)}%)` : '';
  return `${sign}${formatMoney(d, currency)}${rel}`;
}

const wowRow = (r: TotalsChange) => [
  r.currency,
  formatMoney(r.equityNow, r.currency),
  delta(r.equityNow, r.equityPrev, r.currency),
  formatMoney(r.requirementNow, r.currency),
  delta(r.requirementNow, r.requirementPrev, r.currency),
  r.accountsNow === r.accountsPrev ? String(r.accountsNow) : `${r.accountsNow} (was ${r.accountsPrev})`,
];

export function qualityFields(s: ReportStats) {
  return [
    { label: 'Avg confidence', value: formatPercent(s.avgConfidence) },
    { label: 'Avg data quality', value: formatPercent(s.avgQuality) },
    { label: 'Text vs OCR', value: methodShare(s) },
    { label: 'Processing p50 / p95', value: `${formatMs(s.p50Ms)} / ${formatMs(s.p95Ms)}` },
  ];
}

export function dailyDigestCard(d: DailyDigestData, opts: DigestCardOptions = {}): Card {
  const title = `MarginIQ daily digest — ${d.day}`;
  const since = d.sinceLastDigest ? `since the last digest (${formatWhen(d.since)})` : 'in the last 24 hours';
  const blocks: CardBlock[] = [
    {
      type: 'text',
      text: `${d.received.total} report${d.received.total === 1 ? '' : 's'} received ${since}: ${statusCounts(d.received)}.`,
    },
    { type: 'fields', fields: qualityFields(d.received) },
  ];
  const now = Date.parse(d.generatedAt);
  if (d.pending.total > 0) {
    const items = d.pending.items.map(
      (p) =>
        `${p.accountNumber} · ${p.reportDate} — waiting ${formatDuration(now - Date.parse(p.createdAt))}${p.needsReview ? ', needs review' : ''} · ${p.sourceFileName ?? 'upload'} · ${threadText(p.thread, opts.threadLink)}`,
    );
    if (d.pending.total > d.pending.items.length) items.push(`…and ${d.pending.total - d.pending.items.length} more`);
    blocks.push({
      type: 'list',
      title: `Pending approvals (${d.pending.total}, oldest first)`,
      items,
      tone: 'warning',
    });
  } else {
    blocks.push({ type: 'text', text: 'No reports are waiting for approval.', muted: true });
  }
  if (d.calls.length > 0) {
    blocks.push({
      type: 'list',
      title: `Margin calls and deficits (${d.calls.length})`,
      tone: 'danger',
      items: d.calls
        .slice(0, 15)
        .map((c) =>
          c.marginCall && c.marginCall > 0
            ? `${c.accountNumber} · ${c.reportDate} — call ${formatMoney(c.marginCall, c.currency)} (${c.status})`
            : `${c.accountNumber} · ${c.reportDate} — deficit ${formatMoney(c.excess ?? undefined, c.currency)} (${c.status})`,
        ),
    });
  } else {
    blocks.push({ type: 'text', text: 'No account shows a margin call or deficit.', muted: true });
  }
  // Issue 15: each call due today, once: in the first digest of the day to the subscribers.
  if (d.dueToday.length > 0) {
    blocks.push({
      type: 'list',
      title: `Margin calls due today (${d.dueToday.length})`,
      tone: 'danger',
      items: d.dueToday.map(
        (c) =>
          `#${c.number} · ${c.accountNumber} — ${formatMoney(c.outstanding, c.currency)} due ${c.dueDate}${effectiveState(c, d.day) === 'open' ? '' : ` (${effectiveState(c, d.day).replace('_', ' ')})`} · /margin call ${c.number}`,
      ),
    });
  } else if (!d.dueTodayListedEarlier) {
    blocks.push({ type: 'text', text: 'No margin call is due today.', muted: true });
  }
  // Issue 17: excess by account as a native chart (deficits highlighted) and every account in a sortable table.
  blocks.push(...excessBlocks(d.cushions, opts.excessChartUrl));
  if (d.weekOverWeek.rows.length > 0) {
    blocks.push({ type: 'heading', text: `Week over week (${d.weekOverWeek.previous} → ${d.weekOverWeek.asOf})` });
    blocks.push({
      type: 'table',
      columns: ['Currency', 'Total equity', 'Change', 'Requirement', 'Change', 'Accounts'],
      rows: d.weekOverWeek.rows.map(wowRow),
    });
  }
  const failedCount = d.ingestions.failed + d.ingestions.dead;
  if (failedCount > 0 || d.failures.length > 0) {
    blocks.push({
      type: 'list',
      title: `Failures: ${d.ingestions.failed} failed, ${d.ingestions.dead} dead-lettered`,
      tone: 'danger',
      items: d.failures
        .slice(0, 10)
        .map(
          (f) =>
            `${f.fileName} — ${f.status === 'dead' ? 'dead-lettered' : 'failed'}: ${f.reason} · ${threadText(f.thread, opts.threadLink)}`,
        ),
    });
  }
  blocks.push({ type: 'heading', text: `System: ${statusWord(d.health.report.status)}` });
  blocks.push({ type: 'fields', fields: healthFields(d.health) });
  if (opts.chartUrl) {
    blocks.push({
      type: 'image',
      url: opts.chartUrl,
      alt: `Reports per day and average quality, last ${d.series.length} days`,
    });
  }
  const tone: Tone =
    d.calls.length > 0 || d.dueToday.length > 0 || d.health.report.status === 'down'
      ? 'danger'
      : d.pending.total > 0 || failedCount > 0 || d.health.report.status === 'degraded'
        ? 'warning'
        : 'info';
  const fallback = `${title}: ${d.received.total} received, ${d.pending.total} pending, ${d.calls.length} calls/deficits, ${d.dueToday.length} calls due today, ${failedCount} failures, system ${statusWord(d.health.report.status)}`;
  return card(title, tone, blocks, fallback);
}

export function turnaroundFields(t: TurnaroundStats) {
  return [
    { label: 'Decided', value: String(t.decided) },
    { label: 'Turnaround avg', value: formatDuration(t.avgMs) },
    { label: 'Turnaround p50 / p95', value: `${formatDuration(t.p50Ms)} / ${formatDuration(t.p95Ms)}` },
  ];
}

export function weeklyDigestCard(w: WeeklyDigestData): Card {
  const title = `MarginIQ weekly usage — ${w.since.slice(0, 10)} to ${w.until.slice(0, 10)}`;
  const blocks: CardBlock[] = [
    { type: 'text', text: `${w.totals.total} reports received: ${statusCounts(w.totals)}.` },
    {
      type: 'table',
      columns: ['Day', 'Reports', 'Avg quality'],
      rows: w.perDay.map((p) => [p.day, String(p.reports), formatPercent(p.avgQuality)]),
    },
  ];
  if (w.perAccount.length > 0) {
    blocks.push({ type: 'heading', text: 'Reports per account' });
    blocks.push({
      type: 'table',
      columns: ['Account', 'Reports'],
      rows: w.perAccount.map((r) => [r.key, String(r.n)]),
    });
  }
  if (w.perUploader.length > 0) {
    blocks.push({ type: 'heading', text: 'Reports per uploader' });
    blocks.push({
      type: 'table',
      columns: ['Uploader', 'Reports'],
      rows: w.perUploader.map((r) => [displayUser(r.key), String(r.n)]),
    });
  }
  blocks.push({ type: 'heading', text: 'Approval turnaround' });
  blocks.push({ type: 'fields', fields: turnaroundFields(w.turnaround) });
  blocks.push({ type: 'fields', fields: qualityFields(w.totals) });
  if (w.rejectReasons && w.rejectReasons.length > 0) blocks.push(rejectReasonsBlock(w.rejectReasons));
  if (w.featureUse.length > 0) {
    blocks.push({
      type: 'list',
      title: 'Feature use',
      items: w.featureUse.slice(0, 15).map((f) => `${f.key}: ${f.n}`),
    });
  }
  // Issue 15: the product's success figures over the week (uptime from the health watcher) and the archive check.
  if (w.scoreboard) {
    blocks.push({ type: 'heading', text: 'Scoreboard (last 7 days)' });
    blocks.push(...scoreboardBlocks(w.scoreboard));
  }
  if (w.archive !== undefined) {
    blocks.push({ type: 'heading', text: 'Archive' });
    blocks.push(...archiveBlocks(w.archive ?? undefined));
  }
  return card(title, 'info', blocks, `${title}: ${w.totals.total} reports, ${w.turnaround.decided} decided`);
}

/** Rejections by reason code (issue 14): `wrong_value` says where extraction fails. */
export function rejectReasonsBlock(rows: CountRow[]): CardBlock {
  return {
    type: 'table',
    columns: ['Reject reason', 'Reports'],
    rows: rows.map((r) => [
      isRejectReasonCode(r.key) ? `${REJECT_REASON_LABELS[r.key]} (${r.key})` : r.key,
      String(r.n),
    ]),
  };
}
