import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Role } from '../../src/core/access/roles.ts';
import type { ActionKind } from '../../src/core/cards/card.model.ts';
import { type Service, startService } from '../../src/main.ts';
import { sampleReport, scriptedExtractor } from '../support/fakes.ts';

const ROLES: Role[] = ['viewer', 'analyst', 'approver', 'admin'];
const user = (r: Role) => `console:${r}-matrix`;

/** Who may do what: the expectation is written out, not derived from the code under test. */
const ALLOWED: Record<string, Role[]> = {
  approve: ['approver', 'admin'],
  reject: ['approver', 'admin'],
  edit: ['approver', 'admin'],
  replace: ['approver', 'admin'],
  keep: ['approver', 'admin'],
  role: ['admin'],
  'four-eyes': ['admin'],
  export: ['analyst', 'approver', 'admin'],
  'digest here': ['analyst', 'approver', 'admin'],
};

/**
 * Issue 18: the conversation dimension. Every upload below is shared in the console's `local`
 * conversation by the analyst. A click or a question comes from one of these places.
 */
type Place = 'shared here' | 'another conversation' | 'a personal chat';
const PLACES: Record<Place, { conversation: { platform: 'console'; channelId: string }; personal?: boolean }> = {
  'shared here': { conversation: { platform: 'console', channelId: 'local' } },
  'another conversation': { conversation: { platform: 'console', channelId: 'elsewhere' } },
  'a personal chat': { conversation: { platform: 'console', channelId: 'dm' }, personal: true },
};
/** Who may decide (approve, reject, edit, replace, keep) from each place: written out, not derived. */
const DECIDE_FROM: Record<Place, Role[]> = {
  'shared here': ['approver', 'admin'],
  'another conversation': [],
  'a personal chat': ['approver', 'admin'],
};
/** Who is shown a report by `report ACCT` from each place, answered privately or posted into it. */
const READ_FROM: Record<string, Role[]> = {
  'shared here, privately': ['viewer', 'analyst', 'approver', 'admin'],
  'shared here, posted': ['viewer', 'analyst', 'approver', 'admin'],
  // The analyst uploaded it: their own uploads follow them; approvers and admins may decide it.
  'another conversation, privately': ['analyst', 'approver', 'admin'],
  'another conversation, posted': [],
  'a personal chat, privately': ['analyst', 'approver', 'admin'],
};

