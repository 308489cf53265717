import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors.ts';
import { reportSchema } from '../../src/core/report/report.schema.ts';
import { createReportExtractor as createExtractor } from '../support/report-extractor.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/reports');
const SEEDS = ['ib-account-summary-01.pdf', 'fcm-futures-01.pdf', 'retail-statement-01.pdf'];
const ITERATIONS = 24;
const TIME_LIMIT_MS = 20_000;

/** Deterministic: a failing case can be replayed from its iteration number. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const bytes = Uint8Array.from(src);
  const at = () => Math.floor(rnd() * bytes.length);
  switch (Math.floor(rnd() * 5)) {
    case 0: // flip bytes
      for (let i = 0; i < 1 + rnd() * 40; i++) bytes[at()] = Math.floor(rnd() * 256);
      return bytes;
    case 1: // truncate
      return bytes.subarray(0, Math.max(8, at()));
    case 2: {
      // splice a chunk of itself elsewhere (duplicated objects, broken xref)
      const from = at();
      const len = Math.floor(rnd() * 2048);
      const to = at();
      return new Uint8Array([...bytes.subarray(0, to), ...bytes.subarray(from, from + len), ...bytes.subarray(to)]);
    }
    case 3: {
      // rewrite numbers in the content: digits become other digits
      for (let i = 0; i < bytes.length; i++)
        if (bytes[i]! >= 48 && bytes[i]! <= 57 && rnd() < 0.02) bytes[i] = 48 + Math.floor(rnd() * 10);
      return bytes;
    }
    default: {
      // garbage in the middle
      const junk = Uint8Array.from({ length: 64 + Math.floor(rnd() * 4096) }, () => Math.floor(rnd() * 256));
      const to = at();
      return new Uint8Array([...bytes.subarray(0, to), ...junk, ...bytes.subarray(to)]);
    }
  }
}

describe('fuzzing the extraction pipeline with mutated statements', () => {
  const extractor = createExtractor({
    maxFileBytes: 25 * 1024 * 1024,
    maxPages: 50,
    timeoutMs: TIME_LIMIT_MS,
    ocrWorkers: 1,
  });
  afterAll(() => extractor.close());

  it(`ends every one of ${ITERATIONS} mutated files in a valid report or a clear error`, async () => {
    const rnd = prng(20261129);
    const outcomes = { reports: 0, errors: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      const seed = SEEDS[i % SEEDS.length]!;
      const input = mutate(new Uint8Array(readFileSync(path.join(FIXTURES, seed))), rnd);
      try {
        const out = await extractor.extract({ bytes: input, fileName: `fuzz-${i}.pdf` });
        for (const r of out.reports) expect(reportSchema.safeParse(r).success, `iteration ${i}`).toBe(true);
        outcomes.reports += 1;
      } catch (err) {
        expect(isAppError(err), `iteration ${i}: ${String(err)}`).toBe(true);
        if (isAppError(err)) {
          expect(err.message).not.toMatch(/\n|at .*:\d+/);
          expect(err.message.length).toBeLessThan(200);
        }
        outcomes.errors += 1;
      }
      // The time limit is the extractor's own (a timeout is an AppError, checked above); how long
      // files take is measured in `npm run bench`, not asserted against a wall clock here.
    }
    expect(outcomes.reports + outcomes.errors).toBe(ITERATIONS);
  }, 900_000);
});
