import { findAccounts } from '../fields/account.labels.ts';
import type { Segmented } from '../layout/segments.ts';
import { normalizeAccount } from '../parse/account.parser.ts';
import type { PageSize } from './layout.fingerprint.ts';

/**
 * One account's block in a document of accounts stacked one after another (`Account 123.45678`, its
 * figures, then `Account 123.45690`, its figures …): the lines from the heading that names the
 * account (an account label and its number, as extraction finds account headings) up to the next
 * heading that names another. A label rule taught inside a block is read inside the same account's
 * block on the next statement, so it finds each account's own figure, never the first account's.
 */
export interface AccountBlock {
  /** The block's lines, in document order (several runs when the account is named again further on). */
  lines: Segmented[];
  /** The heading line that opens the block: rules keep their place relative to it. */
  anchor: Segmented;
}

/** The block of `account`, or null when no heading names it. */
export function accountBlock(lines: readonly Segmented[], account: string | null): AccountBlock | null {
  if (!account) return null;
  const want = normalizeAccount(account);
  const out: Segmented[] = [];
  let anchor: Segmented | null = null;
  let current: string | null = null;
  for (const line of lines) {
    const named = findAccounts(line);
    // One heading per line: side-by-side accounts (several on a line) are columns, not blocks.
    if (named.length === 1) current = normalizeAccount(named[0]!.value);
    else if (named.length > 1) current = null;
    if (current !== want) continue;
    anchor ??= line;
    out.push(line);
  }
  return anchor ? { lines: out, anchor } : null;
}

/** Where a block's heading is (page, and page fraction from the top): block rules' places count from it. */
export function blockOrigin(block: AccountBlock, pages: readonly PageSize[]): { page: number; y: number } {
  const size = pages[block.anchor.page] ?? pages[0] ?? { width: 612, height: 792 };
  return { page: block.anchor.page, y: block.anchor.top / size.height };
}
