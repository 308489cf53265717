import type { FieldName } from '../../contract/fields.ts';
import { namesProfitOrLoss } from '../vocabulary/pnl.words.ts';
import { near } from './accounting.identities.ts';
import { type Assignment, dedupe, type Filled, filled, type Known, key, noCall, pickBest } from './filled.figures.ts';
import { initialFromExcess } from './initial.basis.ts';
import { affinity, leaning } from './label.clarity.ts';
import type { OpenFigure } from './open.figures.ts';
import { levered, mayBeBuyingPower, requirementSide } from './part.evidence.ts';

/**
 * Carries a field family whose labels the vocabulary has never seen: among the figures printed with
 * any label (open figures), finds the ones that, with the values already read, satisfy the
 * identities every margin statement obeys: excess = equity − requirement, equity = cash + long +
 * short, a call is the deficit. Which figure plays which part is settled by the identity's shape
 * (equity is the sum, a requirement is never negative, a short value never positive) and, where the
 * shape leaves two parts interchangeable, by how much of each label's wording belongs to each field.
 * What it assigns stays below review confidence: the identities hold, but no label said so.
 */
/** Worth of printed evidence (buying power, the initial requirement) that says which side is the requirement. */
const SIDE_BONUS = 1;
/** Worth of a placement the labels' own (unsure) reading agrees with: less than a near tie (filled.figures.ts). */
const AGREE_BONUS = 0.2;
/**
 * Figures the identities place, given the values already read. Only fields without a trusted value
 * are filled; a figure already read as a trusted value is never reused.
 */
