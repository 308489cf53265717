import { otherDocumentTitle } from './document.kind.ts';
import { keyedAccount } from './fields/account.identity.ts';
import type { ExtractedAccount } from './fields/fields.extractor.ts';
import type { Segmented } from './layout/segments.ts';
import { ALONE_CODE } from './solver/alone.fill.ts';
import { type EvidenceContext, locatePrinted } from './solver/evidence.ts';

/**
 * Figures read by the accounting identities alone (their labels unknown) are a margin statement's only
 * with the rest of a statement's structure: an account identifier and an as-of date, and no title that
 * names another kind of document. Without them they are no figures (arithmetic any ledger may satisfy),
 * and a report left with none is no report: the document is refused rather than read.
 */
export function keepAloneReadings(
  accounts: ExtractedAccount[],
  lines: Segmented[],
  ctx: EvidenceContext,
): ExtractedAccount[] {
  // Each account's fields the identities alone placed, computed once.
  const alone = new Map(
    accounts.map((a) => [a, new Set(a.issues.filter((i) => i.code === ALONE_CODE && i.field).map((i) => i.field!))]),
  );
  if (![...alone.values()].some((fields) => fields.size > 0)) return accounts;
  const otherTitle = otherDocumentTitle(lines) !== null;
  return accounts.filter((a) => {
    const placed = alone.get(a)!;
    if (placed.size === 0) return true;
    if (!a.account && accounts.length === 1 && !otherTitle) {
      const found = keyedAccount(lines);
      const evidence = found ? locatePrinted(found.value, 'account', ctx, null) : null;
      if (found) a.account = evidence ? { ...found, evidence } : found;
    }
    if (!otherTitle && a.account && a.date) return true;
    for (const f of placed) delete a.fields[f as keyof ExtractedAccount['fields']];
    a.issues = a.issues.filter((i) => i.code !== ALONE_CODE);
    return Object.keys(a.fields).length > 0;
  });
}
