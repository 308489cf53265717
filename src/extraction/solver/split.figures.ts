import type { Segment } from '../layout/segments.ts';

/** A figure's leading digits, cut off where OCR misread its first group mark: `-41`, `7`. */
const HEAD = /^([-−]?)\s?(\d{1,3})$/;
/** The rest of it: three digits, perhaps more groups, decimals; the misread mark may lead it (`-300,00`). */
const TAIL = /^([-−]?)\s?(\d{3}(?:[.,'’]\d{3})*)[.,](\d{2})(-?)$/;

/**
 * OCR cuts a figure in two at a group mark it misreads (`-41.300,00` read `-41 -300,00`): a whole
 * number of one to three digits in the same cell as a figure of three digits and decimals. The two
 * read as one figure, offered to the identities only (`pool.fills.ts` takes an open figure where an
 * identity requires exactly its value, below review); null where the pieces do not fit, or where
 * they are a text layer's, which prints what it means. A minus before the second piece is the misread
 * mark only where the first piece carries one too.
 */
export function joinedPieces(head: Segment | undefined, tail: Segment): Segment | null {
  if (head?.kind !== 'amount' || tail.kind !== 'amount' || head.cell !== tail.cell) return null;
  if (head.conf >= 1 || tail.conf >= 1 || !tail.amount) return null;
  const h = HEAD.exec(head.text.trim());
  const t = TAIL.exec(tail.text.trim());
  if (!h || !t) return null;
  const [, sign, lead] = h;
  const [, markRead, groups, cents, trailing] = t;
  if ((markRead && !sign) || (sign && trailing)) return null;
  const value = Number(`${lead}${groups!.replace(/\D/g, '')}.${cents}`);
  return {
    ...tail,
    text: `${head.text} ${tail.text}`,
    x0: head.x0,
    conf: Math.min(head.conf, tail.conf),
    amount: { ...tail.amount, value: sign || trailing ? -value : value },
  };
}
