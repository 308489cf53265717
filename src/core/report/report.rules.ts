import { z } from 'zod';
import { NEVER_NEGATIVE } from '../../contract/fields.ts';
import { type FieldName, fieldsSchema, type ReportIssue } from './report.schema.ts';

/** Below this confidence a human looks before approving. */
export const REVIEW_THRESHOLD = 0.8;

export const REQUIRED = ['account_number', 'report_date', 'total_equity', 'maintenance_requirement'] as const;

/** What the rules look at: the extracted values and how sure extraction is of each. */
export const ruleInputSchema = z.object({
  account_number: z.string().nullable(),
  report_date: z.string().nullable(),
  currency: z.string(),
  fields: fieldsSchema,
  /** Per value, 0..1, keyed by field name (header values included: account_number, report_date, currency). */
  confidence: z.record(z.string(), z.number().min(0).max(1)),
  issues: z
    .array(
      z.object({
        code: z.string(),
        field: z.string().optional(),
        severity: z.enum(['error', 'warning', 'info']),
        message: z.string(),
      }),
    )
    .default([]),
});
export type RuleInput = z.input<typeof ruleInputSchema>;

export interface RuleResult {
  issues: ReportIssue[];
  confidence: { overall: number; fields: Record<string, number> };
  data_quality_score: number;
  needs_review: boolean;
}

const LABEL: Record<string, string> = {
  account_number: 'account number',
  report_date: 'report date',
  currency: 'currency',
  total_equity: 'total equity',
  maintenance_requirement: 'maintenance requirement',
  initial_requirement: 'initial requirement',
  excess_liquidity: 'excess liquidity',
  margin_call: 'margin call',
  buying_power: 'buying power',
  cash_balance: 'cash balance',
  long_market_value: 'long market value',
  short_market_value: 'short market value',
  sma: 'SMA',
};

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Brokers round each figure: allow a cent per term plus one basis point of the largest. */
const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 0.05 + Math.abs(scale) * 0.0001;
/** Agreement to the cent (a few cents of rounding across terms): strong enough to confirm the figures. */
const exact = (a: number, b: number) => Math.abs(a - b) <= 0.05;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Issue codes of extraction that say an identity cannot vouch for a field: the identity chose it
 * (placed, repaired, a column told current because its figures add up), or holds whichever of two
 * interchangeable parts is which, or a rule an approver taught for the layout reads the field
 * otherwise (layout memory: a person decides), or a scanned figure's first digit is in doubt under the
 * currency sign printed against it, where figures read with the same doubt may agree with each other.
 */
const UNVOUCHED: ReadonlySet<string> = new Set([
  'identity_placed',
  'identities_alone',
  'identity_repaired',
  'interchangeable_parts',
  'unsure_column',
  'learned_conflict',
  'learned_unsure',
  'learned_sign',
  'sign_over_digit',
]);

/**
 * Cross-checks a report and scores it. Never rejects: disagreement becomes an issue naming the
 * field and a report that needs review. Agreement between independent figures raises confidence.
 */
