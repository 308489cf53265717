// Amount formatting the way different statement families print it. The truth always holds the signed number.

export const r2 = (n: number): number => Math.round(n * 100) / 100;

function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export interface MoneyStyle {
  /** thousands separator */
  group?: string;
  /** decimal mark */
  dec?: string;
  /** currency symbol or code */
  sym?: string;
  /** symbol after the number (with a space) */
  symAfter?: boolean;
  /** how a negative shows: -1.00, (1.00), 1.00DR, 1.00- */
  neg?: 'minus' | 'parens' | 'dr' | 'trailing';
  /** print .00 instead of 0.00 for a zero (line-printer style) */
  bareZero?: boolean;
  /** show a leading + for positives */
  plus?: boolean;
}

export function money(n: number, s: MoneyStyle = {}): string {
  const v = r2(n);
  const neg = v < 0;
  const [i, f] = Math.abs(v).toFixed(2).split('.') as [string, string];
  let body = `${group(i, s.group ?? ',')}${s.dec ?? '.'}${f}`;
  if (s.bareZero && v === 0) body = `${s.dec ?? '.'}00`;
  if (s.sym) body = s.symAfter ? `${body} ${s.sym}` : `${s.sym}${body}`;
  if (!neg) return s.plus && v > 0 ? `+${body}` : body;
  switch (s.neg ?? 'minus') {
    case 'parens':
      return `(${body})`;
    case 'dr':
      return `${body}DR`;
    case 'trailing':
      return `${body}-`;
    default:
      return `-${body}`;
  }
}

export const usd = (n: number, neg: MoneyStyle['neg'] = 'minus'): string => money(n, { sym: '$', neg });
export const num = (n: number, neg: MoneyStyle['neg'] = 'minus'): string => money(n, { neg });
export const gbp = (n: number): string => money(n, { sym: '\u00a3' });
export const eur = (n: number, neg: MoneyStyle['neg'] = 'minus'): string => money(n, { group: '.', dec: ',', neg });
export const pct = (n: number, d = 2): string => `${n.toFixed(d)}%`;
