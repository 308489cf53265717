import type { Segmented } from '../layout/segments.ts';
import { normalizeAccount } from '../parse/account.parser.ts';
import { editDistance } from '../parse/edit.distance.ts';

/**
 * What a layout's account numbers look like, learned from the accounts taught on it: each run of
 * digits a `9`, letters and marks as printed (`U3181430` → `U9`, `860-61044` → `9-9`). Not the
 * number, nor its length (one layout prints `U3181430` and `U45606240`): another account of the
 * layout has the same shape. A scan that reads a speck into the
 * account (`*U0718377`) or reads it otherwise where it is printed again gives a number of another
 * shape; the layout's shape tells which reading is the account.
 */
export const accountShape = (account: string): string => normalizeAccount(account).replace(/\d+/g, '9');

/** The shapes of the taught accounts, one each. */
export const accountShapes = (accounts: readonly (string | null)[]): string[] => [
  ...new Set(accounts.flatMap((a) => (a ? [accountShape(a)] : []))),
];

/** Confidence of an account mended by the layout's shape: a person still looks at it. */
const MENDED_CONF = 0.75;

/**
 * The account mended to the layout's shape, or null when it has that shape already or no reading
 * of that shape is at hand. A reading of another shape is mended by dropping the marks around it (a speck
 * before the number; never a digit, which would guess which digit is extra, nor a letter: `DU123`
 * is another account than `U123`), or
 * by another printing of the account in the document that has the shape and differs from the
 * reading by one character at most.
 */
export function mendAccount(value: string, shapes: readonly string[], lines: readonly Segmented[]): string | null {
  if (shapes.length === 0) return null;
  const read = normalizeAccount(value);
  const fits = (v: string) => shapes.includes(accountShape(v));
  if (fits(read)) return null;
  for (let a = 0; a < read.length; a++)
    for (let b = read.length; b > a; b--) {
      const part = read.slice(a, b);
      if (/[\p{L}\d]/u.test(read.slice(0, a) + read.slice(b))) continue;
      if (fits(part)) return part;
    }
  const printed = new Set<string>();
  for (const line of lines)
    for (const seg of line.segs)
      for (const word of seg.text.split(/\s+/)) {
        const w = normalizeAccount(word);
        if (w !== read && fits(w) && /\d/.test(w) && editDistance(w, read, 1) <= 1) printed.add(w);
      }
  return printed.size === 1 ? [...printed][0]! : null;
}

/** Each account of a document of a known layout mended to the layout's shape (see mendAccount), below review. */
export function fitAccounts(
  accounts: readonly { account: { value: string; conf: number } | null }[],
  shapes: readonly string[] | undefined,
  lines: readonly Segmented[],
): void {
  if (!shapes?.length) return;
  for (const a of accounts) {
    if (!a.account) continue;
    const mended = mendAccount(a.account.value, shapes, lines);
    if (mended) a.account = { ...a.account, value: mended, conf: Math.min(a.account.conf, MENDED_CONF) };
  }
}
