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
    const reading = readingOf(report(fileName));
    if (fileName.startsWith('explain')) {
      reading.evidence = {
        account_number: { page: 1, bbox: [120, 60, 170, 70], label: 'Account', text: 'U1' },
        total_equity: { page: 1, bbox: [400.25, 180, 452, 190.5], label: 'Net Liquidation Value', text: '1.00' },
      };
      reading.rivals = {
        total_equity: [
          {
            value: 0.5,
            evidence: { page: 1, bbox: [480, 180, 530, 190], label: 'Prior Day', text: '0.50' },
            reason: 'prior-day column',
          },
        ],
        margin_call: [{ value: 7, evidence: null, reason: 'a due amount of another account' }],
      };
    }
    return { readings: [reading], method: 'text', pages: 1, processing_time_ms: 1 };
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

  it('puts evidence in every --json report, {} when nothing says where a value was read', async () => {
    const r = await cli([file('plain.pdf'), file('explain-a.pdf'), '--json']);
    const [plain, explained] = JSON.parse(r.stdout) as MarginReport[];
    expect(plain!.evidence).toEqual({});
    expect(explained!.evidence!.total_equity).toEqual({
      page: 1,
      bbox: [400.25, 180, 452, 190.5],
      label: 'Net Liquidation Value',
      text: '1.00',
    });
    // Rivals are for people: never in the JSON contract.
    expect(JSON.stringify(JSON.parse(r.stdout))).not.toContain('prior-day');
  });

  it('--explain prints each value with its label, page and box, and the rivals that lost with the reason', async () => {
    const r = await cli([file('explain-b.pdf'), '--explain']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.trimStart().startsWith('Total equity'));
    expect(lines[at]).toMatch(/Total equity\s+1\.00/);
    expect(lines[at + 1]).toBe(
      '      read "1.00" under label "Net Liquidation Value", page 1, box [400.3, 180.0, 452.0, 190.5]',
    );
    expect(lines[at + 2]).toBe(
      '      rejected 0.50 ("0.50", page 1, box [480.0, 180.0, 530.0, 190.0]): prior-day column',
    );
    // A field with no value but a rejected candidate says so; a value without evidence says that too.
    expect(r.stdout).toContain('Margin call');
    expect(r.stdout).toContain('rejected 7.00: a due amount of another account');
    expect(r.stdout).toMatch(/Maintenance requirement\s+1\.00\n\s+\(no evidence recorded\)/);
  });

  it('--json --explain keeps stdout the JSON array alone and explains on stderr', async () => {
    const r = await cli([file('explain-c.pdf'), '--json', '--explain']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain('rejected 0.50');
  });

  it('refuses --memory on one line, exit 2, when it was given no database', async () => {
    const r = await cli([file('a.pdf'), '--memory', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^marginiq: extract: --memory needs the database/);
  });

  it('names --explain and --memory in its usage', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toContain('[--json] [--explain] [--memory]');
  });
});
