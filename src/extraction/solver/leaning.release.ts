import type { FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import { signed } from '../fields/candidates.ts';
import { money } from './issue.money.ts';
import { leaning } from './label.clarity.ts';
import type { SolvedField } from './report.solver.ts';

/** Confidence of a figure read only because its label's wording leans to a field. */
export const LEANING_CONF = 0.55;

/**
 * A value nothing vouches for (below review, no identity, an unclear label) whose label's wording
 * leans clearly to another field the report lacks (`SMA (Reg. T)` read as the initial requirement
 * for its `Reg. T`): the figure is that other field's, below review, and its first field is left
 * to another figure whose label leans to it, or for the identities and the other labels to fill.
 */
export function releaseLeaning(fields: Map<FieldName, SolvedField>, issues: ReportIssue[]): void {
  for (const [f, r] of [...fields]) {
    if (r.conf >= 0.8 || r.confirmedBy !== null || r.clear === true || typeof r.pick.value !== 'number') continue;
    const g = leaning(r.pick.label);
    if (!g || g === f || fields.has(g)) continue;
    const value = signed(g, r.pick.value, r.pick.value < 0);
    fields.delete(f);
    // Another figure read as the first field under a label that leans to it takes its place.
    const next = r.rivals.find((x) => typeof x.cand.value === 'number' && leaning(x.cand.label) === f);
    if (next) fields.set(f, { pick: next.cand, conf: Math.min(r.conf, LEANING_CONF), confirmedBy: null, rivals: [] });
    fields.set(g, {
      pick: { ...r.pick, target: g, value },
      conf: Math.min(r.conf, LEANING_CONF),
      confirmedBy: null,
      rivals: [],
    });
    for (let i = issues.length - 1; i >= 0; i--) if (issues[i]!.field === f) issues.splice(i, 1);
    issues.push({
      code: 'label_leaning',
      field: g,
      severity: 'warning',
      message: `${g}: ${money(value)} ("${r.pick.label}") was read as the ${g.replace(/_/g, ' ')}, not the ${f.replace(/_/g, ' ')}, because its label's wording leans to it: check the PDF.`,
    });
  }
}
