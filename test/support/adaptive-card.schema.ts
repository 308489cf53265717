import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * Issue 17, item 8: the Adaptive Cards schema (adaptivecards.io/schemas/adaptive-card.json, 1.5)
 * is not available offline here, so this is a faithful subset written from it and from the Teams
 * SDK's typings (@microsoft/teams.cards 2.1.0): every element and action MarginIQ emits, with
 * their properties, enumerations and required fields, and nothing else allowed. Chart.* are the
 * Teams extensions (1.5). An unknown property or element type fails, as the published schema's
 * `additionalProperties: false` would.
 */
const color = z.enum(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']);
const spacing = z.enum(['None', 'ExtraSmall', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']);
const hAlign = z.enum(['Left', 'Center', 'Right']);
const chartColor = z.enum([
  'good',
  'warning',
  'attention',
  'neutral',
  'categoricalRed',
  'categoricalPurple',
  'categoricalLavender',
  'categoricalBlue',
  'categoricalLightBlue',
  'categoricalTeal',
  'categoricalGreen',
  'categoricalLime',
  'categoricalMarigold',
]);

const common = {
  id: z.string().optional(),
  separator: z.boolean().optional(),
  spacing: spacing.optional(),
  isVisible: z.boolean().optional(),
  horizontalAlignment: hAlign.optional(),
};

const textRun = z.strictObject({
  type: z.literal('TextRun'),
  text: z.string(),
  weight: z.enum(['Lighter', 'Default', 'Bolder']).optional(),
  size: z.enum(['Small', 'Default', 'Medium', 'Large', 'ExtraLarge']).optional(),
  color: color.optional(),
  isSubtle: z.boolean().optional(),
  italic: z.boolean().optional(),
});
const richTextBlock = z.strictObject({ type: z.literal('RichTextBlock'), ...common, inlines: z.array(textRun).min(1) });
const textBlock = z.strictObject({
  type: z.literal('TextBlock'),
  ...common,
  text: z.string(),
  wrap: z.boolean().optional(),
  isSubtle: z.boolean().optional(),
  weight: z.enum(['Lighter', 'Default', 'Bolder']).optional(),
  color: color.optional(),
});
const factSet = z.strictObject({
  type: z.literal('FactSet'),
  ...common,
  facts: z.array(z.strictObject({ title: z.string(), value: z.string() })),
});
const image = z.strictObject({
  type: z.literal('Image'),
  ...common,
  url: z.string().min(1),
  altText: z.string().optional(),
  size: z.enum(['Auto', 'Stretch', 'Small', 'Medium', 'Large']).optional(),
});

const submitAction = z.strictObject({
  type: z.literal('Action.Submit'),
  title: z.string().optional(),
  data: z.unknown().optional(),
  associatedInputs: z.enum(['auto', 'none']).optional(),
  style: z.enum(['default', 'positive', 'destructive']).optional(),
});
const executeAction = z.strictObject({
  type: z.literal('Action.Execute'),
  title: z.string().optional(),
  verb: z.string().optional(),
  data: z.unknown().optional(),
  associatedInputs: z.enum(['auto', 'none']).optional(),
  style: z.enum(['default', 'positive', 'destructive']).optional(),
  fallback: z.union([submitAction, z.literal('drop')]).optional(),
});
const openUrlAction = z.strictObject({
  type: z.literal('Action.OpenUrl'),
  title: z.string().optional(),
  url: z.string().min(1),
});
const action = z.union([executeAction, submitAction, openUrlAction]);
const actionSet = z.strictObject({ type: z.literal('ActionSet'), ...common, actions: z.array(action).min(1) });

const tableCell = z.strictObject({
  type: z.literal('TableCell'),
  horizontalAlignment: hAlign.optional(),
  items: z.array(z.union([richTextBlock, textBlock])).min(1),
});
const sameWidth = (t: { columns: unknown[]; rows: { cells: unknown[] }[] }) =>
  t.rows.every((r) => r.cells.length === t.columns.length);
const table = z
  .strictObject({
    type: z.literal('Table'),
    ...common,
    firstRowAsHeaders: z.boolean().optional(),
    showGridLines: z.boolean().optional(),
    horizontalCellContentAlignment: hAlign.optional(),
    columns: z
      .array(
        z.strictObject({
          type: z.literal('TableColumnDefinition'),
          width: z.union([z.number().positive(), z.string()]).optional(),
          horizontalCellContentAlignment: hAlign.optional(),
        }),
      )
      .min(1),
    rows: z.array(z.strictObject({ type: z.literal('TableRow'), cells: z.array(tableCell) })),
    fallback: z.union([factSet, z.literal('drop')]).optional(),
  })
  .refine(sameWidth, 'every row has one cell per column');

const chartCommon = {
  ...common,
  title: z.string().optional(),
  showTitle: z.boolean().optional(),
  xAxisTitle: z.string().optional(),
  yAxisTitle: z.string().optional(),
  showLegend: z.boolean().optional(),
  color: chartColor.optional(),
  fallback: z.union([table, factSet, z.literal('drop')]).optional(),
};
const lineChart = z.strictObject({
  type: z.literal('Chart.Line'),
  ...chartCommon,
  data: z
    .array(
      z.strictObject({
        legend: z.string().optional(),
        color: chartColor.optional(),
        values: z.array(z.strictObject({ x: z.union([z.string(), z.number()]), y: z.number().finite() })).min(1),
      }),
    )
    .min(1),
});
const barChart = z.strictObject({
  type: z.literal('Chart.VerticalBar'),
  ...chartCommon,
  showBarValues: z.boolean().optional(),
  data: z
    .array(
      z.strictObject({
        x: z.union([z.string(), z.number()]),
        y: z.number().finite(),
        color: chartColor.optional(),
      }),
    )
    .min(1),
});

const inputCommon = {
  ...common,
  id: z.string().min(1),
  label: z.string().optional(),
  isRequired: z.boolean().optional(),
  errorMessage: z.string().optional(),
};
const inputs = [
  z.strictObject({
    type: z.literal('Input.Text'),
    ...inputCommon,
    value: z.string().optional(),
    maxLength: z.number().optional(),
    isMultiline: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('Input.Number'), ...inputCommon, value: z.number().optional() }),
  z.strictObject({ type: z.literal('Input.Date'), ...inputCommon, value: z.string().optional() }),
  z.strictObject({
    type: z.literal('Input.ChoiceSet'),
    ...inputCommon,
    value: z.string().optional(),
    style: z.enum(['compact', 'expanded', 'filtered']).optional(),
    choices: z.array(z.strictObject({ title: z.string(), value: z.string() })),
  }),
] as const;

export const element = z.union([
  richTextBlock,
  textBlock,
  factSet,
  image,
  actionSet,
  table,
  lineChart,
  barChart,
  ...inputs,
]);

const mention = z.strictObject({
  type: z.literal('mention'),
  text: z.string(),
  mentioned: z.strictObject({ id: z.string(), name: z.string() }),
});

export const adaptiveCard = z.strictObject({
  type: z.literal('AdaptiveCard'),
  $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
  version: z.enum(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5']),
  fallbackText: z.string().optional(),
  msteams: z.strictObject({ width: z.literal('full').optional(), entities: z.array(mention).optional() }).optional(),
  body: z.array(element),
  actions: z.array(action).optional(),
});

/**
 * Microsoft's own Adaptive Cards SDK (`adaptivecards`, the reference renderer's object model) parses
 * the card too: every warning it raises while reading the JSON (an unknown element or action type,
 * an invalid value for a property, a card version it does not know) and every validation failure
 * (`validateProperties`, e.g. duplicate ids, missing required properties) is an error here. The
 * Teams-only chart elements (`Chart.*`) are unknown to that SDK; the subset schema above checks them.
 */
type SdkEvent = { message: string; source?: { getJsonTypeName?: () => string } };
type SdkCard = {
  parse(json: unknown, ctx: unknown): void;
  validateProperties(): { validationEvents: SdkEvent[] };
};
type AdaptiveCardsSdk = {
  AdaptiveCard: new () => SdkCard;
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): SdkEvent };
};
// The package's ESM build imports extensionless paths Node cannot resolve; its UMD bundle loads as is.
const sdk = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsSdk;
const TEAMS_EXTENSION = /^Unknown element type "Chart\.[A-Za-z]+"/;

export function sdkParseProblems(card: unknown): string[] {
  const parsed = new sdk.AdaptiveCard();
  const ctx = new sdk.SerializationContext();
  parsed.parse(card, ctx);
  const events: SdkEvent[] = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  return events
    .map((e) => `adaptivecards: ${e.message}`)
    .filter((m) => !TEAMS_EXTENSION.test(m.slice('adaptivecards: '.length)));
}

/** Parses a card; the answer lists every path that breaks the schema, then every problem the official SDK reports. */
export function checkCard(card: unknown): string[] {
  const r = adaptiveCard.safeParse(card);
  const schema = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return [...schema, ...sdkParseProblems(card)];
}
