import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, type ExportTable, reportsTable } from '../../src/core/export/export.table.ts';
import type { Report } from '../../src/core/report/report.model.ts';
import { csvField, toCsv } from '../../src/render/csv.writer.ts';
import { toParquet } from '../../src/render/parquet.writer.ts';
import { columnLetter, toXlsx } from '../../src/render/xlsx.writer.ts';
import { reportData } from '../digest/fixtures.ts';
import { parseCsv, unzip } from './file-readers.ts';

const stored = (over: Partial<Report> & { account: string; date: string; fields?: Record<string, number> }): Report => {
  const data = reportData({
    account: over.account,
    date: over.date,
    equity: 1_234_567.89,
    requirement: 456_789,
    excess: -85_432.11,
  });
  return {
    id: '00000000-0000-4000-8000-000000000001',
    accountNumber: over.account,
    reportDate: over.date,
    extracted: data,
    confidence: 0.97,
    qualityScore: 0.95,
    status: 'approved',
    createdBy: 'slack:U1',
    processingTimeMs: 420,
    sourceFileName: over.sourceFileName ?? 'statement.pdf',
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ingestionId: null,
    needsReview: false,
    decidedBy: 'slack:U2',
    decidedAt: '2026-11-27T11:00:00.000Z',
    decisionReason: over.decisionReason ?? null,
    version: 2,
  };
};

const hostile = [
  stored({
    account: 'U1234567',
    date: '2026-11-27',
    sourceFileName: '=HYPERLINK("http://evil","x").pdf',
    decisionReason: 'said "ok", then\r\nleft',
  }),
  stored({
    account: 'U7654321',
    date: '2026-11-26',
    sourceFileName: '+cmd|calc.pdf',
    decisionReason: '@SUM(A1) <b>&amp;</b>',
  }),
  stored({ account: 'U0000001', date: '2026-11-25', sourceFileName: '-2+3.pdf', decisionReason: '\tTabbed' }),
];

describe('CSV export', () => {
  it('quotes per RFC 4180 and defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    // Numbers are numbers: a debit stays a negative number.
    expect(csvField(-85_432.11)).toBe('-85432.11');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('round-trips: every row parses back to the same fields, with CRLF line ends', () => {
    const table = reportsTable(hostile);
    const text = new TextDecoder().decode(toCsv(table));
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(hostile.length + 1);
    for (const r of rows) expect(r).toHaveLength(EXPORT_COLUMNS.length);
    const col = (name: string) => EXPORT_COLUMNS.findIndex((c) => c.name === name);
    expect(rows[1]?.[col('account_number')]).toBe('U1234567');
    expect(rows[1]?.[col('total_equity')]).toBe('1234567.89');
    expect(rows[1]?.[col('excess_liquidity')]).toBe('-85432.11');
    expect(rows[1]?.[col('source_file_name')]).toBe(`'=HYPERLINK("http://evil","x").pdf`);
    expect(rows[1]?.[col('decision_reason')]).toBe('said "ok", then\r\nleft');
    expect(rows[2]?.[col('source_file_name')]).toBe("'+cmd|calc.pdf");
    expect(rows[2]?.[col('decision_reason')]).toBe("'@SUM(A1) <b>&amp;</b>");
    expect(rows[3]?.[col('source_file_name')]).toBe("'-2+3.pdf");
    expect(rows[3]?.[col('decision_reason')]).toBe("'\tTabbed");
    // No cell of any row starts with a formula character.
    for (const r of rows.slice(1)) {
      for (const [i, cell] of r.entries())
        if (EXPORT_COLUMNS[i]?.kind === 'text') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('XLSX export', () => {
  it('is a ZIP holding the OOXML parts, with the rows in the sheet XML', () => {
    const bytes = toXlsx(reportsTable(hostile), { at: new Date('2026-11-27T10:00:00Z') });
    expect(Buffer.from(bytes.subarray(0, 4)).toString('hex')).toBe('504b0304');
    const parts = unzip(bytes);
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">account_number</t></is></c>');
    expect(sheet).toContain('<t xml:space="preserve">U1234567</t>');
    // Numbers are typed cells, text is inline text (never a formula), markup is escaped.
    const equityCol = columnLetter(EXPORT_COLUMNS.findIndex((c) => c.name === 'total_equity'));
    expect(sheet).toContain(`<c r="${equityCol}2"><v>1234567.89</v></c>`);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;).pdf');
    expect(sheet).toContain('@SUM(A1) &lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(sheet.match(/<row /g)).toHaveLength(hostile.length + 1);
    expect(parts.get('xl/workbook.xml')!.toString()).toContain('<sheet name="Reports" sheetId="1" r:id="rId1"/>');
  });

  it('names columns past Z the way spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('drops characters XML cannot carry instead of writing a broken sheet', () => {
    const table: ExportTable = { columns: [{ name: 'x', kind: 'text' }], rows: [['bell\u0007 and nul\u0000 here']] };
    const sheet = unzip(toXlsx(table)).get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).toContain('bell and nul here');
  });
});

describe('Parquet export', () => {
  it('writes typed, nullable columns that read back to the same values', async () => {
    const table = reportsTable(hostile);
    const bytes = toParquet(table);
    expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('PAR1');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const meta = parquetMetadata(buffer);
    expect(Number(meta.num_rows)).toBe(hostile.length);
    const rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
    expect(rows[0]?.account_number).toBe('U1234567');
    expect(rows[0]?.total_equity).toBe(1_234_567.89);
    expect(rows[0]?.excess_liquidity).toBe(-85_432.11);
    expect(rows[0]?.margin_call).toBeNull();
    expect(rows[0]?.needs_review).toBe(false);
    expect((rows[0]!.report_date as Date).toISOString().slice(0, 10)).toBe('2026-11-27');
    expect((rows[0]!.decided_at as Date).toISOString()).toBe('2026-11-27T11:00:00.000Z');
    expect(rows[1]?.decision_reason).toBe('@SUM(A1) <b>&amp;</b>');
  });
});
