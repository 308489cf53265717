import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { runExtractCommand } from '../../src/cli/extract.command.ts';
import { loadConfig } from '../../src/config/config.ts';
import { AppError } from '../../src/core/errors.ts';
import type { MarginReport } from '../../src/core/report/report.schema.ts';
import type { Extractor } from '../../src/extraction/extractor.ts';
import { readingOf } from '../support/fakes.ts';
import { buildTextPdf } from './support/pdf.builder.ts';

const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
};

const loaded = loadConfig({ DATA_DIR: tmpdir() });
if (!loaded.ok) throw new Error('test config');
const config = loaded.config;

const report = (fileName: string): MarginReport => ({
  source_file_name: fileName,
  account_number: 'U1',
  report_date: '2026-11-27',
  currency: 'USD',
  broker: null,
  fields: { total_equity: 1, maintenance_requirement: 1 },
  confidence: { overall: 0.9, fields: {} },
  data_quality_score: 0.9,
  needs_review: false,
  issues: [],
  method: 'text',
  pages: 1,
  processing_time_ms: 1,
});

/** An extractor double: refuses files named bad*, crashes on boom*, reads the rest. */
const fake = (): Extractor => ({
  async extract({ fileName }) {
    if (fileName.startsWith('bad'))
      throw new AppError('extraction.no_margin_data', 'No margin figures were found in this PDF.');
    if (fileName.startsWith('boom')) throw new Error('kaboom\n    at somewhere (x.ts:1:1)');
    return { readings: [readingOf(report(fileName))], method: 'text', pages: 1, processing_time_ms: 1 };
  },
  warmUp: async () => {},
  ocrReady: () => false,
  close: async () => {},
});

const dir = mkdtempSync(path.join(tmpdir(), 'marginiq-extract-cli-'));
const file = (name: string, content: string | Uint8Array = '%PDF-1.7') => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function cli(args: string[], withFake = true) {
  const out = sink();
  const err = sink();
  const code = await runExtractCommand(args, {
    config,
    stdout: out.stream,
    stderr: err.stream,
    logger: pino({ level: 'silent' }),
    ...(withFake ? { createExtractor: fake } : {}),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('marginiq extract', () => {
  it('prints one JSON array with the reports of every file and nothing else', async () => {
    const r = await cli([file('a.pdf'), file('b.pdf'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).map((x: MarginReport) => x.source_file_name)).toEqual(['a.pdf', 'b.pdf']);
  });

  it('prints a readable summary without --json', async () => {
    const r = await cli([file('a.pdf')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('account U1');
    expect(r.stdout).toContain('Total equity');
  });

  it('gives a refused file exactly one stderr line, exit 2, and still processes the others', async () => {
    const bad = file('bad.pdf');
    const r = await cli([bad, file('good.pdf'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`marginiq: ${bad}: No margin figures were found in this PDF.\n`);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('reports a missing file on one line with exit 2', async () => {
    const r = await cli([path.join(dir, 'nope.pdf'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^marginiq: .*nope\.pdf: /);
  });

  it('exits 1 on an internal error without a stack trace', async () => {
    const r = await cli([file('boom.pdf'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('treats no file and unknown options as usage errors (exit 2)', async () => {
    expect((await cli([])).code).toBe(2);
    const r = await cli(['--frobnicate', file('a.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses real bad inputs through the real extractor with one line each', async () => {
    const r = await cli([file('empty.pdf', ''), file('text.pdf', 'hello'), '--json'], false);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `marginiq: ${path.join(dir, 'empty.pdf')}: The file is empty.`,
      `marginiq: ${path.join(dir, 'text.pdf')}: The file is not a PDF.`,
    ]);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('extracts a real PDF end to end', async () => {
    const pdf = file(
      'real.pdf',
      await buildTextPdf([
        [
          ['Account: 5551-2345', 50, 50],
          ['As of 11/27/2026', 50, 66],
          ['Total Equity', 50, 90],
          ['10,000.00', 300, 90],
          ['Maintenance Requirement', 50, 106],
          ['2,500.00', 300, 106],
        ],
      ]),
    );
    const r = await cli([pdf, '--json'], false);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({
      account_number: '5551-2345',
      fields: { total_equity: 10000, maintenance_requirement: 2500 },
    });
  });
});
