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

/**
 * Account numbers a scan read whose first glyph has a look-alike (O/0, I/1, S/5, B/8) before a digit,
 * or is a digit with a letter look-alike before a letter:
 * where a text layer prints the number, it decides (the look-alike reading is taken if that is the one
 * printed); otherwise the number is below review, with the reason, since a scan cannot tell them apart.
 */
export function doubtLookalikeLeads(accounts: ExtractedAccount[], ctx: EvidenceContext): void {
  const textLines = ctx.lines.filter((l) => !ctx.ocrPages.has(l.page));
  for (const a of accounts) {
    const read = a.account;
    if (read?.evidence?.source !== 'ocr') continue;
    const twin = lookalikeLead(read.value) ?? lookalikePrefix(read.value);
    if (!twin || textLines.some((l) => prints(l, read.value))) continue;
    if (textLines.some((l) => prints(l, twin))) {
      const evidence = locatePrinted(twin, 'account', { ...ctx, lines: textLines }, read.evidence.label);
      a.account = { ...read, value: twin, ...(evidence ? { evidence } : {}) };
      continue;
    }
    if (read.conf < 0.8) continue;
    a.account = { ...read, conf: LOOKALIKE_LEAD_CONF, uncapped: read.conf };
    a.issues.push({
      code: LOOKALIKE_ISSUE,
      field: 'account_number',
      severity: 'warning',
      message: `The scan reads the account number as ${read.value}, but its first character may as well be "${twin[0]}" (${twin}): a scan draws the two alike. Check it against the PDF.`,
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
