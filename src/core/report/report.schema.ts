import { z } from 'zod';

import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type {
  Evidence,
  ExtractionMethod,
  MarginFields,
  ReportIssue,
  ReportReading,
  Rival,
} from '../../contract/reading.ts';

// What extraction returns is typed in src/contract/ (extraction imports nothing from core).
export type { Evidence, ExtractionMethod, MarginFields, ReportIssue, ReportReading, Rival };
export { FIELD_NAMES, type FieldName };

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

export const issueSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});

export const methodSchema = z.enum(['text', 'ocr', 'mixed']);

/**
 * Where a value was read: `page` 1-based, `bbox` [x0, y0, x1, y1] in PDF points from the page's
 * top-left corner (the printed value's box), the label that governs it and the printed text.
 */
export const evidenceSchema = z.object({
  page: z.number().int().positive(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  label: z.string().nullable(),
  text: z.string(),
  /** How it was read: the text layer, OCR, or a rule an approver taught for this layout. */
  source: z.enum(['text', 'ocr', 'learned']).optional(),
  /** Free words for a person, e.g. "learned from report #123, taught by @ann". */
  note: z.string().optional(),
});

/** One report as `marginiq extract --json` prints it and as `extracted_data` stores it. */
export const reportSchema = z.object({
  source_file_name: z.string(),
  account_number: z.string().min(1).nullable(),
  report_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** ISO 4217 code, or for a unit with no ISO code its market ticker (`USDT`, `USDC`), as the interface says. */
  currency: z.string().regex(/^[A-Z][A-Z0-9]{2,5}$/),
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
  /** Per field present (header fields included), where it was read. Absent on rows stored before it existed. */
  evidence: z.record(z.string(), evidenceSchema).optional(),
  /** The call due date the document prints (YYYY-MM-DD), when it prints one; a call opened from it is due then. */
  call_due_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type MarginReport = z.infer<typeof reportSchema>;

/** True when two types are the same both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The schemas parse exactly the shared types of src/contract/reading.ts: tsc fails if they drift apart. */
export type SchemasMatchContract = [
  Same<z.infer<typeof fieldsSchema>, MarginFields>,
  Same<z.infer<typeof issueSchema>, ReportIssue>,
  Same<z.infer<typeof methodSchema>, ExtractionMethod>,
  Same<z.infer<typeof evidenceSchema>, Evidence>,
] extends [true, true, true, true]
  ? true
  : never;
const schemasMatchContract: SchemasMatchContract = true;
void schemasMatchContract;
