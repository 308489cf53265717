import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionProgress, Extractor } from '../../src/core/ports/extraction.ports.ts';
import { retryAfterMs } from '../../src/platforms/teams/teams.delivery.ts';
import { readingOf, sampleReport } from '../support/fakes.ts';
import { ANALYST, cardText, pdf, startTeamsHarness, type TeamsHarness } from './harness.ts';

// Issue 17: the Bot Connector's rate limit (HTTP 429, code Throttled, a Retry-After header) through the
// real Teams SDK app and the double, which answers 429 as the connector does.

describe('a Teams progress update answered 429 with Retry-After: 3', () => {
  let h: TeamsHarness;
  let clock = 0;
  const logs: string[] = [];
  const puts = () => h.double.activityCalls().filter((c) => c.method === 'PUT');
  const sent = (page: number) => puts().find((c) => cardText(c).includes(`page ${page} of 4`));
  const scanning: Extractor = {
    async extract(input: { bytes: Uint8Array; fileName: string; onProgress?: (p: ExtractionProgress) => void }) {
      clock = 0;
      input.onProgress?.({ stage: 'ocr', page: 1, pages: 4 });
      // The event to wait for: the reporter has taken the 429 (it logs the wait it will keep).
      await h.double.waitFor(() => logs.find((l) => l.includes('progress update failed')), 'the 429 taken');
      // 2.9 s after the 429: before its Retry-After (and after the usual 2 s pace): not sent.
      clock = 2_900;
      input.onProgress?.({ stage: 'ocr', page: 2, pages: 4 });
      // 3.1 s: past the Retry-After, still short of the 4 s a doubling back-off would wait: sent.
      clock = 3_100;
      input.onProgress?.({ stage: 'ocr', page: 3, pages: 4 });
      await h.double.waitFor(() => sent(3), 'the update for page 3');
      const report = sampleReport({ source_file_name: input.fileName, account_number: 'T9300001' });
      return { readings: [readingOf(report)], method: 'ocr' as const, pages: 4, processing_time_ms: 3_100 };
    },
    ocrReady: () => true,
  };
  beforeAll(async () => {
    h = await startTeamsHarness({ extractor: scanning, clock: () => clock, logs });
  });
  afterAll(() => h?.stop());

  it('waits exactly the Retry-After before the next update, not a back-off of its own', async () => {
    h.double.throttle('PUT', { retryAfterSeconds: 3, match: (body) => JSON.stringify(body).includes('page 1 of 4') });
    const url = h.double.host(`throttled-${Math.random()}`, pdf('acct=T9300001'));
    await h.send(h.activities.file(ANALYST, 'scan.pdf', url));
    const summary = await h.double.waitFor(() => puts().find((c) => cardText(c).includes('T9300001')), 'the summary');
    await h.settle();
    expect(h.double.throttled).toEqual([expect.objectContaining({ method: 'PUT', retryAfter: '3' })]);
    expect(logs.find((l) => l.includes('progress update failed'))).toContain('"waitMs":3000');
    const id = summary.path.split('/').pop();
    const updates = puts()
      .filter((c) => c.path.split('/').pop() === id)
      .map((c) => cardText(c));
    expect(updates).toHaveLength(2);
    expect(updates[0]).toContain('page 3 of 4, OCR');
    expect(updates[1]).toContain('T9300001');
    expect(updates.join()).not.toContain('page 2 of 4');
    expect(updates.join()).not.toContain('page 1 of 4');
  });
});

describe('a Teams summary update answered 429 with Retry-After: 3', () => {
  let h: TeamsHarness;
  const slept: number[] = [];
  beforeAll(async () => {
    h = await startTeamsHarness({
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
  });
  afterAll(() => h?.stop());

  it('is tried again after the Retry-After the connector asked for, and the summary lands', async () => {
    h.double.throttle('PUT', { retryAfterSeconds: 3, match: (body) => JSON.stringify(body).includes('T9300002') });
    const url = h.double.host(`throttled-${Math.random()}`, pdf('acct=T9300002'));
    await h.send(h.activities.file(ANALYST, 'statement.pdf', url));
    await h.double.waitFor(
      () => h.double.activityCalls().find((c) => c.method === 'PUT' && cardText(c).includes('T9300002')),
      'the summary',
    );
    await h.settle();
    expect(h.double.throttled).toHaveLength(1);
    expect(slept).toEqual([3_000]);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates (RFC 9110), and nothing else', () => {
    const now = Date.parse('2026-12-06T17:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs(['7'], now)).toBe(7_000);
    expect(retryAfterMs('Sun, 06 Dec 2026 17:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Sun, 06 Dec 2026 16:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
