import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, EDIT_FORM_ID } from '../../src/core/cards/card.model.ts';
import type { Report } from '../../src/core/report/report.model.ts';
import { createExtractor } from '../../src/extraction/extractor.ts';
import { PAGE_RASTER_MODULE } from '../../src/render/page.raster.module.ts';
import { buildTextPdf } from '../extraction/support/pdf.builder.ts';
import { type Day, day1, day2, snapshot } from '../extraction/support/snapshot.statement.ts';
import { eventually } from '../support/slack-double.ts';
import { ADMIN, ANALYST, APPROVER, actionData, cardText, startTeamsHarness, type TeamsHarness } from './harness.ts';

/**
 * Issue 16 through the real Teams SDK app: an approver's inline Edit teaches the statement's layout,
 * and the next statement of that layout (another account, another day) comes out right, with the
 * learned value's evidence; `/margin forget` takes the lesson back. Real extraction, not the script.
 */
const extractor = createExtractor({
  pageRaster: PAGE_RASTER_MODULE,
  maxFileBytes: 64 * 1024,
  maxPages: 5,
  timeoutMs: 60_000,
  ocrWorkers: 1,
});
let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ extractor });
});
afterAll(async () => {
  await h?.stop();
  await extractor.close?.();
});

const day3: Day = { ...day2, account: '63-2210-9', date: '2026-11-30', headroom: '101,000.00' };

/** Uploads a statement in a personal chat and waits for its stored report and its summary. */
async function share(d: Day): Promise<{ report: Report; summary: { body: unknown }; messageId: string }> {
  const name = `${d.account}.pdf`;
  const url = h.double.host(`${name}-${d.date}`, await buildTextPdf(snapshot(d)));
  expect((await h.send(h.activities.file(ANALYST, name, url))).status).toBe(200);
  const reading = await h.double.waitFor(
    () => h.double.activityCalls().findLast((c) => c.method === 'POST' && cardText(c).includes(`Reading ${name}`)),
    'the reading reply',
  );
  const messageId = reading.responseId ?? '';
  // The message is updated with progress first; the summary is the update that offers Edit.
  const summary = await h.double.waitFor(
    () =>
      h.double
        .activityCalls()
        .findLast(
          (c) => c.method === 'PUT' && c.path.endsWith(`/activities/${messageId}`) && actionData(c, ACTION_IDS.edit),
        ),
    'the summary update',
  );
  await h.settle();
  const report = await h.repos.reports.findByAccountDate(d.account, d.date);
  if (!report) throw new Error(`no report stored for ${d.account}: ${cardText(summary)}`);
  return { report, summary, messageId };
}

/** The inline Edit form, saved by the approver with the report's values and `changes` typed over them. */
async function edit(s: Awaited<ReturnType<typeof share>>, changes: Record<string, string>) {
  const reportId = String(actionData(s.summary, ACTION_IDS.edit)?.value);
  expect(reportId, cardText(s.summary)).toBe(s.report.id);
  const open = await h.send(h.activities.invoke(APPROVER, ACTION_IDS.edit, { value: reportId }, s.messageId));
  const save = actionData({ body: open.body?.value }, EDIT_FORM_ID) as { value: string; version: number };
  const r = s.report.extracted;
  const saved = await h.send(
    h.activities.invoke(
      APPROVER,
      EDIT_FORM_ID,
      {
        ...save,
        account_number: r.account_number ?? 'UNKNOWN',
        report_date: r.report_date ?? '2026-11-26',
        currency: r.currency,
        ...Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, String(v)])),
        reason: 'corrected from the PDF',
        ...changes,
      },
      s.messageId,
    ),
  );
  expect(saved.status).toBe(200);
  await h.chat.lessonsDone();
}

async function margin(text: string) {
  const before = h.double.activityCalls().length;
  await h.send(h.activities.message(ADMIN, `/margin ${text}`));
  const reply = await eventually(
    () =>
      h.double
        .activityCalls()
        .slice(before)
        .find((c) => c.method === 'POST'),
    10_000,
    `/margin ${text}`,
  );
  return cardText(reply);
}

describe('layout memory in Teams (issue 16)', () => {
  it('learns from an inline Edit, reads the next statement of the layout right, and forgets', async () => {
    // Day 1: the field under a label no vocabulary knows is not read; the approver types it in.
    const first = await share(day1);
    expect(first.report.extracted.fields.sma).toBeUndefined();
    await edit(first, { sma: '77,120.50' });
    const [layout] = await h.repos.layouts.list('default');
    expect(layout?.rules).toEqual([
      expect.objectContaining({ field: 'sma', label: 'Collateral Headroom Reserve', reportId: first.report.id }),
    ]);
    expect(
      h.double.activityCalls().some((c) => cardText(c).includes(`Learned for layout ${layout!.id}`)),
      'the approver is told what was learned',
    ).toBe(true);

    // Day 2, another account: read where the approver showed, and the evidence says so.
    const second = await share(day2);
    expect(second.report.extracted.fields.sma).toBe(93410.25);
    expect(second.report.extracted.evidence?.sma).toMatchObject({
      source: 'learned',
      note: expect.stringMatching(new RegExp(`^learned from report #${first.report.id}, taught by @`)),
    });

    // Forgotten: the next statement reads as before memory.
    expect(await margin('layouts')).toContain(layout!.id);
    expect(await margin(`forget ${layout!.id}`)).toContain('Forgotten');
    expect(await h.repos.layouts.list('default')).toEqual([]);
    const third = await share(day3);
    expect(third.report.extracted.fields.sma).toBeUndefined();
  });
});
