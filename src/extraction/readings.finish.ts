import type { Logger } from 'pino';
import type {
  Evidence,
  ExtractionMethod,
  ExtractionOutcome,
  ExtractionProgress,
  ReportReading,
  Rival,
} from '../contract/reading.ts';
import type { ExtractedAccount } from './fields/fields.extractor.ts';
import type { LayoutMemory } from './memory/memory.recall.ts';
import type { OcrPool } from './ocr/ocr.pool.ts';
import type { DocumentReading } from './pages.interpreter.ts';
import type { ReadPage } from './pages.reader.ts';
import { timeoutError } from './timeout.error.ts';

export interface InterpretContext {
  fileName: string;
  count: number;
  signal: AbortSignal;
  started: number;
  ocrPool: () => OcrPool;
  now: () => Date;
  logger?: Logger | undefined;
  onProgress?: ((p: ExtractionProgress) => void) | undefined;
  /** Layout memory: what approvers' corrections taught about known layouts (absent: extraction as is). */
  memory?: LayoutMemory | undefined;
}

/**
 * From a document's reading to its readings: a scan's figures read again by the OCR pool (whose
 * threads this thread owns), then one reading per account.
 */
export async function finishReadings(
  doc: DocumentReading,
  pages: ReadPage[],
  ctx: InterpretContext,
): Promise<ExtractionOutcome> {
  const { signal, count } = ctx;
  const { accounts, broker } = doc;
  const scans = new Map(pages.flatMap((p) => (p.ocrPage ? [[p.page.index, p.ocrPage] as const] : [])));
  if (scans.size > 0) {
    ctx.onProgress?.({ stage: 'checking' });
    // Loaded for scans only: a text PDF's main thread needs none of the number and word parsing it brings.
    const { verifyOcrFigures } = await import('./ocr/ocr.verify.ts');
    const { settleLookalikeLeads } = await import('./ocr/lead.settle.ts');
    settleLookalikeLeads(accounts, scans);
    await verifyOcrFigures(accounts, scans, ctx.ocrPool(), signal);
  }
  if (signal.aborted) throw timeoutError();
  const ocrPages = pages.filter((p) => p.ocr).length;
  const method: ExtractionMethod = ocrPages === 0 ? 'text' : ocrPages === pages.length ? 'ocr' : 'mixed';
  const elapsed = Math.round(performance.now() - ctx.started);
  const readings = accounts.map((a, i) => {
    const reading = toReading(a, { fileName: ctx.fileName, broker, method, pages: count, elapsed, now: ctx.now() });
    const due = doc.callDue[i];
    if (due) {
      reading.call_due_date = due.value;
      reading.confidence.call_due_date = due.conf;
      reading.evidence.call_due_date = due.evidence;
    }
    return reading;
  });
  ctx.logger?.debug({ file: ctx.fileName, pages: count, method, reports: readings.length, ms: elapsed }, 'extracted');
  return { readings, method, pages: count, processing_time_ms: elapsed };
}

function toReading(
  a: ExtractedAccount,
  ctx: { fileName: string; broker: string | null; method: ExtractionMethod; pages: number; elapsed: number; now: Date },
): ReportReading {
  const fields = Object.fromEntries(Object.entries(a.fields).map(([k, r]) => [k, Math.round(r.value * 100) / 100]));
  const confidence: Record<string, number> = Object.fromEntries(Object.entries(a.fields).map(([k, r]) => [k, r.conf]));
  if (a.account) confidence.account_number = a.account.conf;
  if (a.date) confidence.report_date = a.date.conf;
  confidence.currency = a.currency.conf;
  const evidence: Record<string, Evidence> = {};
  const rivals: Record<string, Rival[]> = {};
  for (const [k, r] of Object.entries(a.fields)) {
    if (r.evidence) evidence[k] = r.evidence;
    if (r.rivals?.length) rivals[k] = r.rivals;
  }
  if (a.account?.evidence) evidence.account_number = a.account.evidence;
  if (a.date?.evidence) evidence.report_date = a.date.evidence;
  if (a.currency.evidence) evidence.currency = a.currency.evidence;
  return {
    source_file_name: ctx.fileName,
    account_number: a.account?.value ?? null,
    report_date: a.date?.value ?? null,
    currency: a.currency.value,
    broker: ctx.broker,
    fields,
    confidence,
    evidence,
    rivals,
    issues: a.issues,
    method: ctx.method,
    pages: ctx.pages,
    processing_time_ms: ctx.elapsed,
  };
}
