/**
 * Labels of the open positions' unrealised profit or loss, as derivatives platforms (futures, CFD/FX,
 * crypto) print it beside the account's cash: the equity is that cash plus this figure.
 */
export const OPEN_PNL_WORDS: readonly string[] = [
  'unrealized pnl',
  'unrealised pnl',
  'unrealized profit loss',
  'unrealised profit loss',
  'unrealized profit and loss',
  'unrealised profit and loss',
  'unrealized gain loss',
  'unrealised gain loss',
  'floating pnl',
  'floating profit loss',
  'open pnl',
  'open profit loss',
  'open trade equity',
  'ote',
];

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/\bp\s*&\s*l\b/g, 'pnl')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const PHRASES = OPEN_PNL_WORDS.map(words);

/** True when a label names the open positions' unrealised P&L (`Unrealized PNL (USDT)`, `OPEN TRADE EQUITY`). */
export function isOpenPnl(label: string): boolean {
  const w = words(label);
  return PHRASES.some((p) => w.some((_, i) => p.every((x, k) => w[i + k] === x)));
}

/** Words that make a label a profit or loss (`Unrealized P/L on positions`, `Gain/Loss`), never a market value. */
const PROFIT_OR_LOSS = /(^|[^\p{L}])(p\s*[&/]\s*l|pnl|profit|loss|gain)([^\p{L}]|$)/iu;

/** True when a label names a profit or loss, realised or not (an open position's, `Open Trade Equity`, too). */
export function namesProfitOrLoss(label: string): boolean {
  return PROFIT_OR_LOSS.test(label) || isOpenPnl(label);
}
