import { z } from 'zod';
import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import type { EXPORT_FORMATS } from '../export/export.usecases.ts';
import type { Platform } from '../ports/chat.ports.ts';
import {
  type CallMove,
  type Command,
  MAX_COMMAND_CHARS,
  MAX_EXPORT_DAYS,
  MAX_RECENT,
  MAX_TOKEN_CHARS,
  type ParseResult,
  SUBCOMMANDS,
  type Subcommand,
} from './command.grammar.ts';
import {
  account,
  amount,
  atMost,
  callNumber,
  channelKind,
  days,
  digestAction,
  digestKind,
  fail,
  format,
  isoDate,
  normaliseUser,
  positiveInt,
  quote,
  role,
  statsWindow,
  take,
  Usage,
} from './command.tokens.ts';

const CALL_VERBS: Record<string, CallMove['to']> = {
  met: 'met',
  dispute: 'disputed',
  waive: 'waived',
  reopen: 'reopened',
};

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