export function fillByIdentities(known: Map<FieldName, Known>, pool: OpenFigure[]): Filled[] {
  const used = (f: OpenFigure) =>
    [...known.values()].some((k) => k.trusted && k.page === f.page && k.line === f.line && near(k.value, f.value));
  // A zero adds to any sum and differs from nothing: it never confirms a placement.
  const figures = dedupe(pool.filter((f) => !used(f) && f.value !== 0));
  if (figures.length === 0)
    return noCall(
      known,
      pool,
      used,
      known.get('excess_liquidity')?.trusted ? known.get('excess_liquidity')!.value : undefined,
    );
  const trusted = (f: FieldName) => {
    const k = known.get(f);
    return k?.trusted ? k.value : undefined;
  };
  const out: Filled[] = [];
  const taken = new Set<OpenFigure>();
  // A figure the labels already read (unsure) as the part it is placed in: a tie-break, never more.
  const agrees = (field: FieldName, f: OpenFigure | null) => {
    const k = known.get(field);
    return f && k && !k.trusted && k.page === f.page && k.line === f.line && near(k.value, f.value) ? AGREE_BONUS : 0;
  };

  // excess = equity − requirement.
  const reqField = (fig: OpenFigure | null): FieldName =>
    fig && affinity(fig.label, 'initial_requirement') > affinity(fig.label, 'maintenance_requirement')
      ? 'initial_requirement'
      : 'maintenance_requirement';
  // The initial requirement, read or printed under a label that leans to it alone: a bound on the maintenance one.
  const initialFigures = figures.filter((f) => leaning(f.label) === 'initial_requirement');
  const initial =
    trusted('initial_requirement') ?? (initialFigures.length === 1 ? Math.abs(initialFigures[0]!.value) : undefined);
  const e0 = trusted('total_equity');
  const m0 = trusted('maintenance_requirement') ?? trusted('initial_requirement');
  // Both requirements read: the excess may be reckoned from either (futures and derivatives
  // platforms print what is available above the initial margin).
  const trustedReqs = [trusted('maintenance_requirement'), trusted('initial_requirement')].filter(
    (v): v is number => v !== undefined,
  );
  const x0 = trusted('excess_liquidity');
  const call = known.get('margin_call')?.value;
  const emx: Assignment[] = [];
  // Assignments whose excess is an open figure reckoned over the initial margin while the maintenance one is read.
  const availableOverInitial = new Set<Assignment>();
  const byValue = new Map<number, OpenFigure[]>();
  for (const f of figures) byValue.set(key(f.value), [...(byValue.get(key(f.value)) ?? []), f]);
  const find = (v: number) => byValue.get(key(v)) ?? [];
  const fig = (v: number | undefined, f: OpenFigure | null) => ({ figure: f, value: v ?? f!.value });
  const pushEmx = (
    e: number,
    eF: OpenFigure | null,
    m: number,
    mF: OpenFigure | null,
    x: number,
    xF: OpenFigure | null,
  ) => {
    if (m <= 0 || e <= 0) return;
    // A call read beside no deficit breaks call = deficit (unless it restores the initial margin).
    if (call !== undefined && call > 0 && x > 0 && !(initial !== undefined && near(call, initial - e))) return;
    if ([eF, mF, xF].filter(Boolean).length === 0) return;
    // A maintenance requirement is never above the initial one.
    if (initial !== undefined && (!mF || reqField(mF) === 'maintenance_requirement') && m > initial + 0.005) return;
    // Each placed figure's label must speak at least a little of its part; one alone may be silent
    // where the others' labels (or trusted values) argue the identity.
    const mute = [
      eF && !affinity(eF.label, 'total_equity'),
      mF && !affinity(mF.label, 'maintenance_requirement') && !affinity(mF.label, 'initial_requirement'),
      xF && !affinity(xF.label, 'excess_liquidity'),
    ].filter(Boolean).length;
    if (mute > 1 || (mute === 1 && [eF, mF, xF].filter(Boolean).length === 1)) return;
    // Which side is the requirement, where other printed figures say (buying power on the excess, an
    // initial requirement above the maintenance one): the other way round is not an option.
    const own = new Set([eF, mF, xF]);
    const side = requirementSide(m, x, {
      levered: [
        ...figures.filter((f) => !own.has(f) && f.value > 0 && mayBeBuyingPower(f.label)).map((f) => f.value),
        ...[trusted('buying_power')].filter((v): v is number => v !== undefined),
      ],
      initial: [
        ...initialFigures.filter((f) => !own.has(f)).map((f) => f.value),
        ...[trusted('initial_requirement')].filter((v): v is number => v !== undefined),
      ],
    });
    if (side < 0) return;
    const score =
      (side > 0 ? SIDE_BONUS : 0) +
      agrees('total_equity', eF) +
      (mF ? agrees(reqField(mF), mF) : 0) +
      agrees('excess_liquidity', xF) +
      (eF ? affinity(eF.label, 'total_equity') : 1) +
      (mF ? Math.max(affinity(mF.label, 'maintenance_requirement'), affinity(mF.label, 'initial_requirement')) : 1) +
      (xF ? affinity(xF.label, 'excess_liquidity') : 1);
    emx.push({
      parts: new Map([
        ['total_equity', fig(e, eF)],
        ['requirement', fig(m, mF)],
        ['excess_liquidity', fig(x, xF)],
      ]),
      identity: 'excess = equity − requirement',
      score,
      sided: side > 0,
    });
  };
  // Figures of one grid tie together only within one of its columns (current with current, never a
  // current equity with a prior requirement): distinct figures, and at most one column per grid.
  const distinct = (...fs: (OpenFigure | null)[]) => {
    const real = fs.filter((f): f is OpenFigure => f !== null);
    if (new Set(real).size !== real.length) return false;
    const columns = new Map<number, string>();
    for (const f of real) {
      if (!f.column) continue;
      const have = columns.get(f.page);
      if (have !== undefined && have !== f.column) return false;
      columns.set(f.page, f.column);
    }
    return true;
  };
  // With only the initial requirement trusted, the maintenance one may still be among the figures.
  const m1 = trusted('maintenance_requirement');
  if (e0 === undefined || m1 === undefined || x0 === undefined) {
    const eOpts: [number, OpenFigure | null][] = e0 !== undefined ? [[e0, null]] : figures.map((f) => [f.value, f]);
    const mOpts: [number, OpenFigure | null][] = [
      ...trustedReqs.map((v): [number, OpenFigure | null] => [v, null]),
      ...(m1 === undefined ? figures.map((f): [number, OpenFigure | null] => [f.value, f]) : []),
    ];
    for (const [e, eF] of eOpts)
      for (const [m, mF] of mOpts) {
        if (!distinct(eF, mF)) continue;
        if (x0 !== undefined) {
          if (near(e - m, x0)) pushEmx(e, eF, m, mF, x0, null);
          continue;
        }
        for (const xF of find(e - m))
          if (distinct(eF, mF, xF)) {
            const before = emx.length;
            pushEmx(e, eF, m, mF, xF.value, xF);
            if (emx.length > before && !mF && m !== m0) availableOverInitial.add(emx[before]!);
          }
      }
  }
  const bestEmx = pickBest(emx);
  if (bestEmx) {
    for (const [slot, p] of bestEmx.best.parts) {
      if (!p.figure) continue;
      // What stays above the initial margin where the maintenance one is printed is what is available to
      // trade (IBKR's Available Funds), not the excess: it confirms the equity but is no field itself.
      if (slot === 'excess_liquidity' && availableOverInitial.has(bestEmx.best)) continue;
      const field = slot === 'requirement' ? reqField(p.figure) : (slot as FieldName);
      taken.add(p.figure);
      out.push({
        ...filled(field, p.figure, p.value, bestEmx.best.identity, bestEmx.ambiguous),
        sided: bestEmx.best.sided === true,
      });
    }
  }
  const initialBasis = bestEmx ? null : initialFromExcess(known, figures);
  if (initialBasis) out.push(initialBasis);
  const equity = e0 ?? out.find((o) => o.field === 'total_equity')?.value;
  // The equity figure placed above, whose column the parts must share.
  const eqFig = out.find((o) => o.field === 'total_equity')?.figure ?? null;

  // equity = cash + long + short (a short value is never positive; a positive one is its size).
  if (equity !== undefined) {
    const c0 = trusted('cash_balance');
    const l0 = trusted('long_market_value');
    const s0 = trusted('short_market_value');
    const free = figures.filter((f) => !taken.has(f));
    const opts = (v: number | undefined, sign: 'any' | 'pos' | 'neg'): [number, OpenFigure | null][] =>
      v !== undefined
        ? [[v, null]]
        : free.flatMap((f): [number, OpenFigure | null][] =>
            sign === 'neg'
              ? [[-Math.abs(f.value), f]]
              : sign === 'pos'
                ? f.value > 0
                  ? [[f.value, f]]
                  : []
                : [[f.value, f]],
          );
    const ecls: Assignment[] = [];
    const cs = opts(c0, 'any');
    const ls = opts(l0, 'pos');
    const ss =
      s0 !== undefined
        ? [[s0, null] as [number, OpenFigure | null]]
        : [...opts(undefined, 'neg'), [0, null] as [number, OpenFigure | null]];
    for (const [l, lF] of ls)
      for (const [s, sF] of ss) {
        if (!distinct(lF, sF, eqFig)) continue;
        const c = equity - l - s;
        const cOpts =
          c0 !== undefined
            ? near(c0, c)
              ? [[c0, null] as [number, OpenFigure | null]]
              : []
            : cs.filter(([v, f]) => near(v, c) && distinct(f, lF, sF, eqFig));
        for (const [cv, cF] of cOpts) {
          if ([cF, lF, sF].filter(Boolean).length === 0) continue;
          // A short as large as the long value is one figure read twice (a long total printed again), not a position.
          if (sF && near(Math.abs(s), l)) continue;
          if ((cF && !affinity(cF.label, 'cash_balance')) || (lF && !affinity(lF.label, 'long_market_value'))) continue;
          // A short value is printed under a label that speaks of shorts (a negative figure alone may be
          // any debit or loss: open trade equity, a realised loss).
          // A profit or loss on positions (`Unrealized P/L on positions`) is not their short value.
          if (sF && (!affinity(sF.label, 'short_market_value') || namesProfitOrLoss(sF.label))) continue;
          // Without a printed short value the identity is two figures summing to a third: too weak alone.
          if (s === 0 && !sF && s0 === undefined && (!cF || !lF)) continue;
          const score =
            (cF ? affinity(cF.label, 'cash_balance') : 1) +
            (lF ? affinity(lF.label, 'long_market_value') : 1) +
            (sF ? affinity(sF.label, 'short_market_value') : 1);
          ecls.push({
            parts: new Map([
              ['cash_balance', { figure: cF, value: cv }],
              ['long_market_value', { figure: lF, value: l }],
              ['short_market_value', { figure: sF, value: s }],
            ]),
            identity: 'equity = cash + long + short',
            score,
          });
        }
      }
    const best = pickBest(ecls);
    if (best)
      for (const [slot, p] of best.best.parts) {
        if (!p.figure) continue;
        taken.add(p.figure);
        out.push(filled(slot as FieldName, p.figure, p.value, best.best.identity, best.ambiguous));
      }
  }

  // A call is the deficit.
  const x = x0 ?? out.find((o) => o.field === 'excess_liquidity')?.value;
  if (x !== undefined && x >= 0) out.push(...noCall(known, pool, used, x));
  // Buying power is margin leverage on a base: 2× (overnight) or 4× (day trading) the excess or the SMA; none in a deficit.
  if (trusted('buying_power') === undefined) {
    const bases = [x, trusted('sma')].filter((b): b is number => b !== undefined && b > 0);
    const onBase = figures.filter(
      (f) => !taken.has(f) && f.value > 0 && bases.some((b) => levered(f.value, b)) && mayBeBuyingPower(f.label),
    );
    const none =
      x !== undefined && x < 0
        ? pool.filter((f) => !used(f) && f.value === 0 && leaning(f.label) === 'buying_power')
        : [];
    const found = onBase.length > 0 ? onBase : none;
    if (found.length > 0 && new Set(found.map((f) => f.value)).size === 1)
      out.push(filled('buying_power', found[0]!, found[0]!.value, 'buying power = leverage × its base', false));
  }
  if (x !== undefined && x < 0 && trusted('margin_call') === undefined) {
    const calls = figures.filter(
      (f) => !taken.has(f) && near(Math.abs(f.value), -x) && affinity(f.label, 'margin_call') > 0,
    );
    const callFig = calls.sort((a, b) => affinity(b.label, 'margin_call') - affinity(a.label, 'margin_call'))[0];
    if (callFig) out.push(filled('margin_call', callFig, -x, 'call = deficit', calls.length > 1));
  }
  return out;
}
