import { createScopes, type ReportScope } from '../access/scope.ts';
import type { Card, ChartBlock } from '../cards/card.model.ts';
import type { SubscriptionKind } from '../ports/access.ports.ts';
import type { ConversationRef, GatewayRegistry, Platform } from '../ports/chat.ports.ts';
import type { EventsRepository } from '../ports/conversation.ports.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import type { DailyPoint, ThreadRef } from './analytics.port.ts';
import { cardToText } from './card.text.ts';
import { dailyDigestCard, weeklyDigestCard } from './digest.cards.ts';
import {
  collectDailyDigest,
  collectWeeklyDigest,
  type DailyDigestData,
  type DigestDataDeps,
  type WeeklyDigestData,
} from './digest.data.ts';
import { excessChart } from './excess.by-account.ts';

export interface DigestDeps extends Omit<DigestDataDeps, 'reports' | 'ingestions'> {
  repos: Pick<Repositories, 'reports' | 'ingestions' | 'subscriptions' | 'audit' | 'riskChannels'>;
  gateways: GatewayRegistry;
  renderChart: (series: DailyPoint[]) => Promise<Uint8Array>;
  /**
   * Issue 17: a neutral chart as a PNG — the excess chart's last fallback, uploaded beside a digest
   * only where the platform refused the native chart and its tables (or published for PUBLIC_URL).
   */
  renderChartPng?: (chart: ChartBlock) => Promise<Uint8Array>;
  /** Stores the chart where chat clients can fetch it (needs PUBLIC_URL); undefined → upload it beside the card. */
  publishChart?: (png: Uint8Array, name: string) => Promise<string | undefined>;
  threadLink?: (t: ThreadRef) => string | undefined;
  /** DIGEST_CHANNELS: platform-qualified channels that always get digests. */
  channels: readonly string[];
  logger: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  /** Claims that post each call due today in one digest to the subscribers only (issue 15). */
  claims?: Pick<EventsRepository, 'claim'> | undefined;
}

export interface BuiltDailyDigest {
  data: DailyDigestData;
  card: Card;
  chart: Uint8Array;
  chartName: string;
  text: string;
}

export interface BuiltWeeklyDigest {
  data: WeeklyDigestData;
  card: Card;
  text: string;
}

export interface Delivery {
  posted: ConversationRef[];
  failed: { to: ConversationRef; error: string }[];
  /** Targets on a platform this process cannot post to. */
  skipped: ConversationRef[];
}

const PLATFORMS: readonly Platform[] = ['slack', 'teams', 'console'];

/** `slack:C0123` → a conversation; Teams ids contain colons, so only the first one splits. */
export function parseChannel(qualified: string): ConversationRef | undefined {
  const at = qualified.indexOf(':');
  if (at <= 0) return undefined;
  const platform = qualified.slice(0, at) as Platform;
  const channelId = qualified.slice(at + 1);
  if (!PLATFORMS.includes(platform) || !channelId) return undefined;
  return { platform, channelId };
}

