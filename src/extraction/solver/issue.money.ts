/** A figure as an issue message prints it. */
export const money = (v: number | string) =>
  typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : v;
