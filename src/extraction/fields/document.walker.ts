import type { FieldName } from '../../core/report/report.schema.ts';
import { matchLabel } from '../labels/label.matcher.ts';
import type { Segment, Segmented } from '../layout/segments.ts';
import { isCombinedHeading, readAccountToken } from '../parse/account.parser.ts';
import {
  belowValue,
  type Candidate,
  FIELD_TARGETS,
  findAccount,
  type LabelHit,
  labelHits,
  rowValues,
  signed,
} from './candidates.ts';
import { type ColumnHeader, columnOf, EXCLUDED_COLUMNS, readColumnHeader } from './columns.ts';

/** Everything read between one account heading and the next. */
export interface Section {
  account: string | null;
  accountScore: number;
  accountOcr: number;
  combined: boolean;
  candidates: Candidate[];
}

interface FieldHeader {
  page: number;
  /** Bottom of the last row read, so a table ends at the first wide gap. */
  bottom: number;
  height: number;
  cols: LabelHit[];
  accountCol: Segment | null;
}

const NO_CALL_RE =
  /\bno (?:margin |house |maintenance |fed |outstanding )?calls?\b|\bnot (?:in|subject to) a (?:margin )?call\b|\bno calls? (?:is |are )?(?:due|outstanding|issued)\b/i;
