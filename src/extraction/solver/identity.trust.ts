import type { FieldName } from '../../contract/fields.ts';
import { type Identity, identitiesBroken, identitiesHolding, type Values } from './accounting.identities.ts';

/**
 * Which identities vouch for the chosen values, and which put fields in doubt.
 *
 * An identity that holds only through a figure the solver repaired (misread.repair.ts) vouches for
 * none of its fields: it was made to hold. As read it is broken, and the misread may be another
 * field's (a lost leading digit is no one-glyph slip, and a one-glyph change elsewhere can make up
 * for it), so each of its fields stays in doubt.
 *
 * An identity that ties two printings of one amount (call = deficit) vouches for neither where one
 * of them is in doubt by another identity: a scan misreads the same digits the same way twice, so
 * the two agreeing proves only that they were read alike.
 */
export function identityTrust(
  chosen: Values,
  repaired: ReadonlySet<FieldName>,
  shortZero: boolean,
): { holding: Identity[]; broken: Identity[] } {
  const made = (h: Identity) => h.fields.some((f) => repaired.has(f));
  const all = identitiesHolding(chosen, shortZero);
  let holding = all.filter((h) => !made(h));
  const broken = [
    ...identitiesBroken(chosen, shortZero),
    ...all.filter(made).map((h) => ({ ...h, name: `${h.name} as read`, bonus: 0 })),
  ];
  const vouched = (g: FieldName) => holding.some((h) => !h.mirror && h.confirms !== false && h.fields.includes(g));
  const doubted = (g: FieldName) => broken.some((b) => b.fields.includes(g)) && !vouched(g);
  const blind = holding.filter((h) => h.mirror && h.fields.some(doubted));
  holding = holding.filter((h) => !blind.includes(h));
  for (const h of blind) {
    const why = h.fields.find(doubted)!;
    broken.push({ ...h, name: `${h.name}, whose ${why.replace(/_/g, ' ')} is in doubt`, bonus: 0 });
  }
  return { holding, broken };
}
