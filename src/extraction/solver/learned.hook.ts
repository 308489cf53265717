import type { FieldName } from '../../contract/fields.ts';
import type { ReportIssue } from '../../contract/reading.ts';
import type { Candidate } from '../fields/candidates.ts';
import type { Recalled } from '../memory/rule.recall.ts';
import { type SolvedField, type SolveInput, solveReport } from './report.solver.ts';

/** Rank of a learned figure against the best label's: an approver showed where this layout prints the field. */
const LEARNED_WEIGHT = 6;
/** Certainty of a learned figure that no identity contradicts (times the scan's word confidence). */
const LEARNED_CONF = 0.92;
/** A learned value that disagrees with an identity-confirmed reading: a person decides. */
const CONFLICT_CONF = 0.6;
/** A learned figure read from a scan where the labels read another value. */
const UNSURE_CONF = 0.75;

const near = (a: number, b: number) => Math.abs(a - b) <= 0.015;
const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ocrFactor = (c: number) => Math.max(0, Math.min(1, 0.35 + 0.7 * c));

/** Issues a learned value makes moot: the approver settled which figure the label means. */
const SETTLED = new Set(['unconfirmed_value', 'ambiguous_value', 'unsure_column', 'identity_choice']);

/** The very figure the identities confirm, learned with the other sign (a scan lost its minus): theirs stands, no conflict. */
const signOnly = (had: SolvedField | undefined, r: Recalled) =>
  Boolean(had?.confirmedBy) &&
  had!.pick.line === r.cand.line &&
  near(had!.pick.value as number, -(r.cand.value as number));

/** Two values that differ only by sign (neither zero). */
const oppositeSign = (a: number, b: number) => Math.abs(a) > 0.005 && near(a, -b);

const ruleName = (r: Recalled) =>
  `${r.rule.reportId ? `report #${r.rule.reportId}` : (r.rule.fileName ?? 'a corrected statement')}, taught by ${r.rule.taughtBy}`;

export interface MemorySolved {
  fields: Map<FieldName, SolvedField>;
  issues: ReportIssue[];
  /** Fields whose value came from a learned rule, with the rule's note for the evidence. */
  learned: Map<FieldName, Recalled>;
}

/**
 * The solver with what layout memory recalled: each learned figure joins its field's candidates,
 * ranked above any label, and the identities still weigh every field together. A learned value
 * never replaces one the identities confirm as read without memory: on such a conflict that field
 * keeps its reading without memory and goes to review, naming both values. A learned value that is
 * the reading with the other sign stands only where an identity confirms one of the two (the
 * identities' sign wins, or the learned one makes an identity hold); else it goes to review, naming both.
 */
export function solveWithMemory(input: SolveInput, all: ReadonlyMap<FieldName, Recalled>): MemorySolved {
  const plain = solveReport(input);
  if (all.size === 0) return { ...plain, learned: new Map() };
  // A figure found by its place alone (its column not found again) joins no candidates: it only confirms.
  const recalled = new Map([...all].filter(([, r]) => !r.loose));
  const confirming = [...all].filter(([, r]) => r.loose);
  const conflicts: ReportIssue[] = [];
  for (const [f, r] of recalled) {
    const had = plain.fields.get(f);
    if (signOnly(had, r)) continue;
    if (had?.confirmedBy && !near(had.pick.value as number, r.cand.value as number))
      conflicts.push({
        code: 'learned_conflict',
        field: f,
        severity: 'warning',
        message: `${f}: the layout's learned rule (${ruleName(r)}) reads ${money(r.cand.value as number)} ("${r.cand.label}"), but ${money(had.pick.value as number)} ("${had.pick.label}") satisfies ${had.confirmedBy}; check which is right.`,
      });
  }
  const byField = new Map<FieldName, Candidate[]>(input.byField);
  const learnedCands = new Set<Candidate>();
  // The learned values the identities do not contradict join the candidates; the others stay out.
  const usable = new Map(
    [...recalled].filter(([f, r]) => !conflicts.some((c) => c.field === f) && !signOnly(plain.fields.get(f), r)),
  );
  for (const [f, r] of usable) {
    const cand: Candidate = { ...r.cand, weight: LEARNED_WEIGHT };
    learnedCands.add(cand);
    byField.set(f, [cand, ...(byField.get(f) ?? [])]);
  }
  const solved = solveReport({ ...input, byField });
  const learned = new Map<FieldName, Recalled>();
  const doubts: ReportIssue[] = [];
  const broken = new Set(solved.issues.filter((i) => i.code === 'identity_broken').map((i) => i.field));
  for (const c of conflicts) {
    const had = plain.fields.get(c.field as FieldName)!;
    solved.fields.set(c.field as FieldName, { ...had, conf: Math.min(had.conf, CONFLICT_CONF) });
  }
  for (const [f, r] of usable) {
    const got = solved.fields.get(f);
    if (!got || !learnedCands.has(got.pick)) continue;
    learned.set(f, r);
    got.pick = { ...got.pick, weight: 1 };
    const had = plain.fields.get(f);
    // The learned value is the reading with the other sign, and no identity says which sign is
    // right: the rule's sign (taught) and the printed one (read) disagree, so a person decides.
    if (had && !got.confirmedBy && oppositeSign(had.pick.value as number, got.pick.value as number)) {
      got.conf = Math.min(got.conf, CONFLICT_CONF);
      doubts.push({
        code: 'learned_sign',
        field: f,
        severity: 'warning',
        message: `${f}: the layout's learned rule (${ruleName(r)}) reads ${money(got.pick.value as number)} ("${r.cand.label}"), the printed sign reads ${money(had.pick.value as number)} ("${had.pick.label}"), and no identity confirms either; check the sign.`,
      });
      continue;
    }
    // A scanned figure can be misread where the taught one was clean: where the reading without
    // memory disagrees, a person looks (the learned value still leads, naming the other).
    if (got.pick.ocr < 1 && had && !near(had.pick.value as number, got.pick.value as number)) {
      got.conf = Math.min(got.conf, UNSURE_CONF);
      doubts.push({
        code: 'learned_unsure',
        field: f,
        severity: 'warning',
        message: `${f}: the layout's learned place reads ${money(got.pick.value as number)} from the scan, where the labels read ${money(had.pick.value as number)} ("${had.pick.label}"); check the printed figure.`,
      });
    } else if (!broken.has(f)) got.conf = Math.max(got.conf, LEARNED_CONF * ocrFactor(got.pick.ocr));
  }
  // The taught place prints the very figure the document's own reading chose: as certain as a learned
  // value. On a text layer that settles which of a label's figures it is; a scan may have lost a
  // figure of the line (the places shift), so there an issue naming the field still stands.
  for (const [f, r] of confirming) {
    const got = solved.fields.get(f);
    if (!got || learned.has(f) || broken.has(f) || conflicts.some((c) => c.field === f)) continue;
    if (got.pick.line !== r.cand.line || !near(got.pick.value as number, r.cand.value as number)) continue;
    const doubted = solved.issues.some((i) => i.field === f && (got.pick.ocr < 1 || !SETTLED.has(i.code)));
    if (doubted) continue;
    got.conf = Math.max(got.conf, LEARNED_CONF * ocrFactor(got.pick.ocr));
    learned.set(f, r);
  }
  const issues = solved.issues.filter((i) => !(i.field && learned.has(i.field as FieldName) && SETTLED.has(i.code)));
  return { fields: solved.fields, issues: [...issues, ...doubts, ...conflicts], learned };
}
