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
  | TableBlock
  | ChartBlock
  | { type: 'image'; url: string; alt: string }
  | { type: 'actions'; actions: CardAction[] }
  | { type: 'divider' };

/**
 * Issue 17: a table column. Figures are right-aligned; a numeric column's cells carry their raw
 * number too, so a client that sorts (Slack data_table, the console) sorts by value, not by text.
 */
export interface TableColumn {
  label: string;
  align?: 'left' | 'right';
}

/** A cell: its text as shown, and for a figure the number behind it. */
export type TableCell = string | { text: string; value?: number; flagged?: boolean };

export interface TableBlock {
  type: 'table';
  columns: (string | TableColumn)[];
  rows: TableCell[][];
  /** What the table shows, for screen readers and the clients' caption (Slack data_table needs one). */
  caption?: string;
  /** Sortable and paged where the platform can (Slack data_table); a plain table elsewhere. */
  sortable?: boolean;
}

export interface ChartPoint {
  /** The category (x) label: a date, an account. */
  label: string;
  value: number;
  /** The value as the card writes it, in the report's currency format. */
  text: string;
  /** Drawn in the warning colour (a deficit). */
  highlight?: boolean;
}

/**
 * Issue 17: a chart with one series (line over time, or bars by category). Renderers draw it
 * natively (Slack data_visualization, Teams Chart.*, console SVG) or fall back to its table.
 */
export interface ChartBlock {
  type: 'chart';
  kind: 'line' | 'bar';
  title: string;
  /** The series name (legend). */
  series: string;
  /** The name of the highlighted points' series where a platform needs two series to colour them. */
  highlightSeries?: string;
  xLabel?: string;
  yLabel?: string;
  points: ChartPoint[];
  /** A PNG of the same chart where chat clients can fetch it: the last fallback. */
  imageUrl?: string;
}

export const cellText = (c: TableCell | undefined): string =>
  c === undefined ? '' : typeof c === 'string' ? c : c.text;
export const cellValue = (c: TableCell | undefined): number | undefined =>
  c === undefined || typeof c === 'string' ? undefined : c.value;
export const columnLabel = (c: string | TableColumn): string => (typeof c === 'string' ? c : c.label);
export const columnAlign = (c: string | TableColumn): 'left' | 'right' =>
  typeof c === 'string' ? 'left' : (c.align ?? 'left');

/** A chart as the table of its points: what a client that cannot draw it shows instead. */
export function chartTable(c: ChartBlock): TableBlock {
  return {
    type: 'table',
    caption: c.title,
    columns: [c.xLabel ?? '', { label: c.yLabel ?? c.series, align: 'right' }],
    rows: c.points.map((p) => [p.label, { text: p.text, value: p.value, ...(p.highlight ? { flagged: true } : {}) }]),
  };
}

/** A table as label/value fields (the oldest form every client draws): "Column: value · …". */
export function tableFields(b: TableBlock): CardField[] {
  const columns = b.columns.map(columnLabel);
  return b.rows.map((r) => ({
    label: cellText(r[0]) || '—',
    value:
      columns
        .slice(1)
        .map((c, i) => [c, cellText(r[i + 1])] as const)
        .filter(([, v]) => v !== '')
        .map(([c, v]) => (c ? `${c}: ${v}` : v))
        .join(' · ') || '—',
    flagged: r.some((c) => typeof c === 'object' && c.flagged === true),
  }));
}

/** The chart in one sentence, for alt text and fallback text. */
export function chartAlt(c: ChartBlock): string {
  const shown = c.points.slice(-12).map((p) => `${p.label} ${p.text}`);
  const more = c.points.length > shown.length ? `${c.points.length - shown.length} earlier points, then ` : '';
  return `${c.title}: ${more}${shown.join(', ')}`;
}

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
