import type { Segment, Segmented } from '../layout/segments.ts';
import { isCombinedHeading } from '../parse/account.parser.ts';
import { readAccountTables } from '../structure/account.table.ts';
import { captionBox } from '../structure/box.captions.ts';
import { readColumnHeaders } from '../structure/column.header.ts';
import { settleHeaders } from '../structure/currency.columns.ts';
import { currencySection } from '../structure/currency.sections.ts';
import { readFieldGrids } from '../structure/field.grid.ts';
import { readFieldTables } from '../structure/field.table.ts';
import { readLabelCells } from '../structure/label.cells.ts';
import { readProseCells, saysNoCall } from '../structure/prose.cells.ts';
import { dateCaptions } from '../structure/stub.caption.ts';
import { type AccountHit, findAccounts, reportAccounts } from './account.labels.ts';
import { statedBaseCurrency } from './base.currency.ts';
import { belowValue } from './below.values.ts';
import { type Candidate, FIELD_TARGETS, labelHits } from './candidates.ts';
import { rowValues } from './label.values.ts';
import { asRowFigure, isRowAttribute, readTableRows, type TableRows } from './table.rows.ts';

/** Everything read between one account heading and the next. */
export interface Section {
  account: string | null;
  accountScore: number;
  accountOcr: number;
  combined: boolean;
  candidates: Candidate[];
  /** Cells a table prints for this account that name no field: the report goes to review. */
  unread?: string[];
  /** The account cell as the scan printed it, where a table read the account by mending a misread glyph. */
  mended?: string;
}

/**
 * Walks the document's lines in reading order, splitting it into account sections and collecting
 * every label/value reading. Tables with accounts as rows or columns attach figures to their account.
 */
