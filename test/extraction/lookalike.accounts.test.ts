import { describe, expect, it } from 'vitest';
import {
  doubtLookalikeLeads,
  lookalikeBoundary,
  lookalikeLead,
  lookalikePrefix,
} from '../../src/extraction/fields/account.glyphs.ts';
import type { ExtractedAccount } from '../../src/extraction/fields/fields.extractor.ts';
import type { Segmented } from '../../src/extraction/layout/segments.ts';

const scanned = (value: string, conf = 0.95): ExtractedAccount => ({
  account: { value, conf, evidence: { page: 2, bbox: [0, 0, 10, 10], label: null, text: value, source: 'ocr' } },
  date: null,
  currency: { value: 'USD', conf: 0.9 },
  fields: {},
  issues: [],
});

/** One line of one cell on a 0-based page. */
const line = (page: number, index: number, text: string): Segmented => ({
  page,
  index,
  top: 100,
  bottom: 110,
  height: 10,
  text,
  cells: [{ text, x0: 50, x1: 200, y0: 100, y1: 110, conf: 1, spans: [] }],
  segs: [{ kind: 'text', text, x0: 50, x1: 200, conf: 1, cell: 0 }],
});

describe('the first glyph of a scanned account number', () => {
  it('has a look-alike only where a digit follows it', () => {
    expect(lookalikeLead('07719342')).toBe('O7719342');
    expect(lookalikeLead('S4410872')).toBe('54410872');
    expect(lookalikeLead('8-2207-11')).toBeNull();
    expect(lookalikeLead('BX330912')).toBeNull();
    expect(lookalikeLead('37719342')).toBeNull();
  });

  it('has a letter look-alike where a leading digit stands before letters', () => {
    expect(lookalikePrefix('1V476093')).toBe('IV476093');
    expect(lookalikePrefix('0K120044')).toBe('OK120044');
    expect(lookalikePrefix('17719342')).toBeNull();
    expect(lookalikePrefix('IV476093')).toBeNull();
    expect(lookalikePrefix('4V476093')).toBeNull();
  });

  it('puts a scanned number whose leading digit may be the first letter of a prefix below review', () => {
    const accounts = [scanned('5Q220719'), scanned('SQ720719')];
    doubtLookalikeLeads(accounts, { lines: [], ocrPages: new Set([1]) });
    expect(accounts.map((a) => a.account!.conf)).toEqual([0.75, 0.95]);
    expect(accounts[0]!.issues[0]!.message).toContain('SQ220719');
  });

  it('puts a scanned number that may lead with a letter or a digit below review, with the reason', () => {
    const accounts = [scanned('17820455'), scanned('I7820466'), scanned('47820477')];
    doubtLookalikeLeads(accounts, { lines: [line(1, 0, 'Portfolio 17820455')], ocrPages: new Set([1]) });
    expect(accounts.map((a) => a.account!.conf)).toEqual([0.75, 0.75, 0.95]);
    expect(accounts[0]!.issues).toEqual([
      expect.objectContaining({ code: 'lookalike_account', field: 'account_number' }),
    ]);
    expect(accounts[1]!.issues[0]!.message).toContain('17820466');
  });

  it('takes the reading a text layer prints, and keeps a number the text layer confirms', () => {
    const lines = [line(0, 0, 'Portfolio ref. O6620014'), line(0, 1, 'Holder 52200719'), line(1, 2, '06620014')];
    const ctx = { lines, ocrPages: new Set([1]) };
    const misread = [scanned('06620014')];
    doubtLookalikeLeads(misread, ctx);
    expect(misread[0]!.account).toMatchObject({ value: 'O6620014', conf: 0.95, evidence: { source: 'text', page: 1 } });
    const confirmed = [scanned('52200719')];
    doubtLookalikeLeads(confirmed, ctx);
    expect(confirmed[0]!.account).toMatchObject({ value: '52200719', conf: 0.95 });
    expect(confirmed[0]!.issues).toEqual([]);
  });

  it('leaves a number read from a text layer alone', () => {
    const text = scanned('08812003');
    text.account!.evidence!.source = 'text';
    doubtLookalikeLeads([text], { lines: [], ocrPages: new Set() });
    expect(text.account!.conf).toBe(0.95);
  });

  it('does not take a look-alike printed inside a longer number', () => {
    const accounts = [scanned('06620014')];
    doubtLookalikeLeads(accounts, { lines: [line(0, 0, 'Ref XO66200145')], ocrPages: new Set([1]) });
    expect(accounts[0]!.account).toMatchObject({ value: '06620014', conf: 0.75 });
  });
});

describe("the glyphs at the boundary of a scanned account number's letter prefix and its digits", () => {
  it('have a look-alike on either side: the last letter as a digit, the first digit as a letter', () => {
    expect(lookalikeBoundary('G0823489').map((d) => d.twin)).toEqual(['GO823489']);
    expect(lookalikeBoundary('GO823489').map((d) => d.twin)).toEqual(['G0823489', 'GOB23489']);
    expect(lookalikeBoundary('AS720044').map((d) => d.twin)).toEqual(['A5720044']);
    expect(lookalikeBoundary('A6720044').map((d) => d.twin)).toEqual(['AG720044']);
    expect(lookalikeBoundary('UZ720044').map((d) => d.twin)).toEqual(['U2720044']);
    expect(lookalikeBoundary('WX720044')).toEqual([]);
    expect(lookalikeBoundary('A-120044')).toEqual([]);
    expect(lookalikeBoundary('72004411')).toEqual([]);
  });

  it('put the number below review with the reason, unless a text layer prints it', () => {
    const accounts = [scanned('G0823489'), scanned('GO823489'), scanned('W1720044'), scanned('WX720044')];
    doubtLookalikeLeads(accounts, { lines: [], ocrPages: new Set([1]) });
    expect(accounts.map((a) => a.account!.conf)).toEqual([0.75, 0.75, 0.75, 0.95]);
    expect(accounts[0]!.issues).toEqual([
      expect.objectContaining({
        code: 'lookalike_account',
        field: 'account_number',
        message: expect.stringContaining('GO823489'),
      }),
    ]);
    expect(accounts[2]!.issues[0]!.message).toContain('WI720044');

    const lines = [line(0, 0, 'Account GO823489')];
    const misread = [scanned('G0823489')];
    doubtLookalikeLeads(misread, { lines, ocrPages: new Set([1]) });
    expect(misread[0]!.account).toMatchObject({ value: 'GO823489', conf: 0.95 });
    const confirmed = [scanned('GO823489')];
    doubtLookalikeLeads(confirmed, { lines, ocrPages: new Set([1]) });
    expect(confirmed[0]!.account).toMatchObject({ value: 'GO823489', conf: 0.95 });
    expect(confirmed[0]!.issues).toEqual([]);
  });
});
