import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/extraction/parse/date.parser.ts';
import { ideographsOfRadicals } from '../../src/extraction/pdf/text-layer.ts';

describe('CJK text drawn with Kangxi radical code points', () => {
  it('reads each radical as the ideograph it looks like, so a date is a date', () => {
    const printed = '結算日 2025年3⽉17⽇';
    expect(findDates(printed)).toHaveLength(0);
    const read = ideographsOfRadicals(printed);
    expect(read).toBe('結算日 2025年3月17日');
    expect(findDates(read)[0]?.iso).toBe('2025-03-17');
  });

  it('leaves other text as it is', () => {
    for (const t of ['Net equity 1,250.00', '保证金 Margin', 'Ⅻ ﬁ ²']) expect(ideographsOfRadicals(t)).toBe(t);
  });
});
