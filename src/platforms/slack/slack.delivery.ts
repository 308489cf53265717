import type { Card } from '../../core/cards/card.model.ts';
import { createStepDown } from '../step.down.ts';
import { renderCard, type SlackMessage } from './slack.cards.ts';
import { SLACK_LEVELS, type SlackLevel } from './slack.tables.ts';

/** A level the message went out at, or `text` when Slack refused every form of blocks. */
export type DeliveredLevel = SlackLevel | 'text';

/** Slack's answer to blocks it does not take (a block type the workspace lacks, a broken rule). */
export function refusedBlocks(err: unknown): boolean {
  const e = err as { data?: { error?: string }; code?: string; status?: number; statusCode?: number } | undefined;
  const code = e?.data?.error;
  if (code === 'invalid_blocks' || code === 'invalid_blocks_format' || code === 'invalid_attachments') return true;
  // response_url answers a refused message with HTTP 400 (Bolt's RespondError carries only the status).
  return e?.code === 'slack_bolt_respond_error' && (e.statusCode ?? e.status) === 400;
}

export interface FallbackLog {
  warn(o: object, m?: string): void;
}

/**
 * Issue 17: native blocks → the table block → section fields → text alone. A workspace that refused
 * a form is remembered, so its later messages start at the form it takes, and the step down is logged
 * once per workspace (this app serves one). A message is never dropped for its blocks.
 */
export function createSlackDelivery(deps: { logger?: FallbackLog | undefined; workspace?: string }) {
  const steps = createStepDown<SlackLevel, SlackMessage>({
    levels: SLACK_LEVELS,
    refused: refusedBlocks,
    formOf: (msg) => msg.blocks,
  });
  const logged = new Set<string>();

  function send<T>(
    method: string,
    card: Card,
    post: (msg: SlackMessage) => Promise<T>,
  ): Promise<{ result: T; level: DeliveredLevel }> {
    return steps.send({
      render: (level) => renderCard(card, { level }),
      deliver: post,
      // Text alone: no blocks to refuse. Whatever Slack says now is a real failure.
      textOnly: () => post({ text: renderCard(card, { level: 'fields' }).text, blocks: [] }),
      onRefused: (level, err) => step(method, level, err),
    });
  }

  function step(method: string, level: SlackLevel, err: unknown) {
    const key = `${deps.workspace ?? 'workspace'}:${level}`;
    if (logged.has(key)) return;
    logged.add(key);
    deps.logger?.warn(
      {
        workspace: deps.workspace,
        method,
        refused: level,
        slackError: (err as { data?: { error?: string } }).data?.error ?? 'http_400',
      },
      `Slack refused the ${level} form of a message; sending a simpler form (logged once per workspace)`,
    );
  }

  return { send, level: steps.level };
}

export type SlackDelivery = ReturnType<typeof createSlackDelivery>;
