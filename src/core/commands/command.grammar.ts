import type { FieldName } from '../../contract/fields.ts';
import type { Role } from '../access/roles.ts';
import type { EXPORT_FORMATS } from '../export/export.usecases.ts';

/** Anything longer is not a command someone typed. */
export const MAX_COMMAND_CHARS = 500;
export const MAX_TOKEN_CHARS = 128;
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

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; problem: string; subcommand?: Subcommand | undefined };
