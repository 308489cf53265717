import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type { Evidence, ReportIssue, Rival } from '../../contract/reading.ts';
import type { Segmented } from '../layout/segments.ts';
import { learnedNote } from '../memory/layout.rule.ts';
import { type DocumentMemory, recallFor } from '../memory/memory.recall.ts';
import { normalizeAccount, readAccountToken } from '../parse/account.parser.ts';
import { isCurrencyCode } from '../parse/currency.parser.ts';
import { findDates } from '../parse/date.parser.ts';
import { printsCents } from '../parse/value.parser.ts';
import { type EvidenceContext, evidenceOf, locatePrinted } from '../solver/evidence.ts';
import { solveWithMemory } from '../solver/learned.hook.ts';
import { type OpenFigure, openFigures } from '../solver/open.figures.ts';
import { MARKET_WORDS, SHARED_SYMBOLS } from '../vocabulary/currencies.ts';
import { ACCOUNT_WORD_PREFIXES, NUMBER_SIGNS, WEB_ADDRESS_MARKS } from '../vocabulary/document.words.ts';
import { namesOtherAccount } from '../vocabulary/fields.context.ts';
import { alternation, containsStem, startsWithPrefix } from '../vocabulary/word.patterns.ts';
import type { Candidate } from './candidates.ts';
import { type Section, walkDocument } from './document.walker.ts';

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
}

/** What the document says for one account, before the report rules look at it. */
export interface ExtractedAccount {
  account: Reading<string> | null;
  date: Reading<string> | null;
  currency: Reading<string>;
  fields: Partial<Record<FieldName, Reading<number>>>;
  issues: ReportIssue[];
}

/** OCR word confidence → certainty factor: clean scans (≥ 0.93) cost nothing, a shaky word drops below review. */
export function ocrFactor(c: number): number {
  return Math.max(0, Math.min(1, 0.35 + 0.7 * c));
}

const confOf = (c: Candidate) => Math.min(1, c.score * ocrFactor(c.ocr));

/** Label and layout rank of a reading; a figure in another currency than the document's ranks lower. */
function rankIn(baseCurrency: string | null) {
  return (c: Candidate) => {
    let r = confOf(c) * Math.max(1, c.weight) * (c.weight < 1 ? 0.9 + 0.1 * c.weight : 1);
    if (c.currency && baseCurrency && c.currency !== baseCurrency) r *= 0.7;
    return r;
  };
}

/**
 * Chooses one value per field: the best label wins; a close rival with a different value lowers
 * confidence below review (unless the labels rank differently, as house over exchange).
 */
