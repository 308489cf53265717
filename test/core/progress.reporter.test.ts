import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../src/core/ingest/progress.reporter.ts';
import { describeProgress } from '../../src/core/ingest/progress.text.ts';
import type { ExtractionProgress } from '../../src/core/ports/extraction.ports.ts';

/** A show() whose every call the test settles by hand, and a clock the test moves. */
function rig(everyMs = 2_000) {
  let now = 0;
  const shown: { text: string; at: number; settle: (err?: unknown) => void }[] = [];
  const reporter = createProgressReporter({
    clock: () => now,
    everyMs,
    show: (p: ExtractionProgress) =>
      new Promise<void>((resolve, reject) => {
        shown.push({ text: describeProgress(p), at: now, settle: (err) => (err ? reject(err) : resolve()) });
      }),
  });
  const tick = () => new Promise((r) => setImmediate(r));
  return {
    reporter,
    shown,
    tick,
    at: (ms: number) => {
      now = ms;
    },
  };
}

const ocr = (page: number): ExtractionProgress => ({ stage: 'ocr', page, pages: 7 });

describe('progress while reading (issue 17 item 5)', () => {
  it('shows at most one step every 2 s of the clock, in the order the work made them', async () => {
    const r = rig();
    for (let page = 1; page <= 7; page++) {
      r.at(page * 700);
      r.reporter.report(ocr(page));
      r.shown.at(-1)?.settle();
      await r.tick();
    }
    expect(r.shown.map((s) => s.text)).toEqual(['page 1 of 7, OCR', 'page 4 of 7, OCR', 'page 7 of 7, OCR']);
    const gaps = r.shown.slice(1).map((s, i) => s.at - (r.shown[i]?.at ?? 0));
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(2_000);
  });

  it('keeps one update in flight: the newest step that came meanwhile goes next, if its time has come', async () => {
    const r = rig();
    r.at(0);
    r.reporter.report(ocr(1));
    r.at(1_000);
    r.reporter.report(ocr(2));
    r.at(5_000);
    r.reporter.report(ocr(3));
    expect(r.shown).toHaveLength(1);
    r.shown[0]?.settle();
    await r.tick();
    expect(r.shown.map((s) => s.text)).toEqual(['page 1 of 7, OCR', 'page 3 of 7, OCR']);
    // One that waited but whose time has not come when the update in flight lands is dropped.
    r.at(5_500);
    r.reporter.report(ocr(4));
    r.shown[1]?.settle();
    await r.tick();
    expect(r.shown).toHaveLength(2);
  });

  it('waits out a rate limit’s Retry-After, never throws, and settle() waits for the update in flight', async () => {
    const r = rig();
    r.at(0);
    r.reporter.report(ocr(1));
    r.shown[0]?.settle(Object.assign(new Error('ratelimited'), { details: { retryAfterMs: 30_000 } }));
    await r.tick();
    r.at(10_000);
    r.reporter.report(ocr(2));
    expect(r.shown).toHaveLength(1);
    r.at(30_000);
    r.reporter.report(ocr(3));
    expect(r.shown).toHaveLength(2);
    let settled = false;
    const done = r.reporter.settle().then(() => {
      settled = true;
    });
    await r.tick();
    expect(settled).toBe(false);
    r.shown[1]?.settle();
    await done;
    r.at(90_000);
    r.reporter.report(ocr(4));
    expect(r.shown).toHaveLength(2);
  });

  it('waits exactly a Retry-After shorter than a doubling back-off, and no less than the usual pace', async () => {
    const r = rig();
    r.at(0);
    r.reporter.report(ocr(1));
    r.shown[0]?.settle(Object.assign(new Error('Throttled'), { details: { retryAfterMs: 3_000 } }));
    await r.tick();
    r.at(2_999);
    r.reporter.report(ocr(2));
    expect(r.shown).toHaveLength(1);
    r.at(3_000);
    r.reporter.report(ocr(3));
    expect(r.shown).toHaveLength(2);
    r.shown[1]?.settle(Object.assign(new Error('Throttled'), { details: { retryAfterMs: 0 } }));
    await r.tick();
    r.at(4_999);
    r.reporter.report(ocr(4));
    expect(r.shown).toHaveLength(2);
    r.at(5_000);
    r.reporter.report(ocr(4));
    expect(r.shown).toHaveLength(3);
  });

  it('backs off, doubling, after failures without a Retry-After', async () => {
    const r = rig();
    r.at(0);
    r.reporter.report(ocr(1));
    r.shown[0]?.settle(new Error('socket hang up'));
    await r.tick();
    r.at(3_999);
    r.reporter.report(ocr(2));
    expect(r.shown).toHaveLength(1);
    r.at(4_000);
    r.reporter.report(ocr(3));
    expect(r.shown).toHaveLength(2);
  });
});
