import type { Person, Tone } from '../../core/cards/card.model.ts';

// Slack's published Block Kit limits; a message over them is refused with invalid_blocks.
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  imageAlt: 2000,
  /** chat.postMessage's top-level text; longer is truncated by Slack anyway. */
  fallbackText: 3000,
} as const;

export const TONE_EMOJI: Record<Tone, string> = {
  info: 'ℹ️',
  success: '✅',
  warning: '⚠️',
  danger: '🚨',
};

/**
 * Slack parses `&`, `<` and `>` in mrkdwn and in a message's top-level text (`<!channel>`, `<@U…>`,
 * `<https://…|label>`). Escaping them makes document text inert: it can neither ping nor link.
 */
export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * plain_text objects are never parsed for mentions or links, but a literal `<!here>` must not reach
 * Slack in any text field: angle brackets become look-alike guillemets.
 */
export const plainSafe = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');

/** Cuts to `max` characters without leaving half an entity (`&am`) at the end. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]{0,4}$/, '')}…`;
}

export const mrkdwn = (text: string, max: number = SLACK_LIMITS.sectionText) => ({
  type: 'mrkdwn' as const,
  text: truncate(text, max),
  // verbatim: Slack must not auto-link channel names, URLs or bare @mentions in our text.
  verbatim: true,
});

export const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: truncate(plainSafe(text), max),
  emoji: true,
});

/** Escapes the text, then puts `<@U…>` for each Slack user in its `{n}` place (a name for anyone else). */
export function withSlackMentions(text: string, people: readonly Person[]): string {
  return escapeMrkdwn(text).replace(/\{(\d+)\}/g, (m, i) => {
    const p = people[Number(i)];
    if (!p) return m;
    const slack = /^slack:([UW][A-Z0-9]{2,30})$/.exec(p.id);
    return slack ? `<@${slack[1]}>` : escapeMrkdwn(`@${p.name}`);
  });
}
