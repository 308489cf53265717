import type { FieldName } from './fields.ts';

/**
 * What extraction hands to core, as types both sides share: extraction imports no code and no
 * types from core (issue 20); core's report schema checks that its zod shapes are these types.
 */

/** The margin figures of one report, each optional. */
export type MarginFields = { [K in FieldName]?: number | undefined };

/** Something extraction or the report rules noticed, naming its field where it has one. */
export interface ReportIssue {
  code: string;
  field?: string | undefined;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** How the document was read: its text layer, OCR, or both. */
export type ExtractionMethod = 'text' | 'ocr' | 'mixed';

/**
 * Where a value was read: `page` 1-based, `bbox` [x0, y0, x1, y1] in PDF points from the page's
 * top-left corner (the printed value's box), the label that governs it and the printed text.
 */
export interface Evidence {
  page: number;
  bbox: [number, number, number, number];
  label: string | null;
  text: string;
  /** How it was read: the text layer, OCR, or a rule an approver taught for this layout. */
  source?: 'text' | 'ocr' | 'learned' | undefined;
  /** Free words for a person, e.g. "learned from report #123, taught by @ann". */
  note?: string | undefined;
}

/** A value that lost to the chosen one, and why: `marginiq extract --explain` prints these. */
export interface Rival {
  value: number | string;
  evidence: Evidence | null;
  reason: string;
}

/**
 * What extraction returns for one account: values with their confidence, evidence and the
 * extractor's own findings. Core turns it into a `MarginReport` by running the report rules once
 * (`finishReport`); extraction never runs them.
 */
export interface ReportReading {
  source_file_name: string;
  account_number: string | null;
  report_date: string | null;
  currency: string;
  broker: string | null;
  fields: MarginFields;
  /** The call due date the document prints (YYYY-MM-DD), when extraction read one (issue 15). */
  call_due_date?: string | undefined;
  /** 0..1 per value, keyed by field name (account_number, report_date and currency included). */
  confidence: Record<string, number>;
  evidence: Record<string, Evidence>;
  /** What extraction itself noticed (an ambiguous account, a value it could not confirm), each naming its field. */
  issues: ReportIssue[];
  /** Per field, the candidates that lost and why. Not stored, not in `--json`. */
  rivals?: Record<string, Rival[]>;
  method: ExtractionMethod;
  pages: number;
  processing_time_ms: number;
}

/** The readings of one document. */
export interface ExtractionOutcome {
  readings: ReportReading[];
  method: ExtractionMethod;
  pages: number;
  processing_time_ms: number;
}

/** Where a running extraction is, for a person waiting on it (pages count from 1). */
export type ExtractionProgress =
  | { stage: 'page'; page: number; pages: number }
  | { stage: 'ocr'; page: number; pages: number }
  | { stage: 'checking' };
