import type { FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import type { Candidate } from '../fields/candidates.ts';
import { near } from './accounting.identities.ts';
import { money } from './issue.money.ts';
import type { OpenFigure } from './open.figures.ts';
import type { SolvedField } from './report.solver.ts';

/**
 * A label over several figures of one row that no column title tells apart leaves its first figure
 * standing by chance (the identities hold in a prior-day column as well, and most fields are in no
 * identity). Where the identities tie two or more of the report's figures to one grid column, and
 * none to another, that column is the current one: a field read from another column of the same
 * grid takes its label's figure in that column instead. Still below review: what makes the column
 * current is arithmetic, not a title.
 */

/** Least figures the identities place in one column before it speaks for the grid. */
const MIN_ANCHORS = 2;
/** Confidence ceiling of a figure moved to the identities' column. */
const ALIGNED_CONF = 0.75;

type Span = { x0: number; x1: number };

/** Where a read figure stands, when it stands in a grid row (several figures of a row may be alike: its box tells). */
function gridSpan(c: Candidate, pool: OpenFigure[]): Span | null {
  if (typeof c.value !== 'number') return null;
  const fig = pool.find(
    (x) =>
      x.column &&
      x.page === c.page &&
      x.line === c.line &&
      near(Math.abs(x.value), Math.abs(c.value as number)) &&
      (!c.box || Math.min(x.box.x1, c.box.x1) - Math.max(x.box.x0, c.box.x0) > 0),
  );
  return fig ? fig.box : null;
}

/** Figures of one column share an edge: right-aligned figures their right one, left-aligned their left one. */
const EDGE = 3;
const aligned = (a: Span, b: Span) => Math.abs(a.x1 - b.x1) <= EDGE || Math.abs(a.x0 - b.x0) <= EDGE;

export function alignToIdentityColumn(
  fields: Map<FieldName, SolvedField>,
  issues: ReportIssue[],
  pool: OpenFigure[],
): void {
  const placed = new Set(issues.filter((i) => i.code === 'identity_placed').map((i) => i.field));
  const anchored = (f: FieldName, r: SolvedField) => r.confirmedBy !== null || placed.has(f);
  const anchors: Span[] = [];
  for (const [f, r] of fields) {
    // A figure of 0 fits any column (`no call without a deficit`): it ties none.
    if (!anchored(f, r) || r.pick.value === 0) continue;
    const span = gridSpan(r.pick, pool);
    if (span) anchors.push(span);
  }
  if (anchors.length < MIN_ANCHORS || anchors.some((a) => !aligned(a, anchors[0]!))) return;
  const inColumn = (c: Candidate) => {
    const span = gridSpan(c, pool);
    return span === null ? null : anchors.every((a) => aligned(a, span));
  };
  for (const [f, r] of fields) {
    if (anchored(f, r) || !r.pick.unsure || inColumn(r.pick) !== false) continue;
    const rival = r.rivals.find(
      (x) =>
        !x.cand.demoted &&
        x.cand.page === r.pick.page &&
        x.cand.line === r.pick.line &&
        x.cand.label === r.pick.label &&
        inColumn(x.cand) === true,
    );
    if (!rival) continue;
    const reason = 'stands in another column than the figures the identities tie together';
    fields.set(f, {
      pick: rival.cand,
      conf: Math.min(r.conf, ALIGNED_CONF),
      confirmedBy: null,
      rivals: [{ cand: r.pick, reason }, ...r.rivals.filter((x) => x !== rival)],
    });
    issues.push({
      code: 'unsure_column',
      field: f,
      severity: 'warning',
      message: `${f}: ${money(rival.cand.value as number)} ("${rival.cand.label}") is read from the column whose figures the identities tie together, not ${money(r.pick.value as number)} from another; no column title says which is current.`,
    });
  }
}
