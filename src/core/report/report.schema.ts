import { z } from 'zod';

/** The canonical margin fields of the interface, in display order. */
export const FIELD_NAMES = [
  'total_equity',
  'maintenance_requirement',
  'initial_requirement',
  'excess_liquidity',
  'margin_call',
  'buying_power',
  'cash_balance',
  'long_market_value',
  'short_market_value',
  'sma',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const FIELD_LABELS: Record<FieldName, string> = {
  total_equity: 'Total equity',
  maintenance_requirement: 'Maintenance requirement',
  initial_requirement: 'Initial requirement',
  excess_liquidity: 'Excess liquidity',
  margin_call: 'Margin call',
  buying_power: 'Buying power',
  cash_balance: 'Cash balance',
  long_market_value: 'Long market value',
  short_market_value: 'Short market value',
  sma: 'SMA',
};

export const fieldsSchema = z
  .object({
    total_equity: z.number().finite(),
    maintenance_requirement: z.number().finite(),
    initial_requirement: z.number().finite(),
    excess_liquidity: z.number().finite(),
    margin_call: z.number().finite(),
    buying_power: z.number().finite(),
    cash_balance: z.number().finite(),
    long_market_value: z.number().finite(),
    short_market_value: z.number().finite(),
    sma: z.number().finite(),
  })
  .partial();
export type MarginFields = z.infer<typeof fieldsSchema>;

export const issueSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});
export type ReportIssue = z.infer<typeof issueSchema>;

export const methodSchema = z.enum(['text', 'ocr', 'mixed']);
export type ExtractionMethod = z.infer<typeof methodSchema>;

/** One report as `marginiq extract --json` prints it and as `extracted_data` stores it. */
export const reportSchema = z.object({
  source_file_name: z.string(),
  account_number: z.string().min(1).nullable(),
  report_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  broker: z.string().nullable(),
  fields: fieldsSchema,
  confidence: z.object({
    overall: z.number().min(0).max(1),
    fields: z.record(z.string(), z.number().min(0).max(1)),
  }),
  data_quality_score: z.number().min(0).max(1),
  needs_review: z.boolean(),
  issues: z.array(issueSchema),
  method: methodSchema,
  pages: z.number().int().nonnegative(),
  processing_time_ms: z.number().int().nonnegative(),
});
export type MarginReport = z.infer<typeof reportSchema>;