const keyOf = (c: ConversationRef) => `${c.platform}:${c.channelId}`;
const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createDigests(deps: DigestDeps) {
  const now = () => deps.now?.() ?? new Date();
  const dataDeps: DigestDataDeps = { ...deps, reports: deps.repos.reports, ingestions: deps.repos.ingestions, now };
  // Issue 18: a digest posted into a channel holds the whole book only in a risk channel (marked, or
  // in DIGEST_CHANNELS); any other subscribed channel gets one built from the reports shared in it.
  const scopes = createScopes({
    decides: async () => false,
    riskChannels: deps.repos.riskChannels,
    digestChannels: deps.channels,
  });
  const scopeOf = (to: ConversationRef) =>
    scopes.scopeFor({ user: 'system', conversation: to, surface: 'conversation' });
  /** Targets grouped by what they may see: one build per group (every risk channel shares one). */
  async function byScope(to: ConversationRef[]): Promise<{ key: string; scope: ReportScope; to: ConversationRef[] }[]> {
    const groups = new Map<string, { key: string; scope: ReportScope; to: ConversationRef[] }>();
    for (const target of to) {
      const scope = await scopeOf(target);
      const key = scope.kind === 'book' ? 'book' : keyOf(target);
      const g = groups.get(key) ?? { key, scope, to: [] };
      g.to.push(target);
      groups.set(key, g);
    }
    return [...groups.values()];
  }

  async function buildDaily(opts: { chartUrl?: string; scope?: ReportScope } = {}): Promise<BuiltDailyDigest> {
    const data = await collectDailyDigest(dataDeps, opts.scope);
    const chart = await deps.renderChart(data.series);
    const card = dailyDigestCard(data, { chartUrl: opts.chartUrl, threadLink: deps.threadLink });
    return { data, card, chart, chartName: `marginiq-digest-${data.day}.png`, text: cardToText(card) };
  }

  async function buildWeekly(scope?: ReportScope): Promise<BuiltWeeklyDigest> {
    const data = await collectWeeklyDigest(dataDeps, scope);
    const card = weeklyDigestCard(data);
    return { data, card, text: cardToText(card) };
  }

  /** Subscribed channels of a kind plus DIGEST_CHANNELS, each once. */
  async function targets(kind: Extract<SubscriptionKind, 'digest' | 'weekly'>): Promise<ConversationRef[]> {
    const subs = await deps.repos.subscriptions.list(kind);
    const all = [
      ...subs.map((s) => parseChannel(`${s.platform}:${s.channelId}`)),
      ...deps.channels.map(parseChannel),
    ].filter((c): c is ConversationRef => c !== undefined);
    const seen = new Set<string>();
    return all.filter((c) => !seen.has(keyOf(c)) && seen.add(keyOf(c)));
  }

  async function deliver(
    to: ConversationRef[],
    card: Card,
    chart?: { bytes: Uint8Array; name: string; title: string },
  ): Promise<Delivery> {
    const out: Delivery = { posted: [], failed: [], skipped: [] };
    for (const target of to) {
      const gateway = deps.gateways[target.platform];
      if (!gateway) {
        out.skipped.push(target);
        continue;
      }
      let fallback: string | undefined;
      try {
        fallback = (await gateway.post(target, card)).fallback;
        out.posted.push(target);
      } catch (err) {
        deps.logger.warn({ err, to: keyOf(target) }, 'digest not delivered');
        out.failed.push({ to: target, error: errText(err) });
        continue;
      }
      // Issue 17: the PNG travels only where the native chart and the table were both refused.
      if (!chart || (fallback !== 'fields' && fallback !== 'text')) continue;
      await gateway
        .uploadFile(target, { name: chart.name, bytes: chart.bytes, contentType: 'image/png', title: chart.title })
        .catch((err: unknown) => deps.logger.warn({ err, to: keyOf(target) }, 'digest chart not uploaded'));
    }
    return out;
  }

  /**
   * A call due today goes in one digest to the subscribers: the first of the day claims it, a second
   * DIGEST_CRON fire or a re-run lists only calls not yet posted. `digest now` in a channel lists them all.
   */
  async function onceADay(data: DailyDigestData, group: string): Promise<DailyDigestData> {
    if (!deps.claims || data.dueToday.length === 0) return data;
    const fresh = [];
    // Once per day for each group of channels that see the same reports (issue 18: the whole book, or one channel's).
    const claim = (id: string) =>
      deps.claims!.claim(
        group === 'book' ? `digest.call-due:${id}:${data.day}` : `digest.call-due:${id}:${data.day}:${group}`,
      );
    for (const c of data.dueToday) if (await claim(c.id)) fresh.push(c);
    return { ...data, dueToday: fresh, dueTodayListedEarlier: fresh.length < data.dueToday.length };
  }

  /**
   * Posts the daily digest. scope 'subscribers' is the scheduled (or CLI) digest to every subscriber:
   * it moves the "since the last digest" window. 'channel' is `/margin digest now` in one channel.
   */
  async function postDaily(to: ConversationRef[], opts: { scope: 'subscribers' | 'channel'; actor?: string }) {
    const delivery: Delivery = { posted: [], failed: [], skipped: [] };
    let first: { data: DailyDigestData; card: Card } | undefined;
    for (const group of await byScope(to)) {
      const built = await postDailyTo(group.to, group.scope, {
        subscribers: opts.scope === 'subscribers',
        key: group.key,
      });
      first ??= built;
      delivery.posted.push(...built.delivery.posted);
      delivery.failed.push(...built.delivery.failed);
      delivery.skipped.push(...built.delivery.skipped);
    }
    // No target at all: still built (whole book), so callers always get the data they print.
    const { data, card } = first ?? (await postDailyTo([], { kind: 'book' }, { subscribers: false, key: 'book' }));
    if (delivery.posted.length > 0) {
      await deps.repos.audit.append({
        actor: opts.actor ?? 'system',
        action: 'digest.sent',
        entityType: 'digest',
        entityId: `daily:${data.day}`,
        context: {
          scope: opts.scope,
          posted: delivery.posted.map(keyOf),
          failed: delivery.failed.map((f) => keyOf(f.to)),
          since: data.since,
          received: data.received.total,
        },
      });
    }
    deps.logger.info(
      {
        posted: delivery.posted.length,
        failed: delivery.failed.length,
        skipped: delivery.skipped.length,
        scope: opts.scope,
      },
      'daily digest delivered',
    );
    return { data, card, delivery };
  }

  async function postDailyTo(to: ConversationRef[], scope: ReportScope, opts: { subscribers: boolean; key: string }) {
    let chartUrl: string | undefined;
    const collected = await collectDailyDigest(dataDeps, scope);
    const data = opts.subscribers ? await onceADay(collected, opts.key) : collected;
    // Issue 17: the chart is native (excess by account); its PNG is only the fallback.
    const chart = excessChart(data.cushions);
    const png = chart && deps.renderChartPng && to.length > 0 ? await deps.renderChartPng(chart) : undefined;
    const chartName = `marginiq-digest-${data.day}.png`;
    if (png && deps.publishChart) {
      chartUrl = await deps.publishChart(png, chartName).catch((err: unknown) => {
        deps.logger.warn({ err }, 'digest chart not published; uploading it where needed instead');
        return undefined;
      });
    }
    const card = dailyDigestCard(data, { excessChartUrl: chartUrl, threadLink: deps.threadLink });
    const delivery = await deliver(
      to,
      card,
      png && chart && !chartUrl ? { bytes: png, name: chartName, title: chart.title } : undefined,
    );
    return { data, card, delivery };
  }

  async function postWeekly(to: ConversationRef[], opts: { actor?: string } = {}) {
    const delivery: Delivery = { posted: [], failed: [], skipped: [] };
    let built: BuiltWeeklyDigest | undefined;
    for (const group of await byScope(to)) {
      const b = await buildWeekly(group.scope);
      built ??= b;
      const d = await deliver(group.to, b.card);
      delivery.posted.push(...d.posted);
      delivery.failed.push(...d.failed);
      delivery.skipped.push(...d.skipped);
    }
    built ??= await buildWeekly();
    if (delivery.posted.length > 0) {
      await deps.repos.audit.append({
        actor: opts.actor ?? 'system',
        action: 'digest.weekly_sent',
        entityType: 'digest',
        entityId: `weekly:${built.data.until.slice(0, 10)}`,
        context: { posted: delivery.posted.map(keyOf), failed: delivery.failed.map((f) => keyOf(f.to)) },
      });
    }
    return { ...built, delivery };
  }

  return { buildDaily, buildWeekly, targets, postDaily, postWeekly };
}

export type Digests = ReturnType<typeof createDigests>;
