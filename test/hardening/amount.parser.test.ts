import { describe, expect, it } from 'vitest';
import { parseAmountStrict, printAmount } from '../../src/contract/amount.strict.ts';
import { editSubmissionSchema } from '../../src/core/decisions/edit.schema.ts';
import { createRng, type Rng } from '../fixtures/prng.ts';

const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** A random amount written the way a statement or a person writes it, with the value it means. */
function writtenAmount(rng: Rng): { text: string; value: number } {
  const intDigits = rng.int(1, 11);
  let int = String(rng.int(1, 9));
  for (let i = 1; i < intDigits; i++) int += String(rng.int(0, 9));
  if (rng.chance(0.1)) int = '0';
  const decimals = rng.pick([0, 0, 1, 2, 2, 2, 4]);
  let frac = '';
  for (let i = 0; i < decimals; i++) frac += String(rng.int(0, 9));
  const magnitude = Number(frac ? `${int}.${frac}` : int);
  const style = rng.pick(['plain', 'comma', 'apostrophe', 'euro'] as const);
  let num: string;
  if (style === 'plain') num = frac ? `${int}.${frac}` : int;
  else if (style === 'comma') num = group(int, ',') + (frac ? `.${frac}` : '');
  else if (style === 'apostrophe') num = group(int, "'") + (frac ? `.${frac}` : '');
  else num = group(int, '.') + (frac ? `,${frac}` : '');
  // `1.234` alone is ambiguous and refused; the generator writes forms that must be accepted.
  if (style === 'euro' && !frac && !/\.\d{3}\./.test(num)) num = int;
  if (style === 'plain' && /^\d{1,3}\.\d{3}$/.test(num)) num = `${group(int, ',')}.${frac}0`;
  // As statements print them: a prefix currency and the sign around the figure, a suffix code after it, DR/CR last.
  const currency = rng.pick(['', '', '$', '€', 'USD ', ' USD', '£'] as const);
  const sign = magnitude === 0 ? 'none' : rng.pick(['none', 'none', 'lead', 'trail', 'paren', 'dr', 'cr'] as const);
  const prefixed = currency.startsWith(' ') ? num : `${currency}${num}`;
  const signed =
    sign === 'lead'
      ? `-${prefixed}`
      : sign === 'trail'
        ? `${prefixed}-`
        : sign === 'paren'
          ? `(${prefixed})`
          : prefixed;
  const suffixed = currency.startsWith(' ') ? `${signed}${currency}` : signed;
  const text = sign === 'dr' ? `${suffixed} DR` : sign === 'cr' ? `${suffixed} CR` : suffixed;
  const negative = sign === 'lead' || sign === 'trail' || sign === 'paren' || sign === 'dr';
  return { text, value: negative ? -magnitude : magnitude };
}

describe('the one strict amount parser (edit forms and the extractor)', () => {
  it('reads every written form to the value it means, and the value it prints reads back the same', () => {
    const rng = createRng('edited-amounts');
    for (let i = 0; i < 3000; i++) {
      const { text, value } = writtenAmount(rng);
      const read = parseAmountStrict(text);
      expect(read, text).toMatchObject({ ok: true, value });
      if (!read.ok) continue;
      const printed = printAmount(read.value);
      expect(parseAmountStrict(printed), `${text} → ${printed}`).toMatchObject({ ok: true, value: read.value });
    }
  });

  it('refuses what statements never print as one amount', () => {
    for (const text of ['$-$5', '1-2-3', '1,2,3,4', '--5', '(-5)', '1.234']) {
      expect(parseAmountStrict(text).ok, text).toBe(false);
    }
  });

  it('reads a trailing minus as negative, as statements print it', () => {
    expect(parseAmountStrict('5-')).toEqual({ ok: true, value: -5 });
    expect(parseAmountStrict('1,234.56-')).toEqual({ ok: true, value: -1234.56 });
    expect(parseAmountStrict('$5-')).toEqual({ ok: true, value: -5, currency: 'USD' });
    expect(parseAmountStrict('(1,234.56)')).toEqual({ ok: true, value: -1234.56 });
    expect(parseAmountStrict('1,234.56 DR')).toEqual({ ok: true, value: -1234.56 });
    expect(parseAmountStrict('1,234.56 CR')).toEqual({ ok: true, value: 1234.56 });
    expect(parseAmountStrict('USD 1,234.56')).toEqual({ ok: true, value: 1234.56, currency: 'USD' });
    expect(parseAmountStrict('−5')).toEqual({ ok: true, value: -5 });
  });

  it.each([
    '$-$5',
    '1-2-3',
    '1,2,3,4',
    '--5',
    '-5-',
    '(-5)',
    '(5) DR',
    '-5 CR',
    '1.234',
    '1e5',
    'Infinity',
    'NaN',
    '0x10',
    '007',
    '5 5',
    '$',
    '-',
    '9'.repeat(309),
    `${'9'.repeat(16)}`,
    `0.${'1'.repeat(9)}`,
    'x'.repeat(65),
  ])('refuses %j with a sentence, never a guess', (text) => {
    const read = parseAmountStrict(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('the edit form', () => {
  const form = {
    account_number: 'U1',
    report_date: '2026-11-27',
    currency: 'EUR',
    reason: 'typo on the scan',
  };

  it('names the field whose amount is refused', () => {
    const r = editSubmissionSchema.safeParse({ ...form, total_equity: '1-2-3', margin_call: '9'.repeat(309) });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.path[0]).sort()).toEqual(['margin_call', 'total_equity']);
  });

  it('refuses an amount written in another currency than the report', () => {
    const r = editSubmissionSchema.safeParse({ ...form, total_equity: 'USD 5' });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues[0]).toMatchObject({
        path: ['total_equity'],
        message: 'is in USD but the report is in EUR',
      });
    const ok = editSubmissionSchema.safeParse({ ...form, total_equity: '€ 5-', cash_balance: '' });
    expect(ok.success && ok.data.total_equity).toBe(-5);
    expect(ok.success && ok.data.cash_balance).toBeUndefined();
  });
});
