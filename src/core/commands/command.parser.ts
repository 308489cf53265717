import { z } from 'zod';
import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type { Role } from '../access/roles.ts';
import { ROLES } from '../access/roles.ts';
import { EXPORT_FORMATS } from '../export/export.usecases.ts';
import type { Platform } from '../ports/chat.ports.ts';

/** Anything longer is not a command someone typed. */
export const MAX_COMMAND_CHARS = 500;
const MAX_TOKEN_CHARS = 128;
export const MAX_RECENT = 50;
export const MAX_EXPORT_DAYS = 366;

export const SUBCOMMANDS = [
  'report',
  'recent',
  'pending',
  'calls',
  'call',
  'stats',
  'health',
  'export',
  'digest',
  'role',
  'four-eyes',
  'channel',
  'home',
  'layouts',
  'forget',
  'help',
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export const USAGE: Record<Subcommand, string> = {
  report: 'report ACCOUNT [YYYY-MM-DD] — the latest (or dated) report of an account',
  recent: `recent [N] — the N most recent reports (default 10, at most ${MAX_RECENT})`,
  pending: 'pending — reports waiting for approval, oldest first',
  calls: 'calls — open, overdue and disputed margin calls with age, due date and amount, oldest first',
  call: 'call NUMBER [met [AMOUNT] | dispute REASON | waive [NOTE] | reopen [NOTE]] — one call’s history, or move it',
  stats:
    'stats [7d|30d|90d] — the scoreboard: uptime, errors, response time, users, adoption, satisfaction (default 7d)',
  health: 'health — service health and the last 10 warnings and errors (admins)',
  export: 'export [ACCOUNT|all] [30d] [csv|xlsx|parquet] — a file of reports (default: all, 30d, csv)',
  digest: 'digest here|off|now [daily|weekly|alerts] — subscribe this channel, unsubscribe it, or post the digest now',
  role: 'role @user viewer|analyst|approver|admin — assign a role (admins only)',
  'four-eyes': 'four-eyes on|off — whether the person who shared a PDF may approve it (admins only; default on)',
  channel:
    'channel risk|normal — mark this channel as a risk channel, where the whole book may be posted, or back to normal (admins only)',
  home: 'home — your queue of reports to approve, margin calls, service status and the last digests',
  layouts: 'layouts — the statement layouts corrections taught, with who taught each field and when (admins only)',
  forget: 'forget LAYOUT [FIELD] — delete what a layout learned, one field or all of it (admins only)',
  help: 'help — this list',
};

const account = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(
    z.string().regex(/^[A-Z0-9][A-Z0-9._/-]{0,63}$/, 'an account number: letters, digits, . - /, up to 64 characters'),
  );

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a real calendar date');

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

const days = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}d$/i, 'a number of days such as 30d')
    .transform((s) => Number(s.slice(0, -1)))
    .pipe(z.number().int().min(1).max(max));

const statsWindow = z.enum(['7d', '30d', '90d']).transform((s) => Number(s.slice(0, -1)) as 7 | 30 | 90);
const role = z.enum(ROLES as unknown as [Role, ...Role[]]);
const digestAction = z.enum(['here', 'off', 'now']);
const channelKind = z.enum(['risk', 'normal']);
const digestKind = z
  .enum(['daily', 'weekly', 'alerts'])
  .transform((k) => (k === 'daily' ? 'digest' : k) as 'digest' | 'weekly' | 'alerts');
const format = z.enum(EXPORT_FORMATS);

export type Command =
  | { name: 'report'; account: string; date?: string | undefined }
  | { name: 'recent'; limit: number }
  | { name: 'pending' }
  | { name: 'calls' }
  | { name: 'call'; number: number; move?: CallMove | undefined }
  | { name: 'stats'; days: 7 | 30 | 90 }
  | { name: 'health' }
  | { name: 'export'; account?: string | undefined; days: number; format: (typeof EXPORT_FORMATS)[number] }
  | { name: 'digest'; action: 'here' | 'off' | 'now'; kind: 'digest' | 'weekly' | 'alerts' }
  | { name: 'role'; user: string; role: Role }
  | { name: 'four-eyes'; on: boolean }
  | { name: 'channel'; kind: 'risk' | 'normal' }
  | { name: 'home' }
  | { name: 'layouts' }
  | { name: 'forget'; layout: string; field?: FieldName | undefined }
  | { name: 'help' };

