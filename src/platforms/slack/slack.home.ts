import type { types, webApi } from '@slack/bolt';
import type { Card } from '../../core/cards/card.model.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import type { Logger } from '../../observability/logger.ts';
import { plainSafe, renderCard, truncate } from './slack.cards.ts';

/** Slack channel links that work for any member of the workspace, whatever its domain. */
export const slackChannelLink = (channelId: string) =>
  /^[CGD][A-Z0-9]+$/.test(channelId) ? `https://slack.com/app_redirect?channel=${channelId}` : undefined;

/** The home card as the App Home tab's view (views.publish). */
export const homeView = (card: Card): types.HomeView => ({
  type: 'home',
  blocks: renderCard(card, { surface: 'view' }).blocks,
});

/** A card for the clicker alone, as a modal (Open from App Home, a refusal where no channel is). */
export const cardModal = (card: Card): types.ModalView => ({
  type: 'modal',
  title: { type: 'plain_text', text: truncate(plainSafe(card.title), 24) },
  close: { type: 'plain_text', text: 'Close' },
  blocks: renderCard(card, { surface: 'view' }).blocks,
});

/** People whose App Home was drawn lately: their queues change when someone else decides. */
const RECENT_VIEWERS = 50;
/** How many of them one decision refreshes (views.publish is Tier 4: 100+ a minute). */
const REFRESH_OTHERS = 20;

/**
 * Issue 17 item 4: Slack App Home. Drawn on `app_home_opened` and again after each decision, for the
 * one who decided and the people who looked at their home lately (their queues changed too).
 */
export function createSlackHome(deps: { chat: ChatCore; client: webApi.WebClient; logger: Logger }) {
  const viewers: string[] = [];
  const publish = async (slackUserId: string) => {
    const card = await deps.chat.home({
      user: `slack:${slackUserId}`,
      conversation: { platform: 'slack', channelId: '' },
      surface: 'private',
      linkTo: (c) => (c.platform === 'slack' ? slackChannelLink(c.channelId) : undefined),
    });
    await deps.client.views.publish({ user_id: slackUserId, view: homeView(card) });
  };
  const remember = (slackUserId: string) => {
    const at = viewers.indexOf(slackUserId);
    if (at >= 0) viewers.splice(at, 1);
    viewers.unshift(slackUserId);
    viewers.length = Math.min(viewers.length, RECENT_VIEWERS);
  };
  return {
    async opened(slackUserId: string): Promise<void> {
      remember(slackUserId);
      await publish(slackUserId);
    },
    /** After a decision: never fails the click that caused it. */
    async refreshAfterDecision(slackUserId: string): Promise<void> {
      const who = [slackUserId, ...viewers.filter((v) => v !== slackUserId).slice(0, REFRESH_OTHERS)];
      await Promise.all(
        who.map((u) =>
          publish(u).catch((err: unknown) => deps.logger.warn({ err, user: u }, 'App Home not refreshed')),
        ),
      );
    },
  };
}
