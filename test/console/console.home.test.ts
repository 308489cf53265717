import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from '../../src/platforms/console/console.gateway.ts';
import { eventually } from '../support/slack-double.ts';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

// Issue 17 items 4 and 6 in the console, over its real HTTP API: `/margin home`, Open from the queue,
// and /margin pending with the decision buttons.
const headers = (user: string) => ({ 'x-marginiq': '1', 'x-marginiq-user': user, 'content-type': 'application/json' });

let svc: ConsoleService;
beforeAll(async () => {
  svc = await startConsoleService();
  const res = await fetch(`${svc.url}/console/sample`, { method: 'POST', headers: headers('analyst') });
  expect(res.status).toBe(202);
  await eventually(async () => (await svc.repos.reports.recent(1))[0], 45_000, 'the sample report');
});
afterAll(async () => svc?.stop());

const messages = async (user: string): Promise<ConsoleMessage[]> =>
  (await (await fetch(`${svc.url}/console/messages?user=${user}`)).json()).messages;
const post = (path: string, user: string, body: unknown) =>
  fetch(`${svc.url}${path}`, { method: 'POST', headers: headers(user), body: JSON.stringify(body) });
const actions = (m: ConsoleMessage | undefined) =>
  (m?.card?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.actions.map((a) => `${a.kind}:${a.value}`) : []));

describe('the console home and pending lists', () => {
  it('shows an approver the pending sample in My queue, opens it with its buttons, and lists it with them', async () => {
    const [report] = await svc.repos.reports.recent(1);
    const id = report?.id ?? '';
    expect((await post('/console/command', 'approver', { text: '/margin home' })).status).toBe(200);
    const home = (await messages('approver')).findLast((m) => m.card?.title === 'MarginIQ home');
    expect(actions(home)).toEqual([`approve:${id}`, `open:${id}`]);

    expect((await post('/console/action', 'approver', { kind: 'open', value: id })).status).toBe(200);
    const opened = (await messages('approver')).at(-1);
    expect(opened?.visibleTo).toBe('console:approver');
    expect(actions(opened)).toEqual([`approve:${id}`, `reject:${id}`, `edit:${id}`]);

    await post('/console/command', 'approver', { text: '/margin pending' });
    const pending = (await messages('approver')).at(-1);
    expect(actions(pending)).toEqual([`approve:${id}`, `reject:${id}`, `edit:${id}`]);
  });

  it('draws an approver’s home message again in place after a decision (issue 17)', async () => {
    const [report] = await svc.repos.reports.recent(1);
    const id = report?.id ?? '';
    await post('/console/command', 'approver', { text: '/margin home' });
    const home = (await messages('approver')).findLast((m) => m.card?.title === 'MarginIQ home');
    expect(actions(home)).toEqual([`approve:${id}`, `open:${id}`]);
    // The admin decides; the approver's home message changes where it is, still for the approver alone.
    expect((await post('/console/action', 'admin', { kind: 'approve', value: id })).status).toBe(200);
    await eventually(async () => (await svc.repos.reports.findById(id))?.status === 'approved');
    const redrawn = await eventually(
      async () => {
        const m = (await messages('approver')).find((x) => x.id === home?.id);
        return m && actions(m).length === 0 ? m : undefined;
      },
      15_000,
      'the home message drawn again',
    );
    expect(redrawn.visibleTo).toBe('console:approver');
    expect((await messages('analyst')).some((m) => m.id === home?.id)).toBe(false);
  });

  it('gives an analyst a home without a queue and a pending list without buttons', async () => {
    await post('/console/command', 'analyst', { text: '/margin home' });
    const home = (await messages('analyst')).findLast((m) => m.card?.title === 'MarginIQ home');
    expect(actions(home)).toEqual([]);
    expect(JSON.stringify(home?.card)).toContain('your role is analyst');
    await post('/console/command', 'analyst', { text: '/margin pending' });
    expect(actions((await messages('analyst')).at(-1))).toEqual([]);
  });
});
