import type { FieldName } from '../../contract/fields.ts';
import { affinity, leaning } from '../solver/label.clarity.ts';
import { levered, mayBeBuyingPower, requirementSide } from '../solver/part.evidence.ts';
import {
  allZero,
  type Candidate,
  holds,
  MIN_ACCOUNTS,
  near,
  nonNegative,
  pickConsistent,
  type Vec,
} from './role.choice.ts';

/**
 * Which field each line of a multi-account table is (a column of a row-per-account table, a row of a
 * column-per-account one), decided for all lines at once. A line whose title names its field
 * unambiguously keeps it. Every other line (an unknown title, an unclear one such as `Equity Over
 * Requirement`, a second title for a field already named) takes the part that the accounting
 * identities give it, checked on every account of the table at once: excess = equity − requirement,
 * equity = cash + long + short (a short value may be absent), a call is the deficit. Parts an
 * identity leaves interchangeable (requirement and excess; cash and long) are told apart by sign (a
 * requirement or a long value is never negative), by initial margin ≥ maintenance, and by how much
 * of each title's wording belongs to each field; where nothing tells them apart, neither is named.
 * A line no identity explains takes the field its title's wording leans to clearly (`lean`), if no
 * other line has it. Nothing named here is approved automatically (see `account.table.ts`).
 */
export interface RoleLine {
  title: string;
  /** The field the title matched, if any, and whether the label names it unambiguously. */
  match: { field: FieldName; clear: boolean; score: number } | null;
  /** Figure per account, as printed (a word for none is 0). */
  values: ReadonlyMap<string, number>;
}

export type RoleHow = 'label' | 'identity' | 'lean';

export interface Role {
  field: FieldName;
  how: RoleHow;
}

/** Least share of a title's wording that must speak of calls for a line of zeros to be the call. */
const NO_CALL_AFFINITY = 0.5;
/** Worth of other lines (buying power, an initial requirement) that say which side is the requirement: above any title's wording. */
const SIDE_BONUS = 3;