const CURRENCY_PROSE =
  /\b(?:amounts?|figures|values|balances)\b[^.]{0,60}?\b(?:in|are in|expressed in|stated in|shown in|reported in)\s+\(?((?:[A-Za-z]+ )?(?:pounds?|dollars?|francs?|yen|euros?|sterling)|[A-Z]{3}(?![A-Za-z]))/i;
const CURRENCY_PAREN = /\((?:in\s+|all\s+figures\s+in\s+)?(USD|EUR|GBP|CHF|JPY|CAD|AUD|HKD|SGD)\)/;

/**
 * Walks the document's lines in reading order, splitting it into account sections and collecting
 * every label/value reading. Tables with accounts as rows or columns attach figures to their account.
 */
export function walkDocument(lines: Segmented[]): { sections: Section[]; doc: Candidate[] } {
  const preamble: Section = { account: null, accountScore: 0, accountOcr: 1, combined: false, candidates: [] };
  const sections: Section[] = [];
  const byAccount = new Map<string, Section>();
  const combined: Section = { account: null, accountScore: 0, accountOcr: 1, combined: true, candidates: [] };
  const doc: Candidate[] = [];
  let current = preamble;
  let header: ColumnHeader | null = null;
  let fieldHeader: FieldHeader | null = null;
  const claimed = new Set<Segment>();
  const sectionFor = (account: string, score: number, ocr: number): Section => {
    let s = byAccount.get(account);
    if (!s) {
      s = { account, accountScore: score, accountOcr: ocr, combined: false, candidates: [] };
      byAccount.set(account, s);
      sections.push(s);
    }
    s.accountScore = Math.max(s.accountScore, score);
    return s;
  };
  const add = (c: Candidate) => {
    if (c.target === 'date' || c.target === 'currency') doc.push(c);
    if (c.account) sectionFor(c.account, 0.9, c.ocr).candidates.push(c);
    else current.candidates.push(c);
  };

  lines.forEach((line, at) => {
    const prev = lines[at - 1];
    if (prev && prev.page !== line.page) {
      header = null;
      fieldHeader = null;
    }
    const hasAmounts = line.segs.some((s) => s.kind === 'amount');
    const acct = findAccount(line);
    if (acct) {
      current = sectionFor(acct.value, acct.score, acct.ocr);
    } else if (
      !hasAmounts &&
      sections.length > 0 &&
      isCombinedHeading(line.text) &&
      !labelHits(line).some((h) => FIELD_TARGETS.has(h.match.target))
    ) {
      current = combined;
    }
    const colHeader = readColumnHeader(line);
    if (colHeader) {
      header = colHeader;
      fieldHeader = null;
      return;
    }
    const hits = labelHits(line);
    const fieldHits = hits.filter((h) => FIELD_TARGETS.has(h.match.target));
    if (!hasAmounts && fieldHits.length >= 2) {
      const accountCol = line.segs.find((s) => s.kind === 'text' && matchLabel(s.text, ACCOUNT)?.score) ?? null;
      fieldHeader = { page: line.page, cols: fieldHits, accountCol, bottom: line.bottom, height: line.height };
      for (const h of hits)
        if (!FIELD_TARGETS.has(h.match.target)) for (const c of rowValues(line, h, hits, null)) add(c);
      return;
    }
    if (fieldHeader && line.top - fieldHeader.bottom > fieldHeader.height * 3.5) fieldHeader = null;
    if (fieldHeader && hasAmounts && fieldHits.length === 0) {
      fieldHeader.bottom = line.bottom;
      tableRow(line, fieldHeader, current, claimed).forEach(add);
      return;
    }
    if (fieldHits.length > 0) fieldHeader = null;
    if (hits.length === 0 && hasAmounts && header) fieldColumns(line, header).forEach(add);
    const wrapped = wrappedProse(line, prev);
    if (wrapped) add(wrapped);
    for (const hit of hits) {
      const found = rowValues(line, hit, hits, header);
      if (found.length === 0 && !hit.prose) {
        const below = belowValue(lines, at, hit, claimed);
        if (below) found.push(below);
      }
      for (const c of found) add(c);
    }
    if (NO_CALL_RE.test(line.text) && !hits.some((h) => h.match.target === 'margin_call')) {
      add({
        target: 'margin_call',
        value: 0,
        score: 0.88,
        ocr: minConf(line),
        weight: 0.9,
        page: line.page,
        line: line.index,
        source: 'prose',
        label: line.text,
      });
    }
    const cur = line.text.match(CURRENCY_PROSE) ?? line.text.match(CURRENCY_PAREN);
    const code = cur ? currencyCode(cur[1]!) : null;
    if (code) {
      doc.push({
        target: 'currency',
        value: code,
        score: 0.85,
        ocr: minConf(line),
        weight: 0.9,
        page: line.page,
        line: line.index,
        source: 'prose',
        label: line.text,
      });
    }
  });
  if (sections.length === 0) sections.push(preamble);
  else if (preamble.candidates.length > 0) {
    // Figures printed before the first account heading belong to it only when the document has one account.
    if (sections.length === 1) sections[0]!.candidates.unshift(...preamble.candidates);
  }
  void combined;
  return { sections, doc };
}

const ACCOUNT = new Set(['account'] as const);

const CURRENCY_NAMES: [RegExp, string][] = [
  [/british pounds?|pounds? sterling|sterling|gbp/i, 'GBP'],
  [/us dollars?|u\.s\. dollars?|usd/i, 'USD'],
  [/euros?|eur/i, 'EUR'],
  [/swiss francs?|chf/i, 'CHF'],
  [/japanese yen|yen|jpy/i, 'JPY'],
  [/canadian dollars?|cad/i, 'CAD'],
  [/australian dollars?|aud/i, 'AUD'],
  [/hong kong dollars?|hkd/i, 'HKD'],
  [/singapore dollars?|sgd/i, 'SGD'],
];

export function currencyCode(text: string): string | null {
  const t = text.trim();
  if (/^[A-Z]{3}$/.test(t))
    return /^(USD|EUR|GBP|CHF|JPY|CAD|AUD|HKD|SGD|NZD|SEK|NOK|DKK|CNH|CNY|INR|MXN|ZAR|BRL)$/.test(t) ? t : null;
  return CURRENCY_NAMES.find(([re]) => re.test(t))?.[1] ?? null;
}

/** A sentence whose figure starts the next line: `…the equity in your margin account was` / `$24,156.79, which…`. */
function wrappedProse(line: Segmented, prev: Segmented | undefined): Candidate | null {
  const first = line.segs[0];
  if (!prev || prev.page !== line.page || first?.kind !== 'amount' || first.amount!.quality < 0.85) return null;
  if (line.top - prev.bottom > line.height * 1.5) return null;
  const last = prev.segs[prev.segs.length - 1];
  if (last?.kind !== 'text') return null;
  const m = matchLabel(last.text, FIELD_TARGETS, { prose: true });
  if (!m) return null;
  const field = m.target as FieldName;
  return {
    target: field,
    value: signed(field, first.amount!.value, m.negate),
    score: m.score * first.amount!.quality * 0.95,
    ocr: Math.min(first.conf, 0.35 + last.conf),
    weight: m.synonym.weight,
    page: line.page,
    line: line.index,
    source: 'prose',
    label: last.text,
  };
}

/**
 * A row without a label under columns titled by fields (`Stock | … | Current Long | Current Short`):
 * the row's figures in those columns. A position row outranks a total row, which may include cash.
 */
function fieldColumns(line: Segmented, header: ColumnHeader): Candidate[] {
  const withField = header.columns.filter((c) => c.field && !EXCLUDED_COLUMNS.has(c.kind));
  if (withField.length === 0) return [];
  const rowLabel = line.segs.find((s) => s.kind === 'text')?.text ?? '';
  const weight = /stock|equit|securit|position|share/i.test(rowLabel) ? 1 : /total/i.test(rowLabel) ? 0.85 : 0.78;
  const out: Candidate[] = [];
  for (const s of line.segs) {
    // A zero in a breakdown cell says nothing about the account (no short positions, say).
    if (s.kind !== 'amount' || s.amount!.value === 0) continue;
    const col = columnOf(s, header);
    if (!col?.field || !withField.includes(col)) continue;
    const field = col.field.target as FieldName;
    out.push({
      target: field,
      value: signed(field, s.amount!.value, col.field.negate),
      score: col.field.score * s.amount!.quality * (weight < 1 ? weight : 1),
      ocr: s.conf,
      weight,
      page: line.page,
      line: line.index,
      source: 'table',
      label: `${rowLabel} ${col.text}`.trim(),
    });
  }
  return out;
}

function minConf(line: Segmented): number {
  return Math.min(1, ...line.segs.map((s) => s.conf));
}

/** One row of a table whose columns are fields: figures go to the row's account (or the current one). */
function tableRow(line: Segmented, fh: FieldHeader, current: Section, claimed: Set<Segment>): Candidate[] {
  const texts = line.segs
    .filter((s) => s.kind === 'text')
    .map((s) => s.text)
    .join(' ');
  const totalRow = /^\s*(total|sub-?total|grand total)\b/i.test(texts) || isCombinedHeading(texts);
  // With an account column a total row is a household figure; without one it is the account's own total.
  if ((totalRow && fh.accountCol) || current.combined) return [];
  let account: string | undefined;
  const acctSeg = fh.accountCol
    ? line.segs.find((s) => Math.min(s.x1, fh.accountCol!.x1 + 5) - Math.max(s.x0, fh.accountCol!.x0 - 5) > 0)
    : undefined;
  if (acctSeg) account = readAccountToken(acctSeg.text)?.value;
  // No account column: rows are a breakdown (by product, by currency) and the total row is the figure.
  const breakdown = !fh.accountCol && !totalRow;
  if (!account && fh.accountCol) {
    for (const s of line.segs) {
      if (s.kind !== 'text') continue;
      const t = readAccountToken(s.text);
      if (t) {
        account = t.value;
        break;
      }
    }
  }
  const out: Candidate[] = [];
  for (const s of line.segs) {
    if (s.kind !== 'amount' || s === acctSeg || s.amount!.quality < 0.7) continue;
    let best: LabelHit | null = null;
    let bestOv = 0;
    for (const col of fh.cols) {
      const ov = Math.min(s.x1, col.seg.x1) - Math.max(s.x0, col.seg.x0);
      if (ov > bestOv) {
        bestOv = ov;
        best = col;
      }
    }
    if (!best) {
      let bestD = 45;
      for (const col of fh.cols) {
        const d = Math.abs((s.x0 + s.x1) / 2 - (col.seg.x0 + col.seg.x1) / 2);
        if (d < bestD) {
          bestD = d;
          best = col;
        }
      }
    }
    if (!best) continue;
    claimed.add(s);
    const field = best.match.target as FieldName;
    out.push({
      target: field,
      value: signed(field, s.amount!.value, best.match.negate),
      score: best.match.score * s.amount!.quality * (breakdown ? 0.6 : 0.95),
      ocr: Math.min(s.conf, 0.35 + best.seg.conf),
      weight: breakdown ? 0.6 : best.match.synonym.weight,
      page: line.page,
      line: line.index,
      source: 'table',
      label: best.seg.text,
      ...(account ? { account } : {}),
    });
  }
  return out;
}
