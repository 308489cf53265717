import { z } from 'zod';
import { type Card, textCard } from '../core/cards/card.model.ts';

/**
 * What MarginIQ's own cards put on buttons and in the edit form's metadata, checked at the adapter
 * boundary: a value that is not what a card could carry (a forged click, a stale or mangled payload)
 * is bad input — the clicker is told the report no longer exists and the log gets a warning —
 * and never reaches the database as an "invalid input syntax for type uuid" error.
 */

/** A report or conflict id, as cards put it on Approve/Reject/Edit/Replace/Keep. */
export const buttonValueSchema = z.uuid();

export const editMetadataSchema = z.object({
  reportId: z.uuid(),
  version: z.number().int().positive().max(1_000_000),
  channel: z.string().max(256).optional(),
  messageTs: z.string().max(64).optional(),
});

export type EditMetadata = z.infer<typeof editMetadataSchema>;

export const NO_SUCH_REPORT = 'That report no longer exists.';

export const noSuchReport = (): Card => textCard('Not found', NO_SUCH_REPORT, 'warning');

/** The id on a button, or undefined (and a warning) when it is not one MarginIQ could have sent. */
export function readButtonValue(
  value: unknown,
  log: { warn(o: object, m?: string): void },
  where: Record<string, unknown>,
): string | undefined {
  const parsed = buttonValueSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.warn({ ...where, value: String(value).slice(0, 80) }, 'button value refused: not a report id');
  return undefined;
}

/** The edit form's metadata (a JSON string in Slack, fields of the card data in Teams), or undefined. */
export function readEditMetadata(
  raw: unknown,
  log: { warn(o: object, m?: string): void },
  where: Record<string, unknown>,
): EditMetadata | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
  }
  const parsed = editMetadataSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.warn({ ...where, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'edit metadata refused');
  return undefined;
}
