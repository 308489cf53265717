import type { types, webApi } from '@slack/bolt';
import type { Card } from '../../core/cards/card.model.ts';
import type { ChatCore } from '../../core/chat.core.ts';
import type { Logger } from '../../observability/logger.ts';
import { renderCard } from './slack.cards.ts';
import { plainSafe, truncate } from './slack.text.ts';

/** Slack channel links that work for any member of the workspace, whatever its domain. */
export const slackChannelLink = (channelId: string) =>
  /^[CGD][A-Z0-9]+$/.test(channelId) ? `https://slack.com/app_redirect?channel=${channelId}` : undefined;

/** Digests on App Home link to the Slack channels they were posted in. */
export const slackHomeLinks = (c: { platform: string; channelId: string }) =>
  c.platform === 'slack' ? slackChannelLink(c.channelId) : undefined;

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

/**
 * Issue 17 item 4: Slack App Home, drawn on `app_home_opened`. Core stores where it was drawn, and
 * draws it again (the gateway's refreshHome, views.publish) whenever the queue changes, from whichever
 * platform, replica or worker changed it, for the people who may see the change.
 */
export function createSlackHome(deps: { chat: ChatCore; client: webApi.WebClient; logger: Logger }) {
  return {
    async opened(slackUserId: string): Promise<void> {
      const user = `slack:${slackUserId}`;
      const card = await deps.chat.home({
        user,
        conversation: { platform: 'slack', channelId: '' },
        surface: 'private',
        linkTo: slackHomeLinks,
      });
      await deps.client.views.publish({ user_id: slackUserId, view: homeView(card) });
      await deps.chat.homeShown({ platform: 'slack', user, channelId: '', surface: 'private', messageRef: null });
    },
  };
}
