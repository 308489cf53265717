import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionProgress, Extractor } from '../../src/core/ports/extraction.ports.ts';
import { readingOf, sampleReport } from '../support/fakes.ts';
import { eventually, type SlackDouble } from '../support/slack-double.ts';
import { type SlackService, startSlackService, testPdf } from './slack.harness.ts';
import { fileShareMessage } from './slack.requests.ts';

// Issue 17 item 5, through the real Bolt app, Web API client and the Slack double: the "Reading…"
// reply follows the extraction's progress, paced by an injected clock, and ends as the summary.
const CHANNEL = 'C0PROGRESS';
const PAGES = 7;
let clock = 0;
let double: SlackDouble | undefined;
/** The clock's value at each step the extractor reported, by the text a person would see. */
const steps = new Map<string, number>();

/** A 7-page scan: each page read by OCR, 700 ms of the test's clock apart. Waits for Slack to answer between steps. */
const scanning: Extractor = {
  async extract(input: { bytes: Uint8Array; fileName: string; onProgress?: (p: ExtractionProgress) => void }) {
    for (let page = 1; page <= PAGES; page++) {
      clock += 700;
      steps.set(`page ${page} of ${PAGES}, OCR`, clock);
      input.onProgress?.({ stage: 'ocr', page, pages: PAGES });
      // Lets the update reach the double and come back: pacing is the clock's business, not the network's.
      await eventually(() => double?.busy() === 0, 5_000, 'Slack double idle');
      await new Promise((r) => setImmediate(r));
    }
    const report = sampleReport({ source_file_name: input.fileName, account_number: 'U7100001' });
    return { readings: [readingOf(report)], method: 'ocr' as const, pages: PAGES, processing_time_ms: 4_900 };
  },
  ocrReady: () => true,
};

let svc: SlackService;
beforeAll(async () => {
  svc = await startSlackService({ extractor: scanning, clock: () => clock });
  double = svc.slack;
});
afterAll(async () => {
  await svc?.stop();
});

let shared = 0;
async function share(name: string) {
  const ts = svc.slack.nextTs();
  // A new statement each time: pdf-lib stamps the second it was made, so two made in one second
  // would be byte-identical and the second answered as a duplicate, without reading it.
  shared += 1;
  const file = svc.slack.addFile({
    name,
    bytes: await testPdf({
      account_number: 'U7100001',
      report_date: `2026-11-${String(20 + shared).padStart(2, '0')}`,
    }),
    channel: CHANNEL,
    ts,
  });
  await svc.sender.event(fileShareMessage({ channel: CHANNEL, user: 'UANALYST', ts, files: [file] }));
  const reply = await eventually(() => svc.slack.thread(CHANNEL, ts)[0], 20_000, 'reading reply');
  await eventually(() => reply.text.includes('U7100001'), 20_000, 'summary');
  await svc.idle();
  // Every chat.update of that one reply, in the order Slack received them.
  const updates = svc.slack.callsTo('chat.update').filter((c) => c.args.ts === reply.ts);
  return { reply, texts: updates.map((u) => String(u.args.text)) };
}

describe('progress while reading a statement', () => {
  it('updates the reply in place in page order, at most once every 2 s, then shows the summary', async () => {
    const { reply, texts } = await share('scan.pdf');
    const progress = texts.slice(0, -1);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const times = progress.map((t) => {
      const step = [...steps.keys()].find((s) => t.includes(s));
      expect(step, t).toBeDefined();
      return steps.get(step ?? '') ?? Number.NaN;
    });
    // In the order the work made them, and never two within 2 s of the clock.
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect(progress[0]).toContain('Reading scan.pdf…');
    // The last update is the summary, which stays.
    expect(texts.at(-1)).toContain('U7100001');
    expect(reply.text).toContain('U7100001');
  });

  it('backs off when Slack answers ratelimited, and the upload still ends with its summary', async () => {
    clock = 100_000;
    steps.clear();
    svc.slack.fail('chat.update', { status: 429, retryAfter: 30 });
    const { reply, texts } = await share('scan-limited.pdf');
    // The refused first step is not retried (30 s of the clock is longer than the whole scan), and
    // no later step is sent inside the wait: the next update is the summary.
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('page 1 of 7, OCR');
    expect(texts[1]).toContain('U7100001');
    expect(reply.text).toContain('U7100001');
    expect(reply.updates).toBe(1);
  });
});