/** `call N met 500`, `call N dispute wrong price`, `call N waive`, `call N reopen` (issue 15). */
export interface CallMove {
  to: 'met' | 'disputed' | 'waived' | 'reopened';
  amount?: number | undefined;
  note?: string | undefined;
}

const CALL_VERBS: Record<string, CallMove['to']> = {
  met: 'met',
  dispute: 'disputed',
  waive: 'waived',
  reopen: 'reopened',
};

const callNumber = z
  .string()
  .regex(/^#?\d{1,12}$/, 'a call number')
  .transform((s) => Number(s.replace('#', '')));
const amount = z
  .string()
  .regex(/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/, 'an amount')
  .transform((s) => Number(s.replace(/,/g, '')))
  .pipe(z.number().positive());

function parseCall(args: string[]): Command {
  if (args.length === 0) fail('call needs a call number (see /margin calls).');
  const number = take(callNumber, args[0]!, 'a call number such as 12');
  if (args.length === 1) return { name: 'call', number };
  const to = CALL_VERBS[args[1]!.toLowerCase()];
  if (!to) fail(`${quote(args[1]!)} is not met, dispute, waive or reopen.`);
  let rest = args.slice(2);
  let amt: number | undefined;
  if (to === 'met' && rest[0] !== undefined && /^[\d,.]+$/.test(rest[0])) {
    amt = take(amount, rest[0], 'an amount such as 125000 or 125,000.50');
    rest = rest.slice(1);
  }
  const note = rest.join(' ').trim() || undefined;
  if (to === 'disputed' && !note) fail('dispute needs a reason, e.g. call 12 dispute positions priced wrong.');
  return { name: 'call', number, move: { to: to!, amount: amt, note } };
}

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; problem: string; subcommand?: Subcommand | undefined };

class Usage extends Error {}
const fail = (problem: string): never => {
  throw new Usage(problem);
};

/** Shortens what a user typed before quoting it back (cards escape it; this keeps it readable). */
export const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

function take<T>(schema: z.ZodType<T>, token: string, what: string): T {
  const r = schema.safeParse(token);
  if (!r.success) return fail(`${quote(token)} is not ${what}.`);
  return r.data;
}

