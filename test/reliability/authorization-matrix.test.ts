import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { ActionKind } from '../../src/core/cards/card.model.ts';
import type { Role } from '../../src/core/records.ts';
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

  async function attempt(action: string, role: Role): Promise<boolean> {
    const who = user(role);
    switch (action) {
      case 'approve':
      case 'reject':
      case 'edit': {
        const r = await pendingReport();
        let out = await service.chat.action({ user: who, kind: action as ActionKind, value: r.id });
        // Reject opens the reason form (issue 14); its submission decides.
        if (action === 'reject' && out.form) {
          const sent = await service.chat.submitEdit({
            user: who,
            reportId: r.id,
            values: { reason_code: 'other' },
            reason: '',
          });
          if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
          out = sent.outcome;
        }
        const after = await service.repos.reports.findById(r.id);
        if (refused(out.notice)) {
          expect(after?.validation_status).toBe('pending');
          return false;
        }
        if (action === 'edit') return out.form !== undefined;
        expect(after?.validation_status).toBe(action === 'approve' ? 'approved' : 'rejected');
        return true;
      }
      case 'replace':
      case 'keep': {
        const c = await openConflict();
        const out = await service.chat.action({ user: who, kind: action, value: c.id });
        const after = await service.repos.conflicts.findById(c.id);
        expect(after?.status).toBe(refused(out.notice) ? 'open' : action === 'replace' ? 'replaced' : 'kept');
        return !refused(out.notice);
      }
      case 'role': {
        const target = `console:target-${n++}`;
        const out = await service.chat.command(
          { user: who, conversation: { platform: 'console', channelId: 'local' } },
          `role ${target} approver`,
        );
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
        const out = await service.chat.command(
          { user: who, conversation: { platform: 'console', channelId: 'local' } },
          'export all 30d csv',
        );
        expect(refused(out.card)).toBe(out.file === undefined);
        return out.file !== undefined;
      }
      case 'digest here': {
        const channel = `room-${role}`;
        const out = await service.chat.command(
          { user: who, conversation: { platform: 'console', channelId: channel } },
          'digest here',
        );
        const subscribed = (await service.repos.subscriptions.list('digest')).some((s) => s.channel_id === channel);
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
});
