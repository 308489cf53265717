import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionProgress, Extractor } from '../../src/core/ports/extraction.ports.ts';
import { readingOf, sampleReport } from '../support/fakes.ts';
import { ANALYST, cardText, pdf, startTeamsHarness, type TeamsHarness } from './harness.ts';

// Issue 17 item 5 in Teams: the "Reading…" activity is updated in place (PUT on the activity) as the
// extraction proceeds, paced by an injected clock, through the real Teams SDK app and the double.
let h: TeamsHarness;
let clock = 0;
/** Each step's clock time, and whether to wait for its update to reach Teams before the next. */
const SCRIPT: { at: number; page: number; awaited: boolean }[] = [
  { at: 0, page: 1, awaited: true },
  { at: 500, page: 2, awaited: false }, // too soon after page 1: dropped
  { at: 2_500, page: 3, awaited: true },
  { at: 5_000, page: 4, awaited: true },
];
const puts = () => h.double.activityCalls().filter((c) => c.method === 'PUT');

const scanning: Extractor = {
  async extract(input: { bytes: Uint8Array; fileName: string; onProgress?: (p: ExtractionProgress) => void }) {
    for (const step of SCRIPT) {
      clock = step.at;
      const before = puts().length;
      input.onProgress?.({ stage: 'ocr', page: step.page, pages: 4 });
      if (step.awaited)
        await h.double.waitFor(() => puts().length > before && puts().at(-1), `the update for page ${step.page}`);
    }
    const report = sampleReport({ source_file_name: input.fileName, account_number: 'T9100001' });
    return { readings: [readingOf(report)], method: 'ocr' as const, pages: 4, processing_time_ms: 5_000 };
  },
  ocrReady: () => true,
};

beforeAll(async () => {
  h = await startTeamsHarness({ extractor: scanning, clock: () => clock });
});
afterAll(() => h?.stop());

describe('progress while reading, in Teams', () => {
  it('updates the reading activity in page order, at most once every 2 s, then to the summary', async () => {
    const url = h.double.host(`scan-${Math.random()}`, pdf('acct=T9100001'));
    await h.send(h.activities.file(ANALYST, 'scan.pdf', url));
    const summary = await h.double.waitFor(() => puts().find((c) => cardText(c).includes('T9100001')), 'the summary');
    await h.settle();
    const id = summary.path.split('/').pop();
    const updates = puts()
      .filter((c) => c.path.split('/').pop() === id)
      .map((c) => cardText(c));
    expect(updates).toHaveLength(4);
    expect(updates[0]).toContain('page 1 of 4, OCR');
    expect(updates[1]).toContain('page 3 of 4, OCR');
    expect(updates[2]).toContain('page 4 of 4, OCR');
    expect(updates[3]).toContain('T9100001');
    expect(updates.join()).not.toContain('page 2 of 4');
  });
});
