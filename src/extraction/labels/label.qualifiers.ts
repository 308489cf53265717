import { tokenize } from './label.tokens.ts';
import { rateBasisAt } from './rate.basis.ts';

/** Words joined by a plus (or a spaced minus) in a qualifier: a formula of the parts, `(cash + collateral)`. */
const FORMULA = /\p{L}\s*\+\s*\p{L}|\p{L}\s+[-−]\s+\p{L}/u;

/** Whether a qualifier in parentheses is a formula of the parts the figure sums. */
export const isFormula = (qualifier: string): boolean => FORMULA.test(qualifier);

/** A label without its formulas in parentheses: `Account equity (cash + collateral + net option value)` is no sentence. */
export const withoutFormulas = (label: string): string => label.replace(/\([^()]*\)/g, (q) => (isFormula(q) ? ' ' : q));

/** The words of the qualifiers a label is read without, but for rates of a basis (`(90 % av initialmargin)`). */
export const heldWords = (qualifiers: readonly string[]): string[][] =>
  qualifiers.map((q) => tokenize(q).map((t) => t.text)).filter((q) => rateBasisAt(q) !== 0);