function choose(
  cands: Candidate[],
  baseCurrency: string | null,
): { pick: Candidate; conf: number; rival: Candidate | null } | null {
  if (cands.length === 0) return null;
  const rank = rankIn(baseCurrency);
  const sorted = [...cands].sort((a, b) => rank(b) - rank(a) || a.line - b.line);
  const pick = sorted[0]!;
  let conf = confOf(pick);
  const same = sorted.filter((c) => c !== pick && c.value === pick.value);
  if (same.length > 0) conf = Math.min(1, conf + 0.03);
  const rival =
    sorted.find(
      (c) =>
        c !== pick &&
        c.value !== pick.value &&
        rank(c) >= rank(pick) * 0.93 &&
        Math.abs(c.weight - pick.weight) < 0.02 &&
        c.line !== pick.line,
    ) ?? null;
  if (rival) conf = Math.min(conf, 0.7);
  return { pick, conf, rival };
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
  for (const f of FIELD_NAMES) if (byTarget.get(f)?.length) byField.set(f, byTarget.get(f)!);
  const recalled = recallFor(memory, section.account, ctx.lines);
  const solved = solveWithMemory(
    { byField, rank: rankIn(baseCurrency), confOf, ...(fill ? { pool: open } : {}) },
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

function pickCurrency(own: Candidate[], doc: Candidate[], section: Section, ctx: EvidenceContext): Reading<string> {
  const labelled = choose(own.length ? own : doc.filter((c) => c.target === 'currency'), null);
  if (labelled)
    return { value: String(labelled.pick.value), conf: labelled.conf, evidence: evidenceOf(labelled.pick, ctx) };
  // No label: the currency printed with the figures, when they agree.
  const seen = new Map<string, number>();
  for (const c of section.candidates) if (c.currency) seen.set(c.currency, (seen.get(c.currency) ?? 0) + 1);
  const top = [...seen.entries()].sort((a, b) => b[1] - a[1])[0];
  // A code standing alone in a cell of the page header (`Denomination | CAD`): the value of a pair whose label is unknown.
  const lone = loneCurrencies(ctx.lines);
  if (lone.length === 1) {
    const code = lone[0]!;
    const agrees =
      seen.size === 0 || (seen.size === 1 && (seen.has(code) || (seen.has('USD') && dollarCodes.has(code))));
    return { value: code, conf: agrees ? 0.82 : 0.7 };
  }
  if (top && seen.size === 1) return { value: top[0], conf: 0.9 };
  // Nothing names the currency: a dollar sign, or the words of one market's rules (Reg T, FINRA), say
  // which; with neither, the dollar is a guess a person confirms.
  const market = marketCurrency(ctx.lines);
  return market ? { value: market, conf: 0.85 } : { value: 'USD', conf: 0.7 };
}

const MARKET_RES = Object.entries(MARKET_WORDS).map(([code, words]) => ({
  code,
  re: new RegExp(`\\b(?:${words.map((w) => w.replace(/ /g, '\\.?\\s*')).join('|')})\\b`, 'i'),
}));

/** The currency a document implies without naming it: `$` alone (the US dollar), or one market's rule words. */
function marketCurrency(lines: Segmented[]): string | null {
  const text = lines.map((l) => l.text).join('\n');
  if (/(?<![A-Za-z])\$/.test(text)) return SHARED_SYMBOLS.$!.codes[0]!;
  const found = MARKET_RES.filter((m) => m.re.test(text));
  return found.length === 1 ? found[0]!.code : null;
}

/** Currencies a `$` may stand for: a lone code among them decides what the symbol meant. */
const dollarCodes = new Set(SHARED_SYMBOLS.$!.codes);

/** Distinct currency codes printed alone in a cell of the page header (above the first figure). */
function loneCurrencies(lines: Segmented[]): string[] {
  const first = lines.length ? lines[0]!.page : 0;
  const codes = new Set<string>();
  for (const line of lines.filter((l) => l.page === first).slice(0, 15)) {
    const figures = line.segs.filter((s) => s.kind === 'amount').length;
    if (figures >= 2) break;
    for (const seg of line.segs) {
      if (seg.kind !== 'text') continue;
      const t = seg.text.trim().replace(/^\((.*)\)$/, '$1');
      if (/^[A-Z]{3,4}$/.test(t) && isCurrencyCode(t)) codes.add(t);
    }
  }
  return [...codes];
}

/** One ExtractedAccount per account found (a combined or household total is never one). */
export function extractAccounts(
  lines: Segmented[],
  ocrPages: ReadonlySet<number> = new Set(),
  memory: DocumentMemory | null = null,
): ExtractedAccount[] {
  const ctx: EvidenceContext = { lines, ocrPages };
  const { sections: walked, doc } = walkDocument(lines);
  const sections = mergePartialAccounts(walked);
  const docCurrency = choose(
    doc.filter((c) => c.target === 'currency'),
    null,
  );
  const base = docCurrency ? String(docCurrency.pick.value) : null;
  const own = sections.filter((s) => !s.combined);
  // With one account, every labelled figure of the document may be one of its fields.
  const open = own.length === 1 ? openFigures(lines) : [];
  const out = own
    .map((s) =>
      readSection(s, doc, base, ctx, open, own.length === 1, memory && { ...memory, single: own.length === 1 }),
    )
    .filter((a) => Object.keys(a.fields).length > 0 || a.account !== null);
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
  doubtOddAccounts(out);
  return out;
}

/** Digits as 9 and letters as A: `727-66233` → `999-99999`. */
const shapeOf = (account: string) => account.replace(/\d/g, '9').replace(/[A-Z]/gi, 'A');
/** Confidence of an account number a scan read in a shape its table's other accounts do not have. */
const ODD_ACCOUNT_CONF = 0.7;

/**
 * Account numbers a scan read: where the accounts of one document share a shape (`999-99999`) and
 * one alone differs (`9999-99999`: a digit OCR added), or one starts with a lone mark a speck may
 * be (`*U0718377`), that one is below review, with the reason.
 */
export function doubtOddAccounts(accounts: ExtractedAccount[]): void {
  const read = accounts.filter((a) => a.account?.evidence?.source === 'ocr');
  const shapes = new Map<string, number>();
  for (const a of accounts)
    if (a.account) shapes.set(shapeOf(a.account.value), (shapes.get(shapeOf(a.account.value)) ?? 0) + 1);
  const common = [...shapes.entries()].sort((x, y) => y[1] - x[1])[0];
  for (const a of read) {
    const value = a.account!.value;
    const odd =
      common && common[1] >= 2 && shapes.get(shapeOf(value)) === 1
        ? `its shape differs from the document's other account numbers (${common[1]} read as ${common[0]})`
        : /^[*#.'`]\w/.test(value) && !/^[*#]{2,}/.test(value)
          ? `it starts with "${value[0]}", which may be a speck the scan read`
          : null;
    if (!odd || a.account!.conf < 0.8) continue;
    a.account = { ...a.account!, conf: ODD_ACCOUNT_CONF };
    a.issues.push({
      code: 'odd_account',
      field: 'account_number',
      severity: 'warning',
      message: `The scan reads the account number as ${value}, but ${odd}: check it against the PDF.`,
    });
  }
}

// Account numbers printed without a label: `Y99-825068`, `PB-1234567`, `XXXX-1234`, `8488 3065`, `U1234567`.
const ACCOUNT_SHAPES = [
  /^[A-Z0-9]{1,6}(?:[-.][A-Z0-9]{2,10}){1,3}$/,
  /^[A-Z]{1,3}\d{5,12}$/,
  /^\d{3,5}(?: \d{2,5}){1,3}$/,
];

/**
 * A document with one account whose number has no label (a page header, the line under a client
 * name, a number over an `ACCOUNT` caption): a cell near the top that is nothing but an
 * account-shaped token. Certainty is kept below automatic approval.
 */
export function unlabelledAccount(lines: Segmented[]): Reading<string> | null {
  const firstPage = lines.length ? lines[0]!.page : 0;
  const head = lines.filter((l) => l.page === firstPage).slice(0, 12);
  const near = (line: Segmented, ci: number) => labelNear(head, line, ci);
  // A value whose label (left of it, or above it) has an account word and names no other account.
  for (const line of head) {
    for (let ci = 0; ci < line.cells.length; ci++) {
      const label = near(line, ci);
      if (!label || !startsWithPrefix(label, ACCOUNT_WORD_PREFIXES) || namesOtherAccount(label)) continue;
      const text = line.cells[ci]!.text.trim();
      const tok = readAccountToken(text);
      if (!tok || tok.value !== normalizeAccount(text) || findDates(text).length) continue;
      return { value: tok.value, conf: Math.min(0.75, 0.75 * ocrFactor(line.cells[ci]!.conf)) };
    }
  }
  for (const line of head) {
    if (containsStem(line.text, WEB_ADDRESS_MARKS)) continue;
    for (let ci = 0; ci < line.cells.length; ci++) {
      const cell = line.cells[ci]!;
      // A number printed as another account's (`Sweep Vehicle Ref | 12-3456-78`) is never the report's.
      const label = near(line, ci);
      if (label && namesOtherAccount(label)) continue;
      const text = cell.text.trim().replace(NUMBER_SIGN, '');
      if (!ACCOUNT_SHAPES.some((re) => re.test(text))) continue;
      const digits = (text.match(/\d/g) ?? []).length;
      if (digits < 4 || /^\d{1,4}[-./]\d{1,2}[-./]\d{2,4}$/.test(text) || /^(?:19|20)\d{2}-\d{2}/.test(text)) continue;
      if (/^\d{1,3}(?:[.,]\d{3})+$/.test(text) || /^\d+\.\d{1,2}$/.test(text)) continue;
      const tok = readAccountToken(text);
      if (!tok || tok.value !== normalizeAccount(text)) continue;
      return { value: tok.value, conf: Math.min(0.75, 0.75 * ocrFactor(cell.conf)) };
    }
  }
  return null;
}

/** The label of the cell that prints an account number (left of it, or above it), if any. */
function printedLabel(lines: Segmented[], account: string): string | null {
  for (const line of lines.slice(0, 40)) {
    const ci = line.cells.findIndex((c) => normalizeAccount(c.text).includes(account));
    if (ci < 0) continue;
    const cell = line.cells[ci]!;
    // The label may share the cell (`Sweep Acct 12-3456`).
    const inCell = cell.text.slice(0, Math.max(0, cell.text.toUpperCase().replace(/\s+/g, '').indexOf(account)));
    if (/\p{L}{3}/u.test(inCell)) return cell.text;
    return labelNear(lines, line, ci);
  }
  return null;
}

const NUMBER_SIGN = new RegExp(`^(?:${alternation(NUMBER_SIGNS)})\\s*`, 'i');

/** The text of the cell that labels a value cell: the one left of it, else the one right above it. */
function labelNear(head: Segmented[], line: Segmented, ci: number): string | null {
  const cell = line.cells[ci]!;
  if (ci > 0) {
    const left = line.cells[ci - 1]!.text.trim();
    if (/\p{L}{3}/u.test(left) && !/\d{3}/.test(left)) return left;
  }
  const at = head.indexOf(line);
  const above = at > 0 ? head[at - 1] : undefined;
  if (!above || line.top - above.bottom > line.height * 2.5) return null;
  const over = above.cells.find((c) => Math.min(c.x1, cell.x1) - Math.max(c.x0, cell.x0) > 0);
  return over ? over.text.trim() : null;
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
    if (whole) whole.candidates.push(...s.candidates);
    else out.push(s);
  }
  return out;
}