export function walkDocument(lines: Segmented[]): { sections: Section[]; doc: Candidate[]; keyedRows: TableRows } {
  const preamble: Section = { account: null, accountScore: 0, accountOcr: 1, combined: false, candidates: [] };
  const sections: Section[] = [];
  const byAccount = new Map<string, Section>();
  const combined: Section = { account: null, accountScore: 0, accountOcr: 1, combined: true, candidates: [] };
  const doc: Candidate[] = [];
  let current = preamble;
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
  // Accounts printed side by side: each reading goes to the account whose heading is left of it.
  let split: AccountHit[] | null = null;
  // Stacked currency sections (`*** EURO ***` … `*** CONVERTED TO USD ***`): the converted total speaks.
  let ccySection: { code: string; base: boolean } | null = null;
  // Figures of one currency's section, set aside until we know whether a converted total follows.
  const partial: Candidate[] = [];
  let convertedTotal = false;
  const add = (c: Candidate) => {
    if (ccySection && FIELD_TARGETS.has(c.target) && !c.currency) {
      c.currency = ccySection.code;
      if (!ccySection.base) {
        c.score *= 0.8;
        partial.push(c);
      }
    }
    if (c.target === 'date' || c.target === 'currency') doc.push(c);
    if (c.account) sectionFor(c.account, 0.9, c.ocr).candidates.push(c);
    else if (split && c.x !== undefined) {
      const x = c.x;
      const owner = [...split].reverse().find((a) => a.x <= x + 5) ?? split[0]!;
      sectionFor(owner.value, owner.score, owner.ocr).candidates.push(c);
    } else current.candidates.push(c);
  };

  const tables = readAccountTables(lines);
  const grids = readFieldGrids(lines);
  // The lines as field reading reads them: a label wrapped over two lines (its first half on the line above) is one cell.
  const cells = readLabelCells(lines);
  const read = cells.lines;
  // Sentences as label cells: a figure starting the next line, `no margin call`, a wrapped as-of date, a currency.
  const prose = readProseCells(lines, read);
  const explained = (at: number) => tables.claimed.has(at) || grids.claimed.has(at);
  // A client or user ID beside an account label's number names the holder, and a sub-account the
  // account includes is a part of it: neither is a report of its own.
  const ownAccount = reportAccounts(read, explained);
  const headers = readColumnHeaders(lines, explained, (at) => read[at]!);
  // One column per currency and no converted total: the stated base currency's column is the report.
  settleHeaders(headers, statedBaseCurrency(read));
  const fieldTables = readFieldTables(
    lines,
    explained,
    (at) => read[at]!,
    (at) => headers.titles.has(at),
  );
  const keyedRows = readTableRows(read, explained);
  lines.forEach((_printed, at) => {
    if (tables.claimed.has(at)) {
      // Accounts of a table are reports even when none of their cells could be read.
      for (const a of tables.accounts.filter((x) => x.at === at)) {
        const s = sectionFor(a.value, a.conf, 1);
        s.unread = [...(s.unread ?? []), ...a.unread];
        if (a.mended) s.mended = a.mended;
      }
      for (const c of tables.byLine.get(at) ?? []) add(c);
      return;
    }
    if (grids.claimed.has(at)) {
      for (const c of grids.byLine.get(at) ?? []) add(c);
      return;
    }
    const line = read[at]!;
    const prev = lines[at - 1];
    if (prev && prev.page !== line.page) split = null;
    const hasAmounts = line.segs.some((s) => s.kind === 'amount');
    const heading = hasAmounts ? null : currencySection(line);
    if (heading) {
      ccySection = heading;
      if (heading.base) {
        convertedTotal = true;
        doc.push({
          target: 'currency',
          value: heading.code,
          score: 0.9,
          ocr: minConf(line),
          weight: 1,
          page: line.page,
          line: line.index,
          source: 'header',
          label: line.text,
        });
      }
    }
    const accounts = findAccounts(line).filter(ownAccount);
    const acct = accounts[0];
    if (acct) {
      if (current.account !== acct.value) ccySection = null;
      current = sectionFor(acct.value, acct.score, acct.ocr);
      for (const a of accounts.slice(1)) sectionFor(a.value, a.score, a.ocr);
      split = accounts.length > 1 ? [...accounts].sort((a, b) => a.x - b.x) : null;
    } else if (
      !hasAmounts &&
      sections.length > 0 &&
      combinedHeading(line, headers.titles.has(at)) &&
      !labelHits(line).some((h) => FIELD_TARGETS.has(h.match.target))
    ) {
      current = combined;
    }
    if (headers.titles.has(at)) {
      ccySection = null;
      // Dated columns' captions (`PRIOR BUS DATE 20261204 | BUS DATE 20261207`) are date labels still.
      if (dateCaptions(line).size > 0)
        for (const hit of labelHits(line).filter((h) => h.match.target === 'date'))
          rowValues(line, hit, labelHits(line), null).forEach(add);
      return;
    }
    const header = headers.governing.get(at) ?? null;
    // `Long` under `Side` in a position's row is that row's attribute, not a label.
    const hits = labelHits(line).filter((h) => !isRowAttribute(keyedRows, read, at, line, h));
    const before = cells.before.get(at);
    if (before) {
      before.forEach(add);
      return;
    }
    // A fields-as-columns table's title line and rows: the figures its model reads (a household's are no account's).
    const tableLine = fieldTables.titles.get(at) ?? fieldTables.rows.get(at);
    if (tableLine) {
      if (fieldTables.titles.has(at) || !current.combined) tableLine.forEach(add);
      return;
    }
    for (const c of headers.byLine.get(at) ?? []) add(c);
    const wrapped = prose.wrapped.get(at);
    if (wrapped) add(wrapped);
    let callCell = false;
    for (const hit of hits) {
      // A numbered form box's caption: its value is the figure below it in the box, not the box's number.
      const box = captionBox(read, at, hit, hits);
      if (box) {
        const below = belowValue(lines, at, { ...hit, seg: { ...hit.seg, x1: box.x1 } }, claimed);
        if (below) add(asRowFigure(keyedRows, at, below, read));
        continue;
      }
      // A figure already read as the value under a label of the line above is not this label's.
      const found = rowValues(
        line,
        hit,
        hits,
        header,
        split?.map((a) => a.x),
      ).filter((c) => !c.box || !line.segs.some((s) => claimed.has(s) && s.x0 === c.box!.x0 && s.x1 === c.box!.x1));
      if (found.length === 0 && !hit.prose) {
        const below = belowValue(lines, at, hit, claimed);
        if (below) found.push(asRowFigure(keyedRows, at, below, read));
      }
      // A current column told by arithmetic alone is a guess: its figures go to review.
      for (const c of found) add(header?.unsure && !c.unsure ? { ...c, unsure: header.unsure } : c);
      // `Margin Call   no margin call is due`: a sentence in the cell after a call label is its value.
      const after = line.segs[hit.index + 1];
      if (hit.match.target === 'margin_call' && !hit.prose && found.length === 0 && after && saysNoCall(after.text))
        callCell = true;
    }
    // A no-call sentence is a call of 0 in the cell after a call label, or where no call label speaks.
    const none = prose.noCall.get(at);
    // A call label that is the no-call sentence itself (`There is no call outstanding`) is not another label's.
    const ownLabel = hits.every((h) => h.match.target !== 'margin_call' || saysNoCall(h.seg.text));
    if (none && (callCell || !none.callLabel || ownLabel)) add(none.call);
    // An as-of date in a sentence is the account's own, like a labelled one; a currency in prose speaks for the document.
    for (const c of prose.doc.get(at) ?? []) {
      if (c.target === 'date') add(c);
      else doc.push(c);
    }
  });
  // With a converted all-currency total in the document, one currency's section is only a part of the
  // account, even in the base currency: it speaks only for a field the total does not print (or OCR lost).
  if (convertedTotal) for (const c of partial) c.score *= 0.6;
  // A combined total's figures are no account's, but a document whose only figures stand under a combined
  // heading is not one without figures: with one account, it gets them flagged (the structure was unclear).
  const fields = (x: Section) => x.candidates.some((c) => FIELD_TARGETS.has(c.target));
  if (sections.length <= 1 && !fields(preamble) && !sections.some(fields) && fields(combined)) {
    const unsure = 'the figure was read under a heading that names a combined total, not the account';
    (sections[0] ?? preamble).candidates.push(
      ...combined.candidates.map((c) => ({ ...c, unsure: c.unsure ?? unsure })),
    );
  }
  if (sections.length === 0) sections.push(preamble);
  else if (preamble.candidates.length > 0) {
    // Figures printed before the first account heading belong to it only when the document has one account.
    if (sections.length === 1) sections[0]!.candidates.unshift(...preamble.candidates);
  }
  return { sections, doc, keyedRows };
}

