import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type { Evidence, ReportIssue, Rival } from '../../contract/reading.ts';
import type { Segmented } from '../layout/segments.ts';
import { learnedNote } from '../memory/layout.rule.ts';
import { type DocumentMemory, recallFor } from '../memory/memory.recall.ts';
import { editDistance } from '../parse/edit.distance.ts';
import { printsCents } from '../parse/value.parser.ts';
import { type EvidenceContext, evidenceOf, locatePrinted } from '../solver/evidence.ts';
import { solveWithMemory } from '../solver/learned.hook.ts';
import { accountFigures, indexAccountLines, type OpenFigure, openFigures } from '../solver/open.figures.ts';
import { printsNoShort } from '../solver/short.printed.ts';
import { settlePartsByTable } from '../solver/table.parts.ts';
import { namesOtherAccount } from '../vocabulary/context.match.ts';
import { doubtLookalikeLeads } from './account.glyphs.ts';
import { doubtOddAccounts, doubtRivalAccounts, printedLabel, unlabelledAccount } from './account.identity.ts';
import type { Candidate } from './candidates.ts';
import { pickCurrency } from './currency.choice.ts';
import { type Section, walkDocument } from './document.walker.ts';
import { choose, confOf, ocrFactor, rankIn } from './field.choice.ts';
import { partsOfTotal } from './group.totals.ts';
import { doubtLostDigit, doubtSignOverDigit } from './lost.digit.ts';
import { type ReadingContext, readingContext, readingsAt } from './reading.at.ts';
import { doubtLabelledRivals, doubtSurplusAccounts } from './surplus.accounts.ts';
import { underRowAttribute } from './table.rows.ts';
import { unclearScale } from './unit.scale.ts';

export interface Reading<T> {
  value: T;
  conf: number;
  /** Page and box of the printed figure, for a second OCR reading. */
  page?: number;
  box?: { x0: number; y0: number; x1: number; y1: number };
  /** Where it was read (absent for a value no cell prints, such as a default currency). */
  evidence?: Evidence;
  /** Readings that lost, and why. */
  rivals?: Rival[];
  /** The confidence a doubt about the scan took away, which a look at the scan's pixels may give back (account.glyphs.ts). */
  uncapped?: number;
}

/** What the document says for one account, before the report rules look at it. */
export interface ExtractedAccount {
  account: Reading<string> | null;
  date: Reading<string> | null;
  currency: Reading<string>;
  fields: Partial<Record<FieldName, Reading<number>>>;
  issues: ReportIssue[];
}

function readSection(
  section: Section,
  doc: Candidate[],
  baseCurrency: string | null,
  ctx: EvidenceContext,
  open: OpenFigure[],
  fill: boolean,
  memory: DocumentMemory | null,
): ExtractedAccount {
  const byTarget = new Map<string, Candidate[]>();
  for (const c of section.candidates) {
    const list = byTarget.get(c.target) ?? [];
    list.push(c);
    byTarget.set(c.target, list);
  }
  const byField = new Map<FieldName, Candidate[]>();
  for (const f of FIELD_NAMES)
    if (byTarget.get(f)?.length) byField.set(f, partsOfTotal(byTarget.get(f)!, baseCurrency));
  const recalled = recallFor(memory, section.account, ctx.lines);
  const solved = solveWithMemory(
    {
      byField,
      rank: rankIn(baseCurrency),
      confOf,
      ...(fill ? { pool: open } : {}),
      noShortPrinted: printsNoShort(ctx.lines, doc),
    },
    recalled,
  );
  const issues: ReportIssue[] = [...solved.issues];
  if (section.unread?.length) {
    const cells = [...new Set(section.unread)];
    issues.push({
      code: 'unread_cells',
      severity: 'warning',
      message: `The statement's table prints ${cells.length === 1 ? 'a figure' : `${cells.length} figures`} for this account that could not be matched to a field (${cells.slice(0, 4).join('; ')}${cells.length > 4 ? '; …' : ''}); check the report against the PDF.`,
    });
  }
  doubtLostCents(solved.fields, issues);
  doubtLostDigit(solved.fields, issues);
  doubtSignOverDigit(solved.fields, issues);
  const fields: ExtractedAccount['fields'] = {};
  for (const f of FIELD_NAMES) {
    const r = solved.fields.get(f);
    if (!r) continue;
    const learned = solved.learned.get(f);
    const evidence = evidenceOf(r.pick, ctx);
    fields[f] = {
      value: r.pick.value as number,
      conf: r.conf,
      page: r.pick.page,
      ...(r.pick.box ? { box: r.pick.box } : {}),
      evidence: learned ? { ...evidence, source: 'learned', note: learnedNote(learned.rule) } : evidence,
      rivals: r.rivals.map((x) => ({ value: x.cand.value, evidence: evidenceOf(x.cand, ctx), reason: x.reason })),
    };
  }
  const dateCands = byTarget.get('date') ?? doc.filter((c) => c.target === 'date');
  const date = choose(dateCands.length ? dateCands : doc.filter((c) => c.target === 'date'), null);
  const currency = pickCurrency(byTarget.get('currency') ?? [], doc, section, ctx);
  const printed = currency.evidence ?? locatePrinted(currency.value, 'currency', ctx, null);
  const account = section.account
    ? { value: section.account, conf: Math.min(1, section.accountScore * ocrFactor(section.accountOcr)) }
    : null;
  if (account && section.mended) {
    account.conf = Math.min(account.conf, MENDED_ACCOUNT_CONF);
    issues.push({
      code: 'odd_account',
      field: 'account_number',
      severity: 'warning',
      message: `The scan prints the account cell as "${section.mended}"; it was read as ${account.value} by mending a glyph the scan may have misread: check the account number against the PDF.`,
    });
  }
  const accountEvidence = account ? locatePrinted(account.value, 'account', ctx, null) : null;
  return {
    account: account ? { ...account, ...(accountEvidence ? { evidence: accountEvidence } : {}) } : null,
    date: date ? { value: date.pick.value as string, conf: date.conf, evidence: evidenceOf(date.pick, ctx) } : null,
    currency: { ...currency, ...(printed ? { evidence: printed } : {}) },
    fields,
    issues,
  };
}