const waitFor = async <T>(fn: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('every action against every role', () => {
  let service: Service;
  let n = 0;
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'marginiq-matrix-'));
    if (process.env.MARGINIQ_PGLITE_TEMPLATE)
      cpSync(process.env.MARGINIQ_PGLITE_TEMPLATE, path.join(dataDir, 'db'), { recursive: true });
    const loaded = loadConfig({ DATA_DIR: dataDir, PORT: '0', ADMINS: user('admin') });
    if (!loaded.ok) throw new Error('config');
    // Each upload names its account in its bytes; "dup:" uploads repeat an account to raise a conflict.
    const extractor = scriptedExtractor((bytes) => {
      const account = new TextDecoder().decode(bytes).match(/acct=(\S+)/)?.[1] ?? 'X';
      return { reports: [sampleReport({ account_number: account })], method: 'text', pages: 1, processing_time_ms: 3 };
    });
    service = await startService(loaded.config, pino({ level: 'silent' }), 'start', { extractor, schedules: false });
    for (const r of ['viewer', 'analyst', 'approver'] as Role[]) await service.repos.roles.set(user(r), r, 'test');
  });
  afterAll(() => service?.stop());

  const upload = async (account: string, tag = '') => {
    n += 1;
    const { ingestion } = await service.chat.upload({
      platform: 'console',
      sourceRef: `matrix-${n}`,
      fileName: `m${n}.pdf`,
      bytes: new TextEncoder().encode(`%PDF-1.7 acct=${account} ${tag} ${n}`),
      channelId: 'local',
      uploadedBy: user('analyst'),
    });
    return waitFor(async () => {
      const i = await service.repos.ingestions.findById(ingestion.id);
      return i?.status === 'processed' ? i : undefined;
    });
  };
  const pendingReport = async () => {
    const i = await upload(`MX${n + 1}`);
    return (await service.repos.reports.byIngestion(i.id))[0]!;
  };
  const openConflict = async () => {
    const account = `CF${n + 1}`;
    await upload(account);
    const second = await upload(account, 'again');
    return (await service.repos.conflicts.byIngestion(second.id))[0]!;
  };
  const refused = (card: { title: string } | undefined) => card?.title === 'Not allowed';
  const notShared = (card: { title: string } | undefined) => card?.title === 'Not shared here';

  async function attempt(action: string, role: Role, place?: Place): Promise<boolean> {
    const who = user(role);
    const where = place ? PLACES[place] : undefined;
    // The console answers commands privately, as its handler does.
    const ctx = { user: who, conversation: { platform: 'console' as const, channelId: 'local' }, privateReplies: true };
    switch (action) {
      case 'approve':
      case 'reject':
      case 'edit': {
        const r = await pendingReport();
        let out = await service.chat.action({
          user: who,
          kind: action as ActionKind,
          value: r.id,
          ...(where ? { where } : {}),
        });
        // Reject opens the reason form (issue 14); its submission decides.
        if (action === 'reject' && out.form) {
          const sent = await service.chat.submitEdit({
            user: who,
            reportId: r.id,
            values: { reason_code: 'other' },
            reason: '',
            ...(where ? { where } : {}),
          });
          if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
          out = sent.outcome;
        }
        const after = await service.repos.reports.findById(r.id);
        if (refused(out.notice) || notShared(out.notice)) {
          expect(after?.status).toBe('pending');
          return false;
        }
        if (action === 'edit') return out.form !== undefined;
        expect(after?.status).toBe(action === 'approve' ? 'approved' : 'rejected');
        return true;
      }
      case 'replace':
      case 'keep': {
        const c = await openConflict();
        const out = await service.chat.action({ user: who, kind: action, value: c.id, ...(where ? { where } : {}) });
        const after = await service.repos.conflicts.findById(c.id);
        const no = refused(out.notice) || notShared(out.notice);
        expect(after?.status).toBe(no ? 'open' : action === 'replace' ? 'replaced' : 'kept');
        return !no;
      }
      case 'role': {
        const target = `console:target-${n++}`;
        const out = await service.chat.command(ctx, `role ${target} approver`);
        const granted = (await service.repos.roles.get(target)) === 'approver';
        expect(refused(out.card)).toBe(!granted);
        return granted;
      }
      case 'four-eyes': {
        const to = n++ % 2 === 0 ? 'off' : 'on';
        const before = await service.repos.settings.get('four_eyes');
        const out = await service.chat.command(
          { user: who, conversation: { platform: 'console', channelId: 'local' } },
          `four-eyes ${to}`,
        );
        const changed =
          (await service.repos.settings.get('four_eyes')) !== before || out.card.title.includes('unchanged');
        expect(refused(out.card)).toBe(!changed);
        return changed;
      }
      case 'export': {
        const out = await service.chat.command(ctx, 'export all 30d csv');
        expect(refused(out.card)).toBe(out.file === undefined);
        return out.file !== undefined;
      }
      case 'digest here': {
        const channel = `room-${role}`;
        const out = await service.chat.command(
          { ...ctx, conversation: { platform: 'console', channelId: channel } },
          'digest here',
        );
        const subscribed = (await service.repos.subscriptions.list('digest')).some((s) => s.channelId === channel);
        expect(refused(out.card)).toBe(!subscribed);
        return subscribed;
      }
      default:
        throw new Error(action);
    }
  }

  for (const [action, allowed] of Object.entries(ALLOWED)) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${expected ? 'lets' : 'refuses'} a ${role} ${action}`, async () => {
        expect(await attempt(action, role)).toBe(expected);
      });
    }
  }

  describe('and every place it is asked from (issue 18)', () => {
    for (const [place, allowed] of Object.entries(DECIDE_FROM) as [Place, Role[]][]) {
      for (const action of ['approve', 'reject', 'edit', 'replace', 'keep']) {
        for (const role of ROLES) {
          const expected = allowed.includes(role);
          it(`${expected ? 'lets' : 'refuses'} a ${role} ${action} from ${place}`, async () => {
            expect(await attempt(action, role, place)).toBe(expected);
          });
        }
      }
    }

    for (const [where, allowed] of Object.entries(READ_FROM)) {
      const [place, how] = where.split(', ') as [Place, 'privately' | 'posted'];
      for (const role of ROLES) {
        const expected = allowed.includes(role);
        it(`${expected ? 'shows' : 'hides'} a report to a ${role} asking from ${where}`, async () => {
          const r = await pendingReport();
          const out = await service.chat.command(
            {
              user: user(role),
              conversation: PLACES[place].conversation,
              privateReplies: how === 'privately',
              ...(PLACES[place].personal ? { personal: true } : {}),
            },
            `report ${r.accountNumber}`,
          );
          expect(out.card.title === 'No report').toBe(!expected);
          if (expected) expect(JSON.stringify(out.card)).toContain(r.accountNumber);
        });
      }
    }
  });
});
