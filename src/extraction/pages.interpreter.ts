import { AppError } from '../contract/errors.ts';
import type { ExtractionOutcome } from '../contract/reading.ts';
import { keepAloneReadings } from './alone.gate.ts';
import { isOtherDocument } from './document.kind.ts';
import { type ExtractedAccount, extractAccounts } from './fields/fields.extractor.ts';
import { onlyIllustrations } from './illustration.figures.ts';
import { buildLines, type Line } from './layout/lines.builder.ts';
import { type Segmented, segmentLine } from './layout/segments.ts';
import { hasMarginEvidence } from './margin.evidence.ts';
import { fitAccounts } from './memory/account.shape.ts';
import { rereadLearnedCells } from './memory/learned.reread.ts';
import { type LayoutMemory, recallLayout } from './memory/memory.recall.ts';
import type { OcrPool } from './ocr/ocr.pool.ts';
import type { OcrPage } from './ocr/ocr.verify.ts';
import type { ReadPage } from './pages.reader.ts';
import { normalizeAccount } from './parse/account.parser.ts';
import { findDates } from './parse/date.parser.ts';
import { unlabelledDate } from './parse/date.unlabelled.ts';
import { type DocumentFormats, readDocumentFormats } from './parse/document.formats.ts';
import { printsCents } from './parse/value.parser.ts';
import { finishReadings, type InterpretContext } from './readings.finish.ts';
import { type CallDue, readCallDue } from './solver/call.due.ts';
import { locatePrinted } from './solver/evidence.ts';
import { clockTimesAsText } from './structure/clock.times.ts';
import { detectProfile, guessBroker } from './vocabulary/broker.profiles.ts';

/** The document's lines, segmented into labels, figures and dates, as every later stage (and layout memory) reads them. */
export function layoutLines(pages: PageWords[]): { lines: Segmented[]; fullText: string; formats: DocumentFormats } {
  const rawLines: { line: Line; ocr: boolean }[] = [];
  for (const p of pages) {
    for (const line of buildLines(p.words, p.page.index, rawLines.length)) rawLines.push({ line, ocr: p.ocr });
  }
  const fullText = rawLines.map((l) => l.line.text).join('\n');
  const formats = readDocumentFormats(fullText);
  const lines: Segmented[] = rawLines.map(({ line, ocr }) => segmentLine(line, { ...formats, ocr }));
  clockTimesAsText(lines);
  distrustOddFigures(lines, new Set(rawLines.filter((l) => l.ocr).map((l) => l.line.index)));
  return { lines, fullText, formats };
}

/** A page as reading needs it: its words and size, and whether OCR read it (no images). */
export type PageWords = Pick<ReadPage, 'page' | 'words' | 'ocr'>;

/** What reading a document's pages gives, before a scan's figures are checked: plain data a thread can post. */
export interface DocumentReading {
  accounts: ExtractedAccount[];
  broker: string | null;
  /** Per account (same order): the date its call must be met by, where the document prints it. */
  callDue: (CallDue | null)[];
}

/** A scan's pages and the OCR pool, for reading a learned cell again: only the thread that owns the pool has them. */
export interface LearnedReread {
  scans: Map<number, OcrPage>;
  pool: () => OcrPool;
  signal: AbortSignal;
}

/**
 * From pages' words to accounts: the structure model, field reading and solver (a reader thread runs
 * it; with `reread`, the thread that owns the OCR pool).
 */