/** Confidence of a scanned figure without cents among figures that all print them. */
const LOST_CENTS_CONF = 0.75;

/**
 * A scan reads a decimal mark as a speck it may drop (`800,045` for `800,045.60`): where the
 * report's other figures all print cents, a scanned figure without them goes to review, with the reason.
 */
function doubtLostCents(fields: Map<FieldName, { pick: Candidate; conf: number }>, issues: ReportIssue[]): void {
  const printed = [...fields.entries()].filter(
    ([, r]) => typeof r.pick.value === 'number' && Math.abs(r.pick.value) >= 100 && r.pick.text,
  );
  const withCents = printed.filter(([, r]) => printsCents(r.pick.text!));
  if (withCents.length < 3 || withCents.length < printed.length - 1) return;
  for (const [f, r] of printed) {
    if (r.pick.ocr >= 1 || printsCents(r.pick.text!) || r.conf < 0.8) continue;
    r.conf = LOST_CENTS_CONF;
    issues.push({
      code: 'lost_cents',
      field: f,
      severity: 'warning',
      message: `${f}: the scan reads "${r.pick.text}" without cents where the report's other figures print them; the decimals may be lost: check the printed figure.`,
    });
  }
}

/** Certainty of a figure whose unit the statement states only unclearly. */
const UNCLEAR_SCALE_CONF = 0.7;

/** One ExtractedAccount per account found (a combined or household total is never one). */
/** Confidence of an account number read only by mending a glyph the scan misread. */
const MENDED_ACCOUNT_CONF = 0.5;

