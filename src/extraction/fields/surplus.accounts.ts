import type { Segmented } from '../layout/segments.ts';
import { wholeAccount } from '../structure/account.cells.ts';
import { findAccounts } from './account.labels.ts';
import type { ExtractedAccount } from './fields.extractor.ts';

/** Confidence of every value of a report whose account no account label names, among more reports than labels. */
const SURPLUS_CONF = 0.6;

/**
 * Account numbers the document labels as accounts (`Account 8812-40017`, `Acct # U123`), and the
 * numbers printed on the same line as such a label (the other titles of a table captioned `Account`).
 */
export function labelledAccounts(lines: readonly Segmented[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    const hits = findAccounts(line);
    if (hits.length === 0) continue;
    for (const h of hits) out.add(bare(h.value));
    for (const cell of line.cells) {
      const whole = wholeAccount(cell.text);
      if (whole) out.add(bare(whole.value));
    }
  }
  return out;
}

/**
 * More reports than the document has labelled account numbers: the reports whose account no label
 * names were made from structure alone (a table's titles, a number in a header) and may be no account
 * at all (a row of exchange rates read as two account columns). Each of their values goes below
 * review, with the reason; a document that labels no account number is left as it is.
 */
export function doubtSurplusAccounts(accounts: ExtractedAccount[], lines: readonly Segmented[]): void {
  const numbered = accounts.filter((a) => a.account);
  const labelled = labelledAccounts(lines);
  if (labelled.size === 0 || numbered.length <= labelled.size) return;
  const names = [...labelled];
  for (const a of numbered) {
    const value = a.account!.value;
    if (labelled.has(bare(value))) continue;
    const cap = <T extends { conf: number }>(r: T): T => ({ ...r, conf: Math.min(r.conf, SURPLUS_CONF) });
    a.account = cap(a.account!);
    if (a.date) a.date = cap(a.date);
    a.currency = cap(a.currency);
    for (const [f, r] of Object.entries(a.fields)) if (r) a.fields[f as keyof typeof a.fields] = cap(r);
    a.issues.push({
      code: 'surplus_account',
      field: 'account_number',
      severity: 'warning',
      message: `The document labels ${names.length === 1 ? 'one account number' : `${names.length} account numbers`} but gives ${numbered.length} reports; ${value} is printed under no account label, so it may be another number (a rate, a reference) read as an account: check it against the PDF before approving.`,
    });
  }
}

const bare = (value: string) => value.replace(/[^A-Z0-9]/gi, '').toUpperCase();