export function applyRules(raw: RuleInput, opts: { now: Date; threshold?: number }): RuleResult {
  const input = ruleInputSchema.parse(raw);
  const threshold = opts.threshold ?? REVIEW_THRESHOLD;
  const f = input.fields;
  const conf: Record<string, number> = { ...input.confidence };
  const issues: ReportIssue[] = [...input.issues];
  const issue = (code: string, field: string | undefined, severity: ReportIssue['severity'], message: string) =>
    issues.push(field ? { code, field, severity, message } : { code, severity, message });
  // Set when independent printed figures agree with each other (excess = equity − requirement, or
  // equity = cash + long + short). Without that, nothing vouches for the numbers but the reading itself.
  let crossChecked = false;
  // Figures extraction placed by the identities themselves (their labels unknown): agreement is how
  // they were chosen, so it cannot vouch for them again.
  const placed = new Set(input.issues.filter((i) => UNVOUCHED.has(i.code)).map((i) => i.field));
  // A report whose account may be none (more reports than the document labels accounts): figures that
  // agree are still no proof they are this account's, so no identity vouches for any of them.
  const vouches = !input.issues.some((i) => i.code === 'surplus_account');
  // A figure repaired to fit an identity makes that identity hold by construction: it vouches for none of its terms.
  const repaired = new Set(input.issues.filter((i) => i.code === 'identity_repaired').map((i) => i.field));
  // Fields some independent identity held for; a broken identity doubts its other terms (below).
  const confirmed = new Set<string>();
  const broken: string[][] = [];
  // Figures read by the identities alone (no label known): an identity among them holds by construction
  // and vouches for none of its terms, not even one read under a label.
  const alone = new Set(input.issues.filter((i) => i.code === 'identities_alone').map((i) => i.field));
  const confirm = (...names: string[]) => {
    if (names.some((n) => repaired.has(n) || alone.has(n))) return;
    crossChecked = true;
    for (const n of names) {
      confirmed.add(n);
      if (conf[n] !== undefined && !placed.has(n) && vouches) conf[n] = Math.max(conf[n]!, 0.96);
    }
  };
  const doubt = (...names: string[]) => {
    for (const n of names) if (conf[n] !== undefined) conf[n] = Math.min(conf[n]!, 0.75);
  };

  for (const r of REQUIRED) {
    const present = r === 'account_number' ? input.account_number : r === 'report_date' ? input.report_date : f[r];
    if (present === null || present === undefined)
      issue('missing_required', r, 'error', `The ${LABEL[r]} was not found in the document.`);
  }

  if (input.report_date) {
    const d = new Date(`${input.report_date}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(input.report_date) ||
      Number.isNaN(d.getTime()) ||
      d.toISOString().slice(0, 10) !== input.report_date
    ) {
      issue('invalid_date', 'report_date', 'error', `The report date ${input.report_date} is not a real date.`);
    } else {
      const tomorrow = new Date(Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate() + 1));
      if (d.getTime() > tomorrow.getTime())
        issue('future_date', 'report_date', 'error', `The report date ${input.report_date} is in the future.`);
      else if (opts.now.getTime() - d.getTime() > 5 * 366 * 86_400_000)
        issue(
          'old_date',
          'report_date',
          'warning',
          `The report date ${input.report_date} is more than five years old.`,
        );
    }
  }

  const eq = f.total_equity;
  const mr = f.maintenance_requirement;
  const ir = f.initial_requirement;
  const ex = f.excess_liquidity;
  let excessDoubted = false;
  if (eq !== undefined && ex !== undefined && (mr !== undefined || ir !== undefined)) {
    const scale = Math.max(Math.abs(eq), Math.abs(mr ?? 0), Math.abs(ir ?? 0));
    if (mr !== undefined && exact(eq - mr, ex)) confirm('total_equity', 'maintenance_requirement', 'excess_liquidity');
    else if (ir !== undefined && exact(eq - ir, ex)) confirm('total_equity', 'initial_requirement', 'excess_liquidity');
    else if ((mr !== undefined && close(eq - mr, ex, scale)) || (ir !== undefined && close(eq - ir, ex, scale))) {
      // Off by rounding only: neither confirms nor contradicts.
    } else {
      const basis =
        mr !== undefined ? `total equity ${money(eq)} − maintenance requirement ${money(mr)} = ${money(eq - mr)}` : '';
      const alt =
        ir !== undefined ? `total equity ${money(eq)} − initial requirement ${money(ir)} = ${money(eq - ir)}` : '';
      issue(
        'excess_mismatch',
        'excess_liquidity',
        'warning',
        `Excess liquidity ${money(ex)} does not match ${[basis, alt].filter(Boolean).join(' or ')}; check total_equity, maintenance_requirement and excess_liquidity.`,
      );
      doubt('excess_liquidity');
      excessDoubted = true;
      broken.push(['total_equity', mr !== undefined ? 'maintenance_requirement' : 'initial_requirement']);
    }
  }

  const call = f.margin_call;
  if (call !== undefined && ex !== undefined) {
    if (call > 0 && ex > 0.005)
      issue(
        'call_mismatch',
        'margin_call',
        'warning',
        `A margin call of ${money(call)} is stated although excess liquidity is ${money(ex)} (no deficit).`,
      );
    else if (call === 0 && ex < -0.005)
      issue(
        'call_mismatch',
        'margin_call',
        'warning',
        `Excess liquidity is a deficit of ${money(-ex)} but no margin call is stated.`,
      );
    // The call prints the deficit's digits again, so agreeing proves only that both were read alike (a
    // scan misreads the same digits the same way twice): where the excess is in doubt, so is the call.
    else if (call > 0 && ex < 0 && exact(call, -ex)) {
      if (excessDoubted) doubt('margin_call');
      else confirm('margin_call');
    }
  }

  // No excess printed: equity above every requirement printed is no deficit, so a positive call contradicts it.
  const reqs = [mr, ir].filter((r): r is number => r !== undefined);
  if (call !== undefined && call > 0 && ex === undefined && eq !== undefined && reqs.length > 0) {
    const surplus = eq - Math.max(...reqs);
    if (surplus > 0.005) {
      issue(
        'call_mismatch',
        'margin_call',
        'warning',
        `A margin call of ${money(call)} is stated although total equity ${money(eq)} exceeds the requirement by ${money(surplus)} (no deficit).`,
      );
      doubt('margin_call');
    }
  }

  const cash = f.cash_balance;
  const lmv = f.long_market_value;
  const smv = f.short_market_value;
  if (eq !== undefined && cash !== undefined && lmv !== undefined && smv !== undefined) {
    const sum = cash + lmv + smv;
    if (exact(sum, eq)) confirm('total_equity', 'cash_balance', 'long_market_value', 'short_market_value');
    else if (close(sum, eq, Math.max(Math.abs(eq), Math.abs(lmv)))) {
      // Off by rounding only.
    } else {
      issue(
        'equity_mismatch',
        'total_equity',
        'warning',
        `Total equity ${money(eq)} differs from cash ${money(cash)} + long ${money(lmv)} + short ${money(smv)} = ${money(sum)}; check total_equity, cash_balance, long_market_value and short_market_value.`,
      );
      broken.push(['total_equity', 'cash_balance', 'long_market_value', 'short_market_value']);
    }
  }
  // A broken identity says one of its terms is misread, and a clear label does not say which: every
  // term that no other identity held for goes to review (an OCR slip under a clear label stays a slip).
  for (const terms of broken) doubt(...terms.filter((n) => !confirmed.has(n)));

  const implausible = (field: FieldName, why: string) => {
    issue('implausible_value', field, 'warning', `The ${LABEL[field]} ${money(f[field]!)} looks implausible: ${why}.`);
    doubt(field);
  };
  for (const [name, v] of Object.entries(f) as [FieldName, number][]) {
    if (Math.abs(v) >= 1e12) implausible(name, 'it is larger than any account');
  }
  for (const name of NEVER_NEGATIVE) if ((f[name] ?? 0) < 0) implausible(name, 'it cannot be negative');
  if (eq !== undefined && mr !== undefined && eq > 0 && mr > eq * 50 && mr > 1000)
    implausible('maintenance_requirement', 'it is over fifty times the equity');
  if (eq !== undefined && lmv !== undefined && eq > 1000 && lmv > eq * 200)
    implausible('long_market_value', 'it is over two hundred times the equity');

  for (const [name, c] of Object.entries(conf)) {
    if (c < threshold && (name in f || name === 'account_number' || name === 'report_date' || name === 'currency')) {
      issue(
        'low_confidence',
        name,
        'info',
        `The ${LABEL[name] ?? name} was read with low confidence (${c.toFixed(2)}).`,
      );
    }
  }

  if (!crossChecked && f.total_equity !== undefined) {
    issue(
      'unverified',
      undefined,
      'info',
      'The figures could not be cross-checked against each other (the statement does not print equity, requirement and excess, or cash, long and short, that add up); review them against the PDF before approving.',
    );
  }

  const values = Object.values(conf).map((c) => Math.max(0, Math.min(1, c)));
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  const min = values.length ? Math.min(...values) : 0;
  const overall = round3(values.length ? 0.6 * mean + 0.4 * min : 0);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const lows = issues.filter((i) => i.code === 'low_confidence').length;
  const quality = round3(Math.max(0, Math.min(1, mean - 0.2 * errors - 0.1 * warnings - 0.03 * lows)));
  // A wrong number must never look ready to approve: unverified figures go to a human.
  const needsReview =
    errors > 0 || warnings > 0 || !crossChecked || overall < threshold || values.some((c) => c < threshold);
  const rounded = Object.fromEntries(Object.entries(conf).map(([k, v]) => [k, round3(Math.max(0, Math.min(1, v)))]));
  return { issues, confidence: { overall, fields: rounded }, data_quality_score: quality, needs_review: needsReview };
}
