import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report.model.ts';
import { buildTextPdf } from '../extraction/support/pdf.builder.ts';
import { type Day, day1, day2, snapshot } from '../extraction/support/snapshot.statement.ts';
import { eventually } from '../support/slack-double.ts';
import { type ConsoleService, startConsoleService } from './console.harness.ts';

/**
 * Issue 16 through the console over HTTP (`marginiq start`, real worker and extraction): an
 * approver's correction in the edit dialog teaches the statement's layout, and the next statement of
 * that layout comes out right, its evidence naming the lesson; `/margin forget` takes it back.
 */
const headers = (user: string) => ({ 'x-marginiq': '1', 'x-marginiq-user': user });

let svc: ConsoleService;
beforeAll(async () => {
  svc = await startConsoleService();
});
afterAll(async () => svc?.stop());

const day3: Day = { ...day2, account: '63-2210-9', date: '2026-11-30', headroom: '101,000.00' };

type Msg = { card?: { title?: string }; text?: string; html: string; from: string };
const messages = async (user: string): Promise<Msg[]> =>
  (await (await fetch(`${svc.url}/console/messages?user=${user}`)).json()).messages;

async function share(d: Day): Promise<Report> {
  const res = await fetch(`${svc.url}/console/upload`, {
    method: 'POST',
    headers: { ...headers('analyst'), 'x-file-name': `${d.account}.pdf`, 'content-type': 'application/pdf' },
    body: Buffer.from(await buildTextPdf(snapshot(d))),
  });
  expect(res.status).toBe(202);
  return eventually(() => svc.repos.reports.findByAccountDate(d.account, d.date), 60_000, `report of ${d.account}`);
}

/** The edit dialog as the page drives it: Edit opens the form, Save posts its values with `changes` typed over them. */
async function edit(report: Report, changes: Record<string, string>) {
  const opened = await fetch(`${svc.url}/console/action`, {
    method: 'POST',
    headers: { ...headers('approver'), 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'edit', value: report.id }),
  });
  expect(opened.status).toBe(200);
  const { form } = (await opened.json()) as {
    form: { reportId: string; version: number; inputs: { name: string; value: string }[] };
  };
  const values = { ...Object.fromEntries(form.inputs.map((i) => [i.name, i.value ?? ''])), ...changes };
  const saved = await fetch(`${svc.url}/console/edit`, {
    method: 'POST',
    headers: { ...headers('approver'), 'content-type': 'application/json' },
    body: JSON.stringify({ reportId: form.reportId, version: form.version, values, reason: 'corrected from the PDF' }),
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  await svc.chat.lessonsDone();
}

async function margin(text: string) {
  const res = await fetch(`${svc.url}/console/command`, {
    method: 'POST',
    headers: { ...headers('admin'), 'content-type': 'application/json' },
    body: JSON.stringify({ text: `/margin ${text}` }),
  });
  expect(res.status).toBe(200);
  return (await messages('admin')).at(-1)?.html ?? '';
}

describe('layout memory in the console (issue 16)', () => {
  it('learns from an edit in the dialog, reads the next statement of the layout right, and forgets', async () => {
    const first = await share(day1);
    expect(first.extracted.fields.sma).toBeUndefined();
    await edit(first, { sma: '77,120.50' });
    const [layout] = await svc.repos.layouts.list('default');
    expect(layout?.rules).toEqual([
      expect.objectContaining({ field: 'sma', label: 'Collateral Headroom Reserve', reportId: first.id }),
    ]);
    const told = await eventually(
      async () => (await messages('approver')).find((m) => m.html.includes(`Learned for layout ${layout!.id}`)),
      10_000,
      'the lesson notice',
    );
    expect(told.html).toContain('sma');

    const second = await share(day2);
    expect(second.extracted.fields.sma).toBe(93410.25);
    expect(second.extracted.evidence?.sma).toMatchObject({
      source: 'learned',
      note: expect.stringMatching(new RegExp(`^learned from report #${first.id}, taught by @`)),
    });

    expect(await margin('layouts')).toContain(layout!.id);
    expect(await margin(`forget ${layout!.id}`)).toContain('Forgotten');
    expect(await svc.repos.layouts.list('default')).toEqual([]);
    const third = await share(day3);
    expect(third.extracted.fields.sma).toBeUndefined();
  });
});