export function extractAccounts(
  lines: Segmented[],
  ocrPages: ReadonlySet<number> = new Set(),
  memory: DocumentMemory | null = null,
): ExtractedAccount[] {
  const ctx: EvidenceContext = { lines, ocrPages };
  const walk = walkDocument(lines);
  const { keyedRows } = walk;
  // Every reading goes through readingsAt (a quoted older message, a stated unit).
  const at = readingContext(lines);
  const doc = readingsAt(walk.doc, at);
  // The as-of date the document states: a sentence naming an earlier one speaks of another day.
  const asOf = choose(
    doc.filter((c) => c.target === 'date'),
    null,
  );
  at.asOf = asOf ? String(asOf.pick.value) : null;
  for (const s of walk.sections) s.candidates = readingsAt(s.candidates, at);
  const sections = mergePartialAccounts(walk.sections);
  const docCurrency = choose(
    doc.filter((c) => c.target === 'currency'),
    null,
  );
  const base = docCurrency ? String(docCurrency.pick.value) : null;
  const own = sections.filter((s) => !s.combined);
  // With one account, every labelled figure of the document may be one of its fields; with several,
  // those in the grid column or row of the account's number.
  const open = readingsAt(
    openFigures(lines).filter((f) => !underRowAttribute(keyedRows, lines, f)),
    at,
  );
  const accounts = own.flatMap((o) => (o.account ? [o.account] : []));
  const index = own.length > 1 ? indexAccountLines(lines, accounts) : null;
  const out = own
    .map((s) => {
      const pool = index ? accountFigures(open, index, s.account) : open;
      return readSection(s, doc, base, ctx, pool, pool.length > 0, memory && { ...memory, single: own.length === 1 });
    })
    .filter((a) => Object.keys(a.fields).length > 0 || a.account !== null);
  settlePartsByTable(out);
  // An account number printed under another account's label (`Sweep Vehicle Ref`, `Linked Funding
  // Acct`) is not the report's: the one under an account label that names no other account is.
  for (const a of out) {
    if (!a.account) continue;
    const label = printedLabel(lines, a.account.value);
    if (!label || !namesOtherAccount(label)) continue;
    const printed = a.account.value;
    const own = out.length === 1 ? unlabelledAccount(lines) : null;
    if (own && own.value !== printed) {
      const evidence = locatePrinted(own.value, 'account', ctx, null);
      a.account = evidence ? { ...own, evidence } : own;
    } else a.account = { ...a.account, conf: Math.min(a.account.conf, 0.5) };
    a.issues.push({
      code: 'other_account',
      field: 'account_number',
      severity: 'warning',
      message: `${printed} is printed under "${label}", which names another account${a.account.value !== printed ? `; ${a.account.value} was taken instead` : ''}: check the account number.`,
    });
  }
  if (out.length === 1 && !out[0]!.account) {
    const found = unlabelledAccount(lines);
    if (found) {
      const evidence = locatePrinted(found.value, 'account', ctx, null);
      out[0]!.account = evidence ? { ...found, evidence } : found;
    }
  }
  doubtRivalAccounts(out, lines);
  doubtOddAccounts(out);
  doubtLookalikeLeads(out, ctx);
  doubtSurplusAccounts(out, lines);
  doubtLabelledRivals(out, lines);
  doubtScale(out, at.scales, lines);
  return out;
}

/** Where the unit is stated only unclearly, every figure goes to review with the reason. */
function doubtScale(out: ExtractedAccount[], scales: ReadingContext['scales'], lines: Segmented[]): void {
  const figureLines = lines.filter((l) => l.segs.some((s) => s.kind === 'amount')).map((l) => l.index);
  const issue = unclearScale(scales, figureLines);
  if (!issue) return;
  for (const a of out) {
    a.issues.push(issue);
    for (const r of Object.values(a.fields)) r.conf = Math.min(r.conf, UNCLEAR_SCALE_CONF);
  }
}

/**
 * An account number read only in part on one page (a scan that split `7911-5666` into `7911` and a
 * figure) is the same account as the whole number read elsewhere: its readings join that section.
 */
function mergePartialAccounts(sections: Section[]): Section[] {
  const bare = (a: string) => a.replace(/[^A-Z0-9]/gi, '');
  const out: Section[] = [];
  for (const s of sections) {
    const whole = s.account
      ? sections.find(
          (o) =>
            o !== s &&
            o.account &&
            !o.combined &&
            bare(s.account!).length >= 4 &&
            bare(o.account).length > bare(s.account!).length &&
            bare(o.account).startsWith(bare(s.account!)),
        )
      : undefined;
    const read = whole ?? (s.account && s.accountOcr < 1 ? sections.find((o) => misreadOf(s, o)) : undefined);
    if (read) read.candidates.push(...s.candidates);
    else out.push(s);
  }
  return out;
}

/** Most edits OCR makes in an account number it still reads as one (`88204-ZA-017` as `88204-2017`). */
const MISREAD_EDITS = 3;
/** Characters a misread account keeps of the printed one at its start, and at its end. */
const KEPT_HEAD = 4;
const KEPT_TAIL = 2;

/**
 * Whether an account OCR read on a scanned page is the account the text layer prints on another page,
 * misread (a letter group read as a digit, a hyphen lost): the same head and tail, a few edits apart.
 */
function misreadOf(ocr: Section, text: Section): boolean {
  if (ocr === text || !text.account || text.combined || text.accountOcr < 1) return false;
  const a = ocr.account!.replace(/[^A-Z0-9]/gi, '').toUpperCase();
  const b = text.account.replace(/[^A-Z0-9]/gi, '').toUpperCase();
  if (a === b || a.slice(0, KEPT_HEAD) !== b.slice(0, KEPT_HEAD) || a.slice(-KEPT_TAIL) !== b.slice(-KEPT_TAIL))
    return false;
  return editDistance(a, b, MISREAD_EDITS + 1) <= MISREAD_EDITS;
}