function atMost(args: string[], n: number, sub: Subcommand) {
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

function parseArgs(sub: Subcommand, args: string[], platform: Platform): Command {
  switch (sub) {
    case 'report': {
      if (args.length === 0) fail('report needs an account number.');
      atMost(args, 2, sub);
      const acct = take(account, args[0]!, 'an account number');
      return {
        name: 'report',
        account: acct,
        date: args[1] === undefined ? undefined : take(isoDate, args[1], 'a date as YYYY-MM-DD'),
      };
    }
    case 'recent':
      atMost(args, 1, sub);
      return {
        name: 'recent',
        limit: args[0] === undefined ? 10 : take(positiveInt(MAX_RECENT), args[0], `a number from 1 to ${MAX_RECENT}`),
      };
    case 'pending':
    case 'calls':
    case 'health':
    case 'home':
    case 'help':
      atMost(args, 0, sub);
      return { name: sub };
    case 'call':
      return parseCall(args);
    case 'stats':
      atMost(args, 1, sub);
      return {
        name: 'stats',
        days: args[0] === undefined ? 7 : take(statsWindow, args[0].toLowerCase(), '7d, 30d or 90d'),
      };
    case 'export': {
      atMost(args, 3, sub);
      let acct: string | undefined;
      let window: number | undefined;
      let fmt: (typeof EXPORT_FORMATS)[number] | undefined;
      let scoped = false;
      for (const a of args) {
        const lower = a.toLowerCase();
        if (format.safeParse(lower).success) {
          if (fmt) fail('export takes one format.');
          fmt = format.parse(lower);
        } else if (/^\d+d$/i.test(a)) {
          if (window) fail('export takes one window.');
          window = take(days(MAX_EXPORT_DAYS), a, `a window from 1d to ${MAX_EXPORT_DAYS}d`);
        } else {
          if (scoped) fail('export takes one account (or all).');
          scoped = true;
          acct = lower === 'all' ? undefined : take(account, a, 'an account number or all');
        }
      }
      return { name: 'export', account: acct, days: window ?? 30, format: fmt ?? 'csv' };
    }
    case 'digest': {
      if (args.length === 0) fail('digest needs here, off or now.');
      atMost(args, 2, sub);
      const action = take(digestAction, args[0]!.toLowerCase(), 'here, off or now');
      const kind =
        args[1] === undefined ? 'digest' : take(digestKind, args[1].toLowerCase(), 'daily, weekly or alerts');
      if (action === 'now' && kind === 'alerts')
        fail('alerts are posted when health changes; there is nothing to post now.');
      return { name: 'digest', action, kind };
    }
    case 'layouts':
      atMost(args, 0, sub);
      return { name: 'layouts' };
    case 'forget': {
      if (args.length === 0) fail('forget needs a layout, as layouts lists it (L and 8 characters).');
      atMost(args, 2, sub);
      const id = /^l([0-9a-f]{8})$/i.exec(args[0]!);
      if (!id) fail(`${quote(args[0]!)} is not a layout (L and 8 characters, as layouts lists it).`);
      const field = args[1]?.toLowerCase();
      if (field !== undefined && !(FIELD_NAMES as readonly string[]).includes(field))
        fail(`${quote(args[1]!)} is not a field (${FIELD_NAMES.join(', ')}).`);
      return { name: 'forget', layout: `L${id![1]!.toLowerCase()}`, field: field as FieldName | undefined };
    }
    case 'four-eyes': {
      if (args.length !== 1) fail('four-eyes needs on or off.');
      const v = take(z.enum(['on', 'off']), args[0]!.toLowerCase(), 'on or off');
      return { name: 'four-eyes', on: v === 'on' };
    }
    case 'channel': {
      if (args.length === 0) fail('channel needs risk or normal.');
      atMost(args, 1, sub);
      return { name: 'channel', kind: take(channelKind, args[0]!.toLowerCase(), 'risk or normal') };
    }
    case 'role': {
      if (args.length !== 2) fail('role needs a user and a role.');
      // Either order: `role @ana approver` or `role approver @ana`.
      const [a, b] = args as [string, string];
      const roleFirst = role.safeParse(a.toLowerCase()).success;
      const [who, what] = roleFirst ? [b, a] : [a, b];
      const r = take(role, what.toLowerCase(), 'viewer, analyst, approver or admin');
      const user = normaliseUser(who, platform);
      if (!user) {
        fail(
          platform === 'slack'
            ? `${quote(who)} is not a user mention. Mention the user with @ so Slack sends their id.`
            : `${quote(who)} is not a user id.`,
        );
      }
      return { name: 'role', user: user!, role: r };
    }
  }
}

/** Parses `/margin …` text. Never throws: anything unusable comes back as a problem to show with usage. */
export function parseCommand(text: string, platform: Platform): ParseResult {
  if (text.length > MAX_COMMAND_CHARS) return { ok: false, problem: 'That command is too long.' };
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens[0] === '/margin' || (tokens[0]?.toLowerCase() === 'margin' && tokens.length > 1)) tokens.shift();
  if (tokens.length === 0) return { ok: true, command: { name: 'help' } };
  const head = tokens[0]!.toLowerCase();
  if (!(SUBCOMMANDS as readonly string[]).includes(head)) {
    return { ok: false, problem: `Unknown command ${quote(tokens[0]!)}.` };
  }
  const sub = head as Subcommand;
  const args = tokens.slice(1);
  if (args.some((a) => a.length > MAX_TOKEN_CHARS))
    return { ok: false, problem: 'An argument is too long.', subcommand: sub };
  try {
    return { ok: true, command: parseArgs(sub, args, platform) };
  } catch (err) {
    if (err instanceof Usage) return { ok: false, problem: err.message, subcommand: sub };
    throw err;
  }
}
