import { z } from 'zod';
import type { Role } from '../access/roles.ts';
import { ROLES } from '../access/roles.ts';
import { EXPORT_FORMATS } from '../export/export.usecases.ts';
import type { Platform } from '../ports/chat.ports.ts';
import type { Subcommand } from './command.grammar.ts';

/** How one token of a command is read: the value schemas, the usage error, and user mentions. */
export const account = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(
    z.string().regex(/^[A-Z0-9][A-Z0-9._/-]{0,63}$/, 'an account number: letters, digits, . - /, up to 64 characters'),
  );

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a real calendar date');

export const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export const days = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}d$/i, 'a number of days such as 30d')
    .transform((s) => Number(s.slice(0, -1)))
    .pipe(z.number().int().min(1).max(max));

export const statsWindow = z.enum(['7d', '30d', '90d']).transform((s) => Number(s.slice(0, -1)) as 7 | 30 | 90);
export const role = z.enum(ROLES as unknown as [Role, ...Role[]]);
export const digestAction = z.enum(['here', 'off', 'now']);
export const channelKind = z.enum(['risk', 'normal']);
export const digestKind = z
  .enum(['daily', 'weekly', 'alerts'])
  .transform((k) => (k === 'daily' ? 'digest' : k) as 'digest' | 'weekly' | 'alerts');
export const format = z.enum(EXPORT_FORMATS);

export const callNumber = z
  .string()
  .regex(/^#?\d{1,12}$/, 'a call number')
  .transform((s) => Number(s.replace('#', '')));
export const amount = z
  .string()
  .regex(/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/, 'an amount')
  .transform((s) => Number(s.replace(/,/g, '')))
  .pipe(z.number().positive());

export class Usage extends Error {}
export const fail = (problem: string): never => {
  throw new Usage(problem);
};

/** Shortens what a user typed before quoting it back (cards escape it; this keeps it readable). */
export const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

export function take<T>(schema: z.ZodType<T>, token: string, what: string): T {
  const r = schema.safeParse(token);
  if (!r.success) return fail(`${quote(token)} is not ${what}.`);
  return r.data;
}

export function atMost(args: string[], n: number, sub: Subcommand) {
  if (args.length > n) fail(`${sub} takes ${n === 0 ? 'no arguments' : `at most ${n} argument${n === 1 ? '' : 's'}`}.`);
}

const SLACK_MENTION = /^<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>$/;
const QUALIFIED = /^(slack|teams|console):([A-Za-z0-9:._@-]{1,120})$/;
const SLACK_ID = /^@?([UW][A-Z0-9]{2,30})$/;
const BARE_ID = /^@?([A-Za-z0-9:._-]{1,120})$/;

/** A user as the platform sends it, normalised to `platform:id`. */
export function normaliseUser(token: string, platform: Platform): string | undefined {
  const mention = SLACK_MENTION.exec(token);
  if (mention) return `slack:${mention[1]}`;
  const qualified = QUALIFIED.exec(token);
  if (qualified) return `${qualified[1]}:${qualified[2]}`;
  if (platform === 'slack') {
    // A bare @name is a display name Slack did not turn into an id: it cannot name a user reliably.
    const id = SLACK_ID.exec(token);
    return id ? `slack:${id[1]}` : undefined;
  }
  const bare = BARE_ID.exec(token);
  return bare ? `${platform}:${bare[1]}` : undefined;
}
