import type { Segmented } from '../layout/segments.ts';
import { findAccounts, labelledAccounts, reportAccounts } from './account.labels.ts';
import type { ExtractedAccount } from './fields.extractor.ts';

/** Confidence of every value of a report whose account no account label names, among more reports than labels. */
const SURPLUS_CONF = 0.6;

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
  for (const a of numbered) {
    const value = a.account!.value;
    if (labelled.has(value)) continue;
    const cap = <T extends { conf: number }>(r: T): T => ({ ...r, conf: Math.min(r.conf, SURPLUS_CONF) });
    a.account = cap(a.account!);
    if (a.date) a.date = cap(a.date);
    a.currency = cap(a.currency);
    for (const [f, r] of Object.entries(a.fields)) if (r) a.fields[f as keyof typeof a.fields] = cap(r);
    a.issues.push({
      code: 'surplus_account',
      field: 'account_number',
      severity: 'warning',
      message: `The document labels ${labelled.size === 1 ? 'one account number' : `${labelled.size} account numbers`} but gives ${numbered.length} reports; ${value} is printed under no account label, so it may be another number (a rate, a reference) read as an account: check it against the PDF before approving.`,
    });
  }
}

/** Confidence of a lone report's account where an account label prints another whole account's number too. */
const RIVAL_LABELLED_CONF = 0.7;

/**
 * A document that gives one report but labels two account numbers as whole accounts (neither a
 * holder's nor a part of the other): the figures name no account, so which one they are is a guess.
 * The report's account goes below review, with the reason. An account whose label is followed by no
 * figures makes no report, so the one account with figures is the document's one report
 * (`ACCOUNT NUMBER : 418-77205` in the head, `(EXECUTING BROKER ACCT 905-11820)` on the line below it).
 */
export function doubtLabelledRivals(accounts: ExtractedAccount[], lines: readonly Segmented[]): void {
  const figured = accounts.filter((x) => Object.keys(x.fields).length > 0);
  const a = figured.length === 1 ? figured[0]! : accounts.length === 1 ? accounts[0]! : null;
  if (!a?.account) return;
  const own = bare(a.account.value);
  const keep = reportAccounts([...lines], () => false);
  const rivals = new Set<string>();
  for (const line of lines)
    for (const h of findAccounts(line).filter(keep)) {
      const v = bare(h.value);
      if (v.length >= 4 && !v.includes(own) && !own.includes(v)) rivals.add(h.value);
    }
  if (rivals.size === 0) return;
  a.account = { ...a.account, conf: Math.min(a.account.conf, RIVAL_LABELLED_CONF) };
  a.issues.push({
    code: 'unsure_account',
    field: 'account_number',
    severity: 'warning',
    message: `The document labels ${[...rivals].slice(0, 3).join(', ')} as an account too, and nothing ties the figures to ${a.account.value} rather than to it: check the account number.`,
  });
}

const bare = (value: string) => value.replace(/[^A-Z0-9]/gi, '').toUpperCase();