export function assignRoles(lines: RoleLine[]): Map<number, Role> {
  const out = new Map<number, Role>();
  // Clear titles name their lines; a second clear title for the same field is left open.
  const fixed = new Map<FieldName, number>();
  const order = lines
    .map((l, i) => ({ l, i }))
    .filter((x) => x.l.match?.clear)
    .sort((a, b) => b.l.match!.score - a.l.match!.score);
  for (const { l, i } of order) if (!fixed.has(l.match!.field)) fixed.set(l.match!.field, i);
  for (const [f, i] of fixed) out.set(i, { field: f, how: 'label' });
  const isFixed = (i: number) => [...fixed.values()].includes(i);
  const open = lines.map((_, i) => i).filter((i) => !isFixed(i) && lines[i]!.values.size >= MIN_ACCOUNTS);
  const vec = (i: number) => lines[i]!.values;
  const support = (i: number, f: FieldName) => {
    if (fixed.get(f) === i) return 3;
    const l = lines[i]!;
    return affinity(l.title, f) + (l.match?.field === f ? 1 : 0);
  };
  /** Lines that may play field f: its clear line alone, else any open line. */
  const playing = (f: FieldName): number[] => (fixed.has(f) ? [fixed.get(f)!] : open);
  const requirementFields: FieldName[] = ['maintenance_requirement', 'initial_requirement'];
  const initialLine = fixed.get('initial_requirement');
  /** The requirement a line stands for: its own clear field, the one not yet named, else what its wording leans to. */
  const requirementOf = (i: number): FieldName => {
    const own = requirementFields.find((f) => fixed.get(f) === i);
    if (own) return own;
    if (fixed.has('maintenance_requirement')) return 'initial_requirement';
    if (fixed.has('initial_requirement')) return 'maintenance_requirement';
    const l = lines[i]!;
    return l.match?.field === 'initial_requirement' ||
      affinity(l.title, 'initial_requirement') > affinity(l.title, 'maintenance_requirement')
      ? 'initial_requirement'
      : 'maintenance_requirement';
  };

  /**
   * Which of lines x (as the requirement rf) and y (as the excess) the table's other lines say is
   * which, on every account alike: a line that may be buying power and is 2× or 4× one of them is
   * leverage on the excess; a line of initial requirements that one exceeds bounds the maintenance one.
   */
  const sideOf = (e: number, x: number, y: number, rf: FieldName): -1 | 0 | 1 => {
    const others = lines.map((_, i) => i).filter((i) => i !== e && i !== x && i !== y);
    const bp = others.filter((i) => {
      const l = lines[i]!;
      const own = [...fixed].find(([, j]) => j === i)?.[0];
      return (own ?? l.match?.field ?? 'buying_power') === 'buying_power' && mayBeBuyingPower(l.title);
    });
    const init =
      rf === 'maintenance_requirement'
        ? others.filter((i) => {
            const l = lines[i]!;
            return (
              fixed.get('initial_requirement') === i ||
              (!isFixed(i) && (l.match?.field === 'initial_requirement' || leaning(l.title) === 'initial_requirement'))
            );
          })
        : [];
    let vote: -1 | 0 | 1 = 0;
    for (const [a, req] of vec(x)) {
      const exc = vec(y).get(a);
      if (exc === undefined) continue;
      const at = (is: number[]) => is.map((i) => vec(i).get(a)).filter((v): v is number => v !== undefined);
      const v = requirementSide(req, exc, { levered: at(bp), initial: at(init) });
      if (v === 0) continue;
      if (vote !== 0 && vote !== v) return 0;
      vote = v;
    }
    return vote;
  };

  // Every way two or three lines add up to an equity line, with the parts each line may play.
  const sums: Candidate[] = [];
  const equities = playing('total_equity').filter((i) => !allZero(vec(i)) && nonNegative(vec(i)));
  const used = (cand: Candidate) => cand.parts.some(([i]) => !isFixed(i));
  for (const e of equities) {
    const others = [...new Set([...open, ...fixed.values()])].filter((i) => i !== e && !allZero(vec(i)));
    for (let a = 0; a < others.length; a++)
      for (let b = a + 1; b < others.length; b++) {
        const [p, q] = [others[a]!, others[b]!];
        if (!holds([vec(e), vec(p), vec(q)], ([ve, vp, vq]) => near(vp! + vq!, ve!))) continue;
        for (const [x, y] of [
          [p, q],
          [q, p],
        ] as const) {
          // excess = equity − requirement: the requirement is never negative, and never above the initial requirement.
          for (const rf of requirementFields) {
            if (rf !== requirementOf(x)) continue;
            if (!playing(rf).includes(x) || !playing('excess_liquidity').includes(y) || !nonNegative(vec(x))) continue;
            if (
              rf === 'maintenance_requirement' &&
              initialLine !== undefined &&
              initialLine !== x &&
              !holds([vec(x), vec(initialLine)], ([m, i]) => m! <= Math.abs(i!) + 0.005)
            )
              continue;
            // Other lines that say which side is the requirement (buying power, an initial requirement).
            const side = sideOf(e, x, y, rf);
            if (side < 0) continue;
            sums.push({
              parts: [
                [e, 'total_equity'],
                [x, rf],
                [y, 'excess_liquidity'],
              ],
              score: side > 0 ? SIDE_BONUS : 0,
            });
          }
          // equity = cash + long, with no short value printed: a long value is never negative.
          if (playing('long_market_value').includes(x) && playing('cash_balance').includes(y) && nonNegative(vec(x)))
            sums.push({
              parts: [
                [e, 'total_equity'],
                [x, 'long_market_value'],
                [y, 'cash_balance'],
              ],
              score: 0,
            });
        }
      }
    // equity = cash + long + short (a short value printed either way is a debit).
    const shorts = playing('short_market_value').filter((i) => i !== e);
    for (const s of shorts)
      for (const l of playing('long_market_value'))
        for (const c of playing('cash_balance')) {
          if (new Set([e, s, l, c]).size < 4 || !nonNegative(vec(l)) || allZero(vec(l))) continue;
          if (
            !holds([vec(e), vec(c), vec(l), vec(s)], ([ve, vc, vl, vs]) => near(vc! + vl! - Math.abs(vs!), ve!)) ||
            allZero(vec(s))
          )
            continue;
          sums.push({
            parts: [
              [e, 'total_equity'],
              [c, 'cash_balance'],
              [l, 'long_market_value'],
              [s, 'short_market_value'],
            ],
            score: 0.5,
          });
        }
  }
  for (const c of sums) c.score += c.parts.reduce((t, [i, f]) => t + support(i, f), 0);
  // A line the identity alone places needs a word for its part, unless its sign decides it (a line that
  // goes negative is no requirement and no long value): two unknown titles summing to the equity say nothing of which is which.
  const argued = (c: Candidate) =>
    c.parts.filter(([i]) => !isFixed(i)).length <= 1 ||
    c.parts.every(([i, f]) => isFixed(i) || support(i, f) > 0 || [...vec(i).values()].some((v) => v < 0));
  const chosen = pickConsistent(sums.filter((c) => used(c) && argued(c)));
  for (const [i, f] of chosen) if (!out.has(i)) out.set(i, { field: f, how: 'identity' });

  const taken = new Set([...out.values()].map((r) => r.field));
  const lineOf = (f: FieldName) => [...out].find(([, r]) => r.field === f)?.[0];
  const free = () => open.filter((i) => !out.has(i));

  // A short value of zero on every account, where the equity is the cash and the long value alone.
  if (!taken.has('short_market_value') && chosen.some(([, f]) => f === 'long_market_value')) {
    const zeros = free().filter((i) => allZero(vec(i)) && leaning(lines[i]!.title) === 'short_market_value');
    if (zeros.length === 1) out.set(zeros[0]!, { field: 'short_market_value', how: 'identity' });
  }

  // A call is the deficit: max(0, −excess), or max(0, requirement − equity).
  if (!taken.has('margin_call')) {
    const x = lineOf('excess_liquidity');
    const e = lineOf('total_equity');
    const m = lineOf('maintenance_requirement');
    const deficit: Vec | null =
      x !== undefined
        ? new Map([...vec(x)].map(([a, v]) => [a, Math.max(0, -v)]))
        : e !== undefined && m !== undefined
          ? new Map(
              [...vec(e)].flatMap(([a, v]) => (vec(m).has(a) ? [[a, Math.max(0, Math.abs(vec(m).get(a)!) - v)]] : [])),
            )
          : null;
    if (deficit) {
      const calls = free().filter((i) => {
        const l = lines[i]!;
        if (l.match && l.match.field !== 'margin_call') return false;
        if (!holds([vec(i), deficit], ([c, d]) => near(Math.abs(c!), d!))) return false;
        // Zeros alone agree with any account in no deficit: the title must speak of calls.
        return (
          !allZero(vec(i)) ||
          (affinity(l.title, 'margin_call') >= NO_CALL_AFFINITY && leaning(l.title) === 'margin_call')
        );
      });
      if (calls.length === 1) out.set(calls[0]!, { field: 'margin_call', how: 'identity' });
    }
  }

  // Buying power is margin leverage on a base: 2× or 4× the excess (or the SMA) on each account, none in a deficit.
  if (![...out.values()].some((r) => r.field === 'buying_power')) {
    const bases = (['excess_liquidity', 'sma'] as const).map(lineOf).filter((i): i is number => i !== undefined);
    const onBase = free().filter((i) => {
      const l = lines[i]!;
      if (l.match && l.match.field !== 'buying_power') return false;
      return bases.some(
        (b) =>
          [...vec(b).values()].some((v) => v > 0) &&
          holds([vec(i), vec(b)], ([p, x]) => (x! > 0 ? levered(p!, x!) : p === 0)),
      );
    });
    if (onBase.length === 1) out.set(onBase[0]!, { field: 'buying_power', how: 'identity' });
  }

  // Lines no identity explains: the field their wording leans to, if no other line has it.
  const had = new Set([...out.values()].map((r) => r.field));
  const leans = new Map<FieldName, number[]>();
  for (const i of free()) {
    if (lines[i]!.match) continue;
    const f = leaning(lines[i]!.title);
    if (f && !had.has(f)) leans.set(f, [...(leans.get(f) ?? []), i]);
  }
  for (const [f, is] of leans) if (is.length === 1) out.set(is[0]!, { field: f, how: 'lean' });
  return out;
}
