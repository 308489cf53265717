/**
 * Broker hints, as data. The generic extractor reads every layout; a profile only names the broker
 * and, where the broker prints account numbers without a label, says what they look like.
 */
export interface LayoutProfile {
  broker: string;
  /** Text that identifies the broker's documents. */
  match: RegExp;
  /** Account number shape, used only when no labelled account is found. */
  account?: RegExp;
}

export const LAYOUT_PROFILES: readonly LayoutProfile[] = [
  { broker: 'Interactive Brokers', match: /interactive\s+brokers|\bibkr\b/i, account: /\b[UF]\d{6,8}\b/ },
  { broker: 'Charles Schwab', match: /charles\s+schwab|\bschwab\b/i, account: /\b\d{4}-\d{4}\b/ },
  { broker: 'Fidelity', match: /fidelity\s+(investments|brokerage)|\bfidelity\b/i, account: /\b[A-Z]\d{2}-\d{6}\b/ },
  { broker: 'TD Ameritrade', match: /td\s+ameritrade/i },
  { broker: 'E*TRADE', match: /e\s?\*\s?trade/i },
  { broker: 'Morgan Stanley', match: /morgan\s+stanley/i },
  { broker: 'Goldman Sachs', match: /goldman\s+sachs/i },
  { broker: 'J.P. Morgan', match: /j\.?\s?p\.?\s+morgan/i },
  { broker: 'Merrill', match: /merrill\s+(lynch|edge)?/i },
  { broker: 'Wells Fargo', match: /wells\s+fargo/i },
  { broker: 'Pershing', match: /\bpershing\b/i },
  { broker: 'Apex Clearing', match: /apex\s+clearing/i },
  { broker: 'StoneX', match: /\bstonex\b|\bintl\s+fcstone\b/i },
  { broker: 'Marex', match: /\bmarex\b/i },
  { broker: 'ADM Investor Services', match: /\badm\s+investor\s+services\b|\badmis\b/i },
  { broker: "R.J. O'Brien", match: /r\.?\s?j\.?\s+o['’]brien|\brjo\b/i },
  { broker: 'Wedbush', match: /\bwedbush\b/i },
  { broker: 'Ironbeam', match: /\bironbeam\b/i },
  { broker: 'Phillip Capital', match: /phillip\s+capital/i },
  { broker: 'Dorman Trading', match: /\bdorman\b/i },
  { broker: 'Advantage Futures', match: /advantage\s+futures/i },
  { broker: 'Saxo', match: /\bsaxo\b/i },
  { broker: 'UBS', match: /\bubs\b/i },
  { broker: 'BNP Paribas', match: /bnp\s+paribas/i },
  { broker: 'Société Générale', match: /soci[ée]t[ée]\s+g[ée]n[ée]rale/i },
  { broker: 'Citi', match: /\bcitigroup\b|\bciti\b/i },
  { broker: 'Barclays', match: /\bbarclays\b/i },
  { broker: 'Macquarie', match: /\bmacquarie\b/i },
  { broker: 'Robinhood', match: /\brobinhood\b/i },
  { broker: 'Tastytrade', match: /\btastytrade\b|\btastyworks\b/i },
];

/** The broker named in the document's first lines (or anywhere), with its hints. */
export function detectProfile(headText: string, fullText: string): LayoutProfile | null {
  return (
    LAYOUT_PROFILES.find((p) => p.match.test(headText)) ?? LAYOUT_PROFILES.find((p) => p.match.test(fullText)) ?? null
  );
}

/** A broker name printed as `… Clearing LLC`, `… Securities`, `… Futures` at the top, when no profile knows it. */
export function guessBroker(headLines: string[]): string | null {
  for (const l of headLines) {
    const m = l.match(
      /\b([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}\s+(?:Securities|Clearing|Futures|Brokerage|Capital|Markets|Financial|Trading|Investments?|Brokers?)(?:,?\s+(?:LLC|Inc\.?|Ltd\.?|LP|L\.P\.|plc|AG|SA|N\.A\.))?)/,
    );
    if (m) return m[1]!.trim();
  }
  return null;
}