export async function readDocument(
  pages: PageWords[],
  memory: LayoutMemory | undefined,
  reread?: LearnedReread,
): Promise<DocumentReading> {
  const { lines, fullText, formats } = layoutLines(pages);
  const ocrPageSet = new Set(pages.filter((p) => p.ocr).map((p) => p.page.index));
  const evidenceCtx = { lines, ocrPages: ocrPageSet };
  const sizes = pages.map((p) => ({ width: p.page.width, height: p.page.height }));
  const recalled = memory ? (await recallLayout(memory, lines, sizes)).found : null;
  // A learned cell on a scan is read again by the OCR pool (only where its owner passes it: see LearnedReread).
  if (recalled && reread && reread.scans.size > 0)
    await rereadLearnedCells(lines, recalled, reread.scans, reread.pool(), reread.signal);
  let accounts = extractAccounts(lines, ocrPageSet, recalled);
  fitAccounts(accounts, recalled?.accounts, lines);
  // An account a table holds whose figures could not be read stays, flagged, beside the ones that were read.
  const hasFields = (a: ExtractedAccount) => Object.keys(a.fields).length > 0;
  const flaggedTable = (a: ExtractedAccount) => a.account !== null && a.issues.some((i) => i.code === 'unread_cells');
  accounts = accounts.some(hasFields) ? accounts.filter((a) => hasFields(a) || flaggedTable(a)) : [];
  // A lone call under a word invoices print too (`Net Amount Due`) is no margin statement's figure.
  if (!hasMarginEvidence(accounts)) accounts = [];
  // A fee schedule or a loan agreement prints margin words and figures, but no account's position.
  if (isOtherDocument(lines, accounts)) accounts = [];
  // A disclosure's worked example or a notice's estimate prints margin figures, but no account's position.
  if (onlyIllustrations(lines, accounts)) accounts = [];
  if (accounts.length === 0) {
    throw new AppError('extraction.no_margin_data', 'No margin figures were found in this PDF.');
  }
  const head = lines
    .filter((l) => l.page === 0)
    .slice(0, 8)
    .map((l) => l.text);
  const profile = detectProfile(head.join('\n'), fullText);
  const broker = (profile?.broker ?? guessBroker(head))?.replace(/\s+/g, ' ').trim() || null;
  if (accounts.length === 1 && !accounts[0]!.account && profile?.account) {
    const m = fullText.match(profile.account);
    if (m) {
      const value = normalizeAccount(m[0]);
      const evidence = locatePrinted(value, 'account', evidenceCtx, null);
      accounts[0]!.account = { value, conf: 0.75, ...(evidence ? { evidence } : {}) };
    }
  }
  for (const a of accounts) {
    if (a.date) continue;
    const date = unlabelledDate(lines, formats.dateOrder);
    const evidence = date ? locatePrinted(date.value, 'date', evidenceCtx, null) : null;
    a.date = date && evidence ? { ...date, evidence } : date;
  }
  // Figures read by the identities alone make a report only with an account and an as-of date.
  accounts = keepAloneReadings(accounts, lines, evidenceCtx);
  if (accounts.length === 0)
    throw new AppError('extraction.no_margin_data', 'No margin figures were found in this PDF.');
  // The date a call must be met by, where one account carries a call and the document prints it.
  const callDue = accounts.map((a) => {
    const call = a.fields.margin_call?.value;
    return accounts.length === 1 && call && call > 0 ? readCallDue(lines, call, evidenceCtx) : null;
  });
  return { accounts, broker, callDue };
}

/** From read pages (words, and the images of scanned pages) to readings in this thread: benches that read once, interpret often. */
export async function interpretPages(pages: ReadPage[], ctx: InterpretContext): Promise<ExtractionOutcome> {
  const scans = new Map(pages.flatMap((p) => (p.ocrPage ? [[p.page.index, p.ocrPage] as const] : [])));
  const reread = { scans, pool: ctx.ocrPool, signal: ctx.signal };
  return finishReadings(await readDocument(pages, ctx.memory, reread), pages, ctx);
}

/**
 * Where a document prints cents everywhere, an OCR'd figure without them probably lost its decimals
 * (`30,950` for `30,950.20`): lower its certainty so it is reviewed.
 */
function distrustOddFigures(lines: Segmented[], ocrLines: Set<number>): void {
  const amounts = lines.flatMap((l) => l.segs.filter((s) => s.kind === 'amount' && Math.abs(s.amount!.value) >= 100));
  if (amounts.length < 5) return;
  const withCents = amounts.filter((s) => printsCents(s.text)).length;
  if (withCents / amounts.length < 0.8) return;
  for (const l of lines) {
    if (!ocrLines.has(l.index)) continue;
    for (const s of l.segs) {
      if (s.kind === 'amount' && s.amount!.quality < 1 && Math.abs(s.amount!.value) >= 100)
        s.amount = { ...s.amount!, quality: s.amount!.quality * 0.8 };
    }
  }
}
