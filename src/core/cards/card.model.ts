/**
 * The neutral card: what the core says, before any platform dresses it. Text is plain text;
 * each renderer escapes it for its own markup, so document text can never ping or format.
 */
export const ACTION_IDS = {
  approve: 'marginiq.report.approve',
  reject: 'marginiq.report.reject',
  edit: 'marginiq.report.edit',
  // Issue 14: crops of the page around each value that needs review, posted in the thread.
  show_source: 'marginiq.report.show_source',
  replace: 'marginiq.conflict.replace',
  keep: 'marginiq.conflict.keep',
  // Margin-call actions (issue 15): on the summary of an approved report that opened a call.
  call_met: 'marginiq.call.met',
  call_dispute: 'marginiq.call.dispute',
  call_waive: 'marginiq.call.waive',
  // 👍 / 👎 on every summary (issue 15): one vote per person per upload, changeable.
  vote_up: 'marginiq.summary.vote_up',
  vote_down: 'marginiq.summary.vote_down',
  // Issue 17: a report from My queue (App Home, the Teams home card), shown to the clicker with its buttons.
  open: 'marginiq.report.open',
} as const;
export type ActionKind = keyof typeof ACTION_IDS;
export type ActionId = (typeof ACTION_IDS)[ActionKind];

export const actionKindOf = (id: string): ActionKind | undefined =>
  (Object.keys(ACTION_IDS) as ActionKind[]).find((k) => ACTION_IDS[k] === id);

/** The id of the edit form's submission (Slack view callback, Teams Action.Execute verb, console form). */
export const EDIT_FORM_ID = 'marginiq.report.edit_submit';

export type Tone = 'info' | 'success' | 'warning' | 'danger';

export interface CardField {
  label: string;
  value: string;
  /** A field a human must look at (low confidence, failed check). */
  flagged?: boolean;
  /** Issue 14: where a flagged value was read — page, label and the printed text — shown inline. */
  source?: string;
}

/**
 * Issue 14: a person named in a text block. The block's text holds `{0}`, `{1}`… where each is
 * named: Slack renders `<@U…>` (Slack shows the display name), Teams a mention entity, the console
 * and plain text the display name. Only blocks with `people` are substituted.
 */
export interface Person {
  /** Platform-qualified: `slack:U0123`, `teams:<aad-object-id>`, `console:dana`. */
  id: string;
  /** The display name as far as it is known (else the bare id). */
  name: string;
}

/** The text of a block with its people named plainly (fallback text, console, CLI). */
export const withNames = (text: string, people: readonly Person[] = []): string =>
  people.length === 0
    ? text
    : text.replace(/\{(\d+)\}/g, (m, i) => (people[Number(i)] ? `@${people[Number(i)]!.name}` : m));

export interface CardAction {
  kind: ActionKind;
  label: string;
  /** Opaque to platforms: echoed back on click (a report or conflict id). */
  value: string;
  style?: 'primary' | 'danger';
}

export type CardBlock =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string; muted?: boolean; people?: Person[] }
  | { type: 'fields'; fields: CardField[] }
  | { type: 'list'; title?: string; items: string[]; tone?: Tone }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'image'; url: string; alt: string }
  | { type: 'actions'; actions: CardAction[] }
  | { type: 'divider' };

export interface Card {
  title: string;
  tone: Tone;
  /** Plain text for notifications, screen readers and clients that cannot draw cards. */
  fallbackText: string;
  blocks: CardBlock[];
}

/** The edit form: the values as extracted, for a modal (Slack), inputs (Teams) or a dialog (console). */
export interface EditForm {
  reportId: string;
  title: string;
  inputs: {
    name: string;
    label: string;
    value: string;
    kind: 'number' | 'text' | 'date' | 'choice';
    /** For `choice`: the values to pick from (a select menu, a choice set). */
    options?: { value: string; label: string }[];
  }[];
  reasonLabel: string;
  /** The reason box may stay empty (the reject form's comment). */
  reasonOptional?: boolean;
  /** The submit button's label (default Save). */
  submitLabel?: string;
}

export function card(title: string, tone: Tone, blocks: CardBlock[], fallbackText?: string): Card {
  return { title, tone, blocks, fallbackText: fallbackText ?? title };
}

export const textCard = (title: string, text: string, tone: Tone = 'info'): Card =>
  card(title, tone, [{ type: 'text', text }], `${title}: ${text}`);
