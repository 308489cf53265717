import type { FieldName } from '../../contract/fields.ts';
import { near } from './accounting.identities.ts';
import { type Filled, filled, type Known } from './filled.figures.ts';
import { affinity } from './label.clarity.ts';
import type { OpenFigure } from './open.figures.ts';

/**
 * The excess a statement prints may be reckoned over the initial requirement (`Margin Surplus` beside
 * `Required Margin (30%)` and `Maintenance Margin (20%)`): where equity, maintenance and excess are read
 * under clear labels and excess = equity − maintenance breaks, while one other printed figure whose
 * label speaks of a requirement is exactly equity − excess and above the maintenance requirement, that
 * figure is the initial requirement. Its label named no field the vocabulary could tell, so it stays
 * below review, with the identity as the reason.
 */
export function initialFromExcess(known: Map<FieldName, Known>, figures: OpenFigure[]): Filled | null {
  if (known.get('initial_requirement')?.trusted) return null;
  const trusted = (f: FieldName) => (known.get(f)?.trusted ? known.get(f)!.value : undefined);
  const e = trusted('total_equity');
  const m = trusted('maintenance_requirement');
  const x = trusted('excess_liquidity');
  if (e === undefined || m === undefined || x === undefined || near(e - m, x)) return null;
  const basis = e - x;
  if (basis <= m) return null;
  const found = figures.filter(
    (f) =>
      near(f.value, basis) &&
      (affinity(f.label, 'initial_requirement') > 0 || affinity(f.label, 'maintenance_requirement') > 0),
  );
  if (found.length === 0 || found.some((f) => f.label !== found[0]!.label)) return null;
  return filled('initial_requirement', found[0]!, basis, 'excess = equity − initial', false);
}
