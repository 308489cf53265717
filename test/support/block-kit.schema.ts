import type { types } from '@slack/bolt';
import { z } from 'zod';

/**
 * Issue 17, item 8: Block Kit as Slack's reference (docs.slack.dev/reference/block-kit) publishes it,
 * for every block MarginIQ emits. @slack/types 3.2.0 (the installed version) has TypeScript types
 * for `table` and `data_table` but none for `data_visualization`, and types are not checked at run
 * time anyway: this schema holds the published field rules and limits, and `typeCheck` below ties
 * it to @slack/types where they overlap, so a drift between the two fails `tsc`.
 */
const text = (max: number) => z.string().min(1).max(max);
const blockId = z.string().max(255).optional();

const plainText = z.strictObject({ type: z.literal('plain_text'), text: text(3000), emoji: z.boolean().optional() });
const mrkdwn = z.strictObject({ type: z.literal('mrkdwn'), text: text(3000), verbatim: z.boolean().optional() });
const textObject = z.union([plainText, mrkdwn]);
const maxText = (max: number) => (o: { text: string }) => o.text.length <= max;

const confirm = z.strictObject({
  title: plainText.refine(maxText(100)),
  text: plainText.refine(maxText(300)),
  confirm: plainText.refine(maxText(30)),
  deny: plainText.refine(maxText(30)),
  style: z.enum(['primary', 'danger']).optional(),
});

const button = z.strictObject({
  type: z.literal('button'),
  action_id: text(255),
  text: plainText.refine(maxText(75)),
  value: z.string().max(2000).optional(),
  url: z.string().max(3000).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  confirm: confirm.optional(),
});

const header = z.strictObject({ type: z.literal('header'), block_id: blockId, text: plainText.refine(maxText(150)) });
const section = z
  .strictObject({
    type: z.literal('section'),
    block_id: blockId,
    text: textObject.optional(),
    fields: z
      .array(textObject.refine(maxText(2000)))
      .min(1)
      .max(10)
      .optional(),
    expand: z.boolean().optional(),
  })
  .refine((s) => s.text !== undefined || s.fields !== undefined, 'a section needs text or fields');
const context = z.strictObject({
  type: z.literal('context'),
  block_id: blockId,
  elements: z.array(textObject).min(1).max(10),
});
const actions = z.strictObject({
  type: z.literal('actions'),
  block_id: blockId,
  elements: z
    .array(button)
    .min(1)
    .max(25)
    .refine((els) => new Set(els.map((e) => e.action_id)).size === els.length, 'action_ids repeat within a block'),
});
const divider = z.strictObject({ type: z.literal('divider'), block_id: blockId });
const image = z.strictObject({
  type: z.literal('image'),
  block_id: blockId,
  image_url: z.string().max(3000).startsWith('https://'),
  alt_text: text(2000),
  title: plainText.optional(),
});

const rawText = z.strictObject({ type: z.literal('raw_text'), text: z.string().min(1) });
const rawNumber = z.strictObject({
  type: z.literal('raw_number'),
  value: z.number().finite(),
  text: z.string().min(1),
});
const sameWidth = (rows: unknown[][]) => rows.every((r) => r.length === rows[0]?.length);

// Table block: at most 100 rows (header included), 20 cells a row, 20 column settings.
const table = z.strictObject({
  type: z.literal('table'),
  block_id: blockId,
  rows: z
    .array(
      z
        .array(z.union([rawText, rawNumber]))
        .min(1)
        .max(20),
    )
    .min(1)
    .max(100)
    .refine(sameWidth),
  column_settings: z
    .array(
      z.strictObject({ align: z.enum(['left', 'center', 'right']).optional(), is_wrapped: z.boolean().optional() }),
    )
    .max(20)
    .optional(),
});

// Data table block (changelog 2026-05-20): header + 1..100 rows of the same width; no rich_text in the header.
const dataTable = z.strictObject({
  type: z.literal('data_table'),
  block_id: blockId,
  caption: z.string().min(1),
  page_size: z.number().int().min(1).max(100).optional(),
  row_header_column_index: z.number().int().min(0).optional(),
  rows: z
    .array(
      z
        .array(z.union([rawText, rawNumber]))
        .min(1)
        .max(20),
    )
    .min(2)
    .max(101)
    .refine(sameWidth, 'every row has the same number of cells'),
});

// Data visualization block (changelog 2026-06-16): title ≤ 50; line/bar/area: 1–6 uniquely named
// series of ≤ 20 points, one per category, category and series labels ≤ 20 characters.
const point = z.strictObject({ label: z.string().min(1).max(20), value: z.number().finite() });
const seriesChart = z
  .strictObject({
    type: z.enum(['line', 'bar', 'area']),
    series: z
      .array(z.strictObject({ name: z.string().min(1).max(20), data: z.array(point).min(1).max(20) }))
      .min(1)
      .max(6),
    axis_config: z.strictObject({
      categories: z.array(z.string().min(1).max(20)).min(1).max(20),
      x_label: z.string().max(50).optional(),
      y_label: z.string().max(50).optional(),
    }),
  })
  .refine((c) => new Set(c.series.map((s) => s.name)).size === c.series.length, 'series names repeat')
  .refine(
    (c) =>
      c.series.every(
        (s) =>
          s.data.length === c.axis_config.categories.length &&
          s.data.every((p, i) => p.label === c.axis_config.categories[i]),
      ),
    'each series has one point per category, in order',
  )
  .refine((c) => new Set(c.axis_config.categories).size === c.axis_config.categories.length, 'categories repeat');
const dataVisualization = z.strictObject({
  type: z.literal('data_visualization'),
  block_id: blockId,
  title: z.string().min(1).max(50),
  chart: seriesChart,
});

const input = z.strictObject({
  type: z.literal('input'),
  block_id: blockId,
  label: plainText.refine(maxText(2000)),
  hint: plainText.optional(),
  optional: z.boolean().optional(),
  element: z.looseObject({ type: z.string(), action_id: z.string().max(255).optional() }),
});

export const messageBlock = z.union([
  header,
  section,
  context,
  actions,
  divider,
  image,
  table,
  dataTable,
  dataVisualization,
]);

/** A message's blocks, with Slack's per-message rules: 50 blocks, one table, two charts. */
export const messageBlocks = z
  .array(messageBlock)
  .max(50)
  .refine((bs) => bs.filter((b) => b.type === 'table' || b.type === 'data_table').length <= 1, 'only one table')
  .refine((bs) => bs.filter((b) => b.type === 'data_visualization').length <= 2, 'at most two charts');

export const message = z.looseObject({ text: z.string().max(40_000), blocks: messageBlocks });
/** Views (modals, App Home): up to 100 blocks, and none of the message-only table family or charts. */
export const modalBlocks = z.array(z.union([section, context, divider, input, header, actions, image])).max(100);

/** Parses a message; the error lists every path that breaks the reference. */
export function checkMessage(m: unknown): string[] {
  const r = message.safeParse(m);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

// Where @slack/types has the block, the schema's output must be assignable to it (checked by tsc).
type Out<T extends z.ZodType> = z.output<T>;
export const typeCheck: {
  header: types.HeaderBlock;
  table: types.TableBlock;
  dataTable: types.DataTableBlock;
  actions: types.ActionsBlock;
  divider: types.DividerBlock;
  image: types.ImageBlock;
  context: types.ContextBlock;
}[] = [] as {
  header: Out<typeof header>;
  table: Out<typeof table>;
  dataTable: Out<typeof dataTable>;
  actions: Out<typeof actions>;
  divider: Out<typeof divider>;
  image: Out<typeof image>;
  context: Out<typeof context>;
}[];