/**
 * A line that heads a household / combined total. On a line of column titles only its first cell, where a
 * table's caption stands, can: a `Combined in CAD` title over figures names a column (the converted total of
 * a multi-currency statement), not a section whose figures are no account's. A sentence (`Margin is
 * calculated on a combined basis in Canadian dollars; …`) heads nothing.
 */
function combinedHeading(line: Segmented, titles: boolean): boolean {
  const words = line.text.trim().split(/\s+/).length;
  if ((words >= 8 && /[.;]\s/.test(line.text)) || words >= 12) return false;
  if (namesHousehold(line)) return false;
  if (!titles) return isCombinedHeading(line.text);
  const first = line.segs[0];
  return first !== undefined && isCombinedHeading(first.text);
}

/**
 * `Household: GARRISON FAMILY HH-6620`: a label with its value says which household the account belongs to,
 * as `Account: …` says which account; it heads no combined total.
 */
function namesHousehold(line: Segmented): boolean {
  return line.segs.some((s, i) => {
    const colon = s.text.indexOf(':');
    if (colon <= 0 || !isCombinedHeading(s.text.slice(0, colon))) return false;
    return s.text.slice(colon + 1).trim() !== '' || line.segs[i + 1]?.kind === 'text';
  });
}

function minConf(line: Segmented): number {
  return Math.min(1, ...line.segs.map((s) => s.conf));
}
