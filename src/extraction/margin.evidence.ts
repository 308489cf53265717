import type { ExtractedAccount } from './fields/fields.extractor.ts';
import { matchLabel } from './labels/label.matcher.ts';

/**
 * A call label weaker than this (`Amount due`, a bare `Call`) is a word invoices, trade confirmations and
 * bills print too: on its own it does not make a document a margin statement.
 */
const CLEAR_CALL_LABEL = 0.9;

/** Whether a call was read under a label that alone does not say margin (`Net Amount Due`). */
function weakCall(account: ExtractedAccount): boolean {
  const label = account.fields.margin_call?.evidence?.label;
  if (!label) return false;
  const m = matchLabel(label, new Set(['margin_call']));
  return m !== null && m.synonym.weight < CLEAR_CALL_LABEL;
}

/**
 * A balance every account statement prints (a bank's current account, a loan's interest and tax statement, a
 * dividend advice's cash): read alone it says nothing of margin.
 */
const PLAIN_FIGURES: ReadonlySet<string> = new Set(['cash_balance']);

/**
 * Whether the accounts read carry margin evidence: a margin figure (equity, a requirement, excess, buying
 * power, a market value…), or a call under a label that names one unambiguously. A document whose only
 * figure is a call under a weak label (a trade confirmation's `Net Amount Due`), a lone balance (a loan's
 * annual interest statement: `Loan balance at 1 July`) or figures of 0 is not a margin statement.
 */
export function hasMarginEvidence(accounts: ExtractedAccount[]): boolean {
  return accounts.some((a) => {
    // A printed 0 stands in any document's tables (a fee report's empty rebate line): only a figure that is not 0 says margin.
    const figures = Object.entries(a.fields).filter(([f, r]) => f !== 'margin_call' && r?.value !== 0);
    if (figures.some(([f]) => !PLAIN_FIGURES.has(f))) return true;
    return a.fields.margin_call !== undefined && !weakCall(a);
  });
}
