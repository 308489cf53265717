import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { runExtractCommand, summarize } from '../../src/cli/extract.command.ts';
import { main } from '../../src/cli.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { ExtractionProgress } from '../../src/core/ports/extraction.ports.ts';
import { finishReport } from '../../src/core/report/report.finish.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import type { Extractor } from '../../src/extraction/extractor.ts';
import { readingOf, sampleReport } from '../support/fakes.ts';

const loaded = loadConfig({ DATA_DIR: tmpdir() });
if (!loaded.ok) throw new Error('test config');
const config = loaded.config;

/** A stream that records what was written; `tty` makes it look like a terminal. */
const sink = (tty = false) => {
  const s = {
    text: '',
    isTTY: tty,
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s;
};

const withCall = sampleReport({
  account_number: 'B-200',
  currency: 'EUR',
  fields: {
    total_equity: 10_000,
    maintenance_requirement: 90_619.12,
    excess_liquidity: -80_619.12,
    margin_call: 80_619.12,
  },
});
const deficit = sampleReport({
  account_number: 'C-300',
  fields: { total_equity: 100_000, maintenance_requirement: 101_816.28, excess_liquidity: -1_816.28 },
});
const calm = sampleReport({ account_number: 'A-100' });

/** An extractor double: the given reports for every file, after `ms`, telling its progress on the way. */
const fake =
  (reports: MarginReport[], ms = 0, steps: ExtractionProgress[] = []): (() => Extractor) =>
  () => ({
    async extract({ onProgress }) {
      for (const s of steps) {
        onProgress?.(s);
        await new Promise((r) => setTimeout(r, ms / Math.max(1, steps.length)));
      }
      if (steps.length === 0) await new Promise((r) => setTimeout(r, ms));
      return { readings: reports.map(readingOf), method: 'text', pages: 1, processing_time_ms: ms };
    },
    warmUp: async () => {},
    ocrReady: () => false,
    close: async () => {},
  });

const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-extract-out-'));
const pdf = (name: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, '%PDF-1.7');
  return p;
};

async function run(args: string[], extractor: () => Extractor, opts: { tty?: boolean; afterMs?: number } = {}) {
  const stdout = sink();
  const stderr = sink(opts.tty);
  const code = await runExtractCommand(args, {
    config,
    stdout: stdout as unknown as NodeJS.WritableStream,
    stderr: stderr as unknown as NodeJS.WritableStream,
    logger: pino({ level: 'silent' }),
    createExtractor: extractor,
    ...(opts.afterMs !== undefined ? { progressAfterMs: opts.afterMs } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('marginiq extract, readable output', () => {
  it('marks a margin call as loudly as the card, never plain "Ready for approval"', () => {
    const text = summarize(finishReport(readingOf(withCall), { now: new Date('2026-11-28T00:00:00Z') }));
    expect(text).toContain('  !! MARGIN CALL OF 80,619.12 EUR\n');
    const status = text.split('\n').find((l) => /approval|REVIEW/.test(l))!;
    expect(status).toMatch(/^ {2}MARGIN CALL OF 80,619\.12 EUR - /);
    expect(text).not.toMatch(/^ {2}Ready for approval/m);
  });

  it('says a deficit without a minus sign, and leaves an account with nothing owed calm', () => {
    const text = summarize(finishReport(readingOf(deficit), { now: new Date('2026-11-28T00:00:00Z') }));
    expect(text).toContain('!! DEFICIT OF 1,816.28 USD');
    const ok = summarize(finishReport(readingOf(calm), { now: new Date('2026-11-28T00:00:00Z') }));
    expect(ok).not.toContain('!!');
    expect(ok).toMatch(/^ {2}Ready for approval - /m);
    // A call of 0.00 beside positive excess carries no mark, as on the card.
    expect(ok.split('\n').find((l) => l.includes('Margin call'))).not.toContain('(!)');
  });

  it('paints the call red only when asked (a terminal)', () => {
    const r = finishReport(readingOf(withCall), { now: new Date('2026-11-28T00:00:00Z') });
    expect(summarize(r)).not.toContain('\x1b[');
    expect(summarize(r, { color: true })).toContain('\x1b[1;31m  !! MARGIN CALL');
  });

  it("lists a file's accounts in the card's order (by account number)", async () => {
    const r = await run([pdf('three.pdf')], fake([deficit, withCall, calm]));
    expect(r.code).toBe(0);
    const accounts = [...r.stdout.matchAll(/account (\S+),/g)].map((m) => m[1]);
    expect(accounts).toEqual(['A-100', 'B-200', 'C-300']);
    // --json keeps the extractor's order: it is data, not a card.
    const json = await run([pdf('three.pdf'), '--json'], fake([deficit, withCall, calm]));
    expect(JSON.parse(json.stdout).map((x: MarginReport) => x.account_number)).toEqual(['C-300', 'B-200', 'A-100']);
  });
});

describe('marginiq extract, progress', () => {
  const steps: ExtractionProgress[] = [
    { stage: 'page', page: 1, pages: 2 },
    { stage: 'ocr', page: 2, pages: 2 },
    { stage: 'checking' },
  ];

  it('shows file, page and OCR on a terminal once a file takes longer than the threshold, then erases it', async () => {
    const r = await run([pdf('slow.pdf')], fake([calm], 300, steps), { tty: true, afterMs: 50 });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('slow.pdf: page 2 of 2, OCR…');
    expect(r.stderr).toContain('slow.pdf: checking the scanned figures…');
    // At the threshold the line shows where the work is then (page 1); each step after redraws it.
    expect(r.stderr.startsWith('\r\x1b[2K')).toBe(true);
    expect(r.stderr).toContain('slow.pdf: page 1 of 2…');
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(r.stdout).toContain('account A-100');
  });

  it('numbers the files when there are several', async () => {
    const r = await run([pdf('a.pdf'), pdf('b.pdf')], fake([calm], 120, steps), { tty: true, afterMs: 10 });
    expect(r.stderr).toMatch(/\[2\/2\] .*b\.pdf: /);
  });

  it('says nothing for quick work, and nothing at all when stderr is not a terminal', async () => {
    const quick = await run([pdf('quick.pdf')], fake([calm], 5, steps), { tty: true });
    expect(quick.stderr).toBe('');
    const piped = await run([pdf('piped.pdf')], fake([calm], 200, steps), { tty: false, afterMs: 10 });
    expect(piped.stderr).toBe('');
  });
});

describe('marginiq --help', () => {
  it('aligns every description in one column', async () => {
    const out = sink();
    expect(await main(['--help'], { stdout: out as never, stderr: sink() as never, env: {} })).toBe(0);
    const rows = out.text.split('\n').filter((l) => l.startsWith('  '));
    expect(rows.length).toBeGreaterThan(8);
    const starts = rows.map((l) => {
      const m = /^(\s+\S+(?: \S+)*?)\s{2,}(\S)/.exec(l)!;
      return m[0].length - 1;
    });
    expect(new Set(starts).size, out.text).toBe(1);
  });
});
