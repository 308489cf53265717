import type { Segmented } from '../layout/segments.ts';
import { type EvidenceContext, locatePrinted } from '../solver/evidence.ts';
import { LOOKALIKE_GLYPHS } from '../vocabulary/ocr.glyphs.ts';
import { escapeRegExp } from '../vocabulary/word.patterns.ts';
import type { ExtractedAccount } from './fields.extractor.ts';

/** Confidence of a scanned account number whose first glyph the scan may have read as its look-alike. */
const LOOKALIKE_LEAD_CONF = 0.75;
const LOOKALIKE_ISSUE = 'lookalike_account';

const twinOf = new Map(LOOKALIKE_GLYPHS.flatMap(([l, d]) => [[l, d] as const, [d, l] as const]));

/**
 * The same number with its first glyph read as its look-alike (`06457771` ↔ `O6457771`), where that
 * glyph stands before a digit: nothing beside it says whether a letter leads the number. Null otherwise.
 */
export function lookalikeLead(account: string): string | null {
  const twin = twinOf.get(account[0] ?? '');
  return twin !== undefined && /^\d/.test(account.slice(1)) ? twin + account.slice(1) : null;
}

/**
 * The same number with a leading digit read as its letter look-alike where a letter follows it
 * (`1V476093` ↔ `IV476093`): a digit before the letters of a prefix is the scan's likelier slip than a
 * number that leads with a digit, then letters, then digits. Null otherwise.
 */
export function lookalikePrefix(account: string): string | null {
  const lead = account[0] ?? '';
  const twin = /\d/.test(lead) ? twinOf.get(lead) : undefined;
  return twin !== undefined && /^[A-Z]/.test(account.slice(1)) ? twin + account.slice(1) : null;
}

/** Whether a line prints `account` as a whole token (its groups may be spaced), not inside a longer number. */
function prints(line: Segmented, account: string): boolean {
  const chars = [...account].map(escapeRegExp);
  const re = new RegExp(`(?<![A-Z0-9])${chars.join(' ?')}(?![A-Z0-9])`);
  return line.cells.some((c) => re.test(c.text.toUpperCase()));
}

/** A glyph of a scanned account number that may be its look-alike: where it stands, and the number read the other way. */
export interface DoubtedGlyph {
  at: number;
  twin: string;
  /** Whether the pixels may settle it (ocr/lead.settle.ts): a digit leading letters is never settled. */
  settles: boolean;
}

/**
 * The same number with the glyph at the boundary between a letter prefix and its digits read as its
 * look-alike: the prefix's last letter as a digit (`GO823489` ↔ `G0823489`), or the first digit as a
 * letter (`G0823489` ↔ `GO823489`, `A5120044` ↔ `AS120044`). A scan leans each way by the neighbour
 * it reads with, so nothing in the reading says which it is. The first glyph is the lead's (above).
 */
export function lookalikeBoundary(account: string): DoubtedGlyph[] {
  const k = /^[A-Z]+(?=\d)/.exec(account)?.[0].length ?? 0;
  const out: DoubtedGlyph[] = [];
  for (const at of k >= 2 ? [k - 1, k] : k === 1 ? [k] : []) {
    const twin = twinOf.get(account[at]!);
    if (twin !== undefined) out.push({ at, twin: account.slice(0, at) + twin + account.slice(at + 1), settles: true });
  }
  return out;
}

/** Every glyph of a scanned account number that may be its look-alike: the lead, a digit before letters, the prefix's boundary. */
export function doubtedGlyphs(account: string): DoubtedGlyph[] {
  const lead = lookalikeLead(account);
  const prefix = lookalikePrefix(account);
  return [
    ...(lead ? [{ at: 0, twin: lead, settles: true }] : []),
    ...(prefix ? [{ at: 0, twin: prefix, settles: false }] : []),
    ...lookalikeBoundary(account),
  ];
}

/**
 * Account numbers a scan read with a glyph that has a look-alike (O/0, I/1, S/5, B/8, Z/2, G/6) where
 * nothing in the reading tells them apart: a first glyph before a digit, a leading digit before letters,
 * either side of a letter prefix's boundary with its digits. Where a text layer prints the number, it
 * decides (the look-alike reading is taken if that is the one printed); otherwise the number is below
 * review, with the reason, since a scan cannot tell them apart.
 */
export function doubtLookalikeLeads(accounts: ExtractedAccount[], ctx: EvidenceContext): void {
  const textLines = ctx.lines.filter((l) => !ctx.ocrPages.has(l.page));
  for (const a of accounts) {
    const read = a.account;
    if (read?.evidence?.source !== 'ocr') continue;
    const doubts = doubtedGlyphs(read.value);
    if (doubts.length === 0 || textLines.some((l) => prints(l, read.value))) continue;
    const printed = doubts.find((d) => textLines.some((l) => prints(l, d.twin)));
    if (printed) {
      const evidence = locatePrinted(printed.twin, 'account', { ...ctx, lines: textLines }, read.evidence.label);
      a.account = { ...read, value: printed.twin, ...(evidence ? { evidence } : {}) };
      continue;
    }
    if (read.conf < 0.8) continue;
    a.account = { ...read, conf: LOOKALIKE_LEAD_CONF, uncapped: read.conf };
    const which = doubts.map(
      (d) =>
        `its ${d.at === 0 ? 'first character' : `character ${d.at + 1}`} may as well be "${d.twin[d.at]}" (${d.twin})`,
    );
    a.issues.push({
      code: LOOKALIKE_ISSUE,
      field: 'account_number',
      severity: 'warning',
      message: `The scan reads the account number as ${read.value}, but ${which.join(', or ')}: a scan draws the two alike. Check it against the PDF.`,
    });
  }
}

/**
 * The first glyph of an account number capped above turned out to be what the scan read (its pixels
 * settle it, ocr/lead.settle.ts): the account gets its confidence back and loses the warning. Only where
 * nothing else doubts the account (no other cap, no other issue naming it). True when lifted.
 */
export function liftLookalikeCap(a: ExtractedAccount): boolean {
  const read = a.account;
  if (!read || read.uncapped === undefined || read.conf !== LOOKALIKE_LEAD_CONF) return false;
  const named = a.issues.filter((i) => i.field === 'account_number');
  if (named.length !== 1 || named[0]!.code !== LOOKALIKE_ISSUE) return false;
  a.account = { ...read, conf: read.uncapped };
  a.issues = a.issues.filter((i) => i !== named[0]);
  return true;
}
