import type { FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import { near } from './accounting.identities.ts';
import { readByIdentitiesAlone } from './identities.alone.ts';
import { money } from './issue.money.ts';
import type { OpenFigure } from './open.figures.ts';
import { figurePick, ocrCap } from './pool.fills.ts';
import type { SolvedField } from './report.solver.ts';

/** The issue of each field read by the identities alone (readDocument asks such a report for an account and a date). */
export const ALONE_CODE = 'identities_alone';

/** Equity, a requirement, the excess: the labels read the core identity themselves from two of them on. */
const CORE: readonly (readonly FieldName[])[] = [
  ['total_equity'],
  ['maintenance_requirement', 'initial_requirement'],
  ['excess_liquidity'],
];

/**
 * Where the labels read at most one part of the statement's core (equity, requirement, excess), the
 * figures the identities alone place (`identities.alone.ts`), each below review with its reason. The
 * values the labels read stay, and must agree: a reading that gives a field they read another value, or
 * puts a figure they read into another field, is no reading.
 */
export function fillAlone(fields: Map<FieldName, SolvedField>, issues: ReportIssue[], pool: OpenFigure[]): void {
  if (CORE.filter((part) => part.some((f) => fields.has(f))).length > 1) return;
  const reading = readByIdentitiesAlone(pool);
  if (!reading) return;
  for (const part of reading.parts) {
    const had = fields.get(part.field);
    if (had && !near(had.pick.value as number, part.value)) return;
    for (const [g, r] of fields)
      if (g !== part.field && r.pick.page === part.figure.page && r.pick.line === part.figure.line) return;
  }
  const evidence = reading.evidence.join('; ');
  for (const part of reading.parts) {
    if (fields.has(part.field)) continue;
    const { figure } = part;
    const pick = figurePick(figure, part.field, part.value, part.conf);
    fields.set(part.field, { pick, conf: Math.min(part.conf, ocrCap(figure.ocr)), confirmedBy: null, rivals: [] });
    issues.push({
      code: ALONE_CODE,
      field: part.field,
      severity: 'warning',
      message: `${part.field}: ${money(part.value)} ("${figure.label}") was placed by the accounting identities alone (${evidence}): ${part.reason}; check it against the PDF.`,
    });
  }
}
