import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/command.parser.ts';
import { normaliseUser } from '../../src/core/commands/command.tokens.ts';

const ok = (text: string, platform: 'slack' | 'teams' | 'console' = 'slack') => {
  const r = parseCommand(text, platform);
  if (!r.ok) throw new Error(`expected ${text} to parse: ${r.problem}`);
  return r.command;
};
const bad = (text: string, platform: 'slack' | 'teams' | 'console' = 'slack') => {
  const r = parseCommand(text, platform);
  if (r.ok) throw new Error(`expected ${text} to be refused, got ${JSON.stringify(r.command)}`);
  return r;
};

describe('the /margin command parser', () => {
  it('reads report ACCOUNT [DATE], upper-casing the account', () => {
    expect(ok('report u1234567')).toEqual({ name: 'report', account: 'U1234567', date: undefined });
    expect(ok('report 7700-44.12 2026-11-27')).toEqual({ name: 'report', account: '7700-44.12', date: '2026-11-27' });
    expect(ok('  REPORT   U1  ')).toEqual({ name: 'report', account: 'U1', date: undefined });
    expect(bad('report').problem).toBe('report needs an account number.');
    expect(bad('report U1 2026-02-30').problem).toMatch(/is not a date as YYYY-MM-DD/);
    expect(bad('report U1 yesterday').subcommand).toBe('report');
    expect(bad('report U1 2026-01-01 extra').problem).toBe('report takes at most 2 arguments.');
  });

  it('reads recent [N] within 1..50, pending, calls, health and help', () => {
    expect(ok('recent')).toEqual({ name: 'recent', limit: 10 });
    expect(ok('recent 25')).toEqual({ name: 'recent', limit: 25 });
    expect(bad('recent 0').problem).toMatch(/from 1 to 50/);
    expect(bad('recent 51').problem).toMatch(/from 1 to 50/);
    expect(bad('recent -3').problem).toMatch(/from 1 to 50/);
    expect(bad('recent 99999999999999999999').problem).toMatch(/from 1 to 50/);
    expect(ok('pending')).toEqual({ name: 'pending' });
    expect(ok('calls')).toEqual({ name: 'calls' });
    expect(ok('health')).toEqual({ name: 'health' });
    expect(ok('help')).toEqual({ name: 'help' });
    expect(ok('')).toEqual({ name: 'help' });
    expect(ok('/margin')).toEqual({ name: 'help' });
    expect(bad('pending now').problem).toBe('pending takes no arguments.');
  });

  it('reads stats [7d|30d|90d], 7d by default', () => {
    expect(ok('stats')).toEqual({ name: 'stats', days: 7 });
    expect(ok('stats 30D')).toEqual({ name: 'stats', days: 30 });
    expect(ok('stats 90d')).toEqual({ name: 'stats', days: 90 });
    expect(bad('stats 14d').problem).toMatch(/7d, 30d or 90d/);
  });

  it('reads export [ACCOUNT|all] [Nd] [csv|xlsx|parquet] in any order, with defaults', () => {
    expect(ok('export')).toEqual({ name: 'export', account: undefined, days: 30, format: 'csv' });
    expect(ok('export all 30d csv')).toEqual({ name: 'export', account: undefined, days: 30, format: 'csv' });
    expect(ok('export u123 90d xlsx')).toEqual({ name: 'export', account: 'U123', days: 90, format: 'xlsx' });
    expect(ok('export PARQUET 7d')).toEqual({ name: 'export', account: undefined, days: 7, format: 'parquet' });
    expect(bad('export 0d').problem).toMatch(/1d to 366d/);
    expect(bad('export 9999d').problem).toMatch(/1d to 366d/);
    expect(bad('export csv xlsx').problem).toBe('export takes one format.');
    expect(bad('export U1 U2').problem).toBe('export takes one account (or all).');
    expect(bad('export all 30d csv more').problem).toBe('export takes at most 3 arguments.');
  });

  it('reads digest here|off|now with an optional kind', () => {
    expect(ok('digest here')).toEqual({ name: 'digest', action: 'here', kind: 'digest' });
    expect(ok('digest OFF weekly')).toEqual({ name: 'digest', action: 'off', kind: 'weekly' });
    expect(ok('digest here alerts')).toEqual({ name: 'digest', action: 'here', kind: 'alerts' });
    expect(ok('digest now')).toEqual({ name: 'digest', action: 'now', kind: 'digest' });
    expect(bad('digest').problem).toBe('digest needs here, off or now.');
    expect(bad('digest sometimes').problem).toMatch(/is not here, off or now/);
    expect(bad('digest now alerts').problem).toMatch(/nothing to post now/);
  });

  it('reads role @user ROLE from Slack mentions, Teams ids and qualified ids', () => {
    expect(ok('role <@U0123|ana> approver')).toEqual({ name: 'role', user: 'slack:U0123', role: 'approver' });
    expect(ok('role <@W0ABC> viewer')).toEqual({ name: 'role', user: 'slack:W0ABC', role: 'viewer' });
    expect(ok('role ADMIN <@U0123>')).toEqual({ name: 'role', user: 'slack:U0123', role: 'admin' });
    expect(ok('role U0999 analyst')).toEqual({ name: 'role', user: 'slack:U0999', role: 'analyst' });
    expect(ok('role 29:1AbC-def approver', 'teams')).toEqual({
      name: 'role',
      user: 'teams:29:1AbC-def',
      role: 'approver',
    });
    expect(ok('role teams:5f1c0a6e-1111-4aaa-9bbb-123456789abc admin', 'teams')).toEqual({
      name: 'role',
      user: 'teams:5f1c0a6e-1111-4aaa-9bbb-123456789abc',
      role: 'admin',
    });
    expect(ok('role slack:U0123 viewer', 'teams')).toEqual({ name: 'role', user: 'slack:U0123', role: 'viewer' });
    expect(bad('role @ana approver').problem).toMatch(/Mention the user with @/);
    expect(bad('role <@U0123> superuser').problem).toMatch(/viewer, analyst, approver or admin/);
    expect(bad('role <@U0123>').problem).toBe('role needs a user and a role.');
    expect(bad('role <at>Ana</at> approver', 'teams').problem).toMatch(/is not a user id/);
  });

  it('normalises users to platform:id', () => {
    expect(normaliseUser('<@U0123|ana>', 'teams')).toBe('slack:U0123');
    expect(normaliseUser('@U0123', 'slack')).toBe('slack:U0123');
    expect(normaliseUser('ana', 'slack')).toBeUndefined();
    expect(normaliseUser('ana', 'console')).toBe('console:ana');
  });

  it('answers unknown subcommands, absurd lengths, SQL and markup with usage, never a throw', () => {
    expect(bad('frobnicate').problem).toBe('Unknown command “frobnicate”.');
    expect(bad('drop table analytics.margin_reports;').problem).toBe('Unknown command “drop”.');
    expect(bad("report U1';DROP--").problem).toMatch(/is not an account number/);
    expect(bad("report U1'; drop table x; --").problem).toBe('report takes at most 2 arguments.');
    expect(bad('report <script>alert(1)</script>').problem).toMatch(/is not an account number/);
    expect(bad('report *bold* `code`').problem).toMatch(/is not an account number|at most 2/);
    expect(bad(`report ${'A'.repeat(65)}`).problem).toMatch(/is not an account number/);
    expect(bad(`report ${'A'.repeat(200)}`).problem).toBe('An argument is too long.');
    expect(bad('x'.repeat(10_000)).problem).toBe('That command is too long.');
    expect(bad(`${'y'.repeat(300)}`).problem).toMatch(/^Unknown command “y{40}…”\.$/);
    for (const weird of ['\u0000', '🙂', 'report \u202e', 'recent 1e3', 'recent 0x10', 'stats ../../etc/passwd']) {
      expect(() => parseCommand(weird, 'slack')).not.toThrow();
    }
  });
});
