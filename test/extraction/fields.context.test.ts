import { describe, expect, it } from 'vitest';
import { contextOf, isNoneWord, namesOtherAccount } from '../../src/extraction/vocabulary/context.match.ts';
import { CONTEXT_PHRASES, NONE_WORDS, OTHER_ACCOUNT_WORDS } from '../../src/extraction/vocabulary/fields.context.ts';

describe('figure context vocabulary', () => {
  it('reads row labels, column titles and qualifiers as whole words', () => {
    expect(contextOf('Current')).toBe('current');
    expect(contextOf('Prior Day')).toBe('distractor');
    expect(contextOf('prior:')).toBe('distractor');
    expect(contextOf('YTD')).toBe('distractor');
    expect(contextOf('REPORT TOTAL (5 ACCOUNTS)')).toBe('total');
    expect(contextOf('Household')).toBe('combined');
    expect(contextOf('PLTR')).toBeNull();
    // Whole words only: `lowest` is not `low`, `totally` is not `total`.
    expect(contextOf('Lowest')).toBeNull();
    expect(contextOf('totally')).toBeNull();
  });

  it('lets a distractor outweigh `current` in one title', () => {
    expect(contextOf('Current vs prior day')).toBe('distractor');
  });

  it('names the accounts printed beside the report account', () => {
    expect(namesOtherAccount('Master Account')).toBe(true);
    expect(namesOtherAccount('Sweep acct')).toBe(true);
    expect(namesOtherAccount('TRANSFER FROM ACCT')).toBe(true);
    expect(namesOtherAccount('Account')).toBe(false);
    expect(namesOtherAccount('Account number')).toBe(false);
  });

  it('reads words that stand for no figure, in several languages, and nothing longer', () => {
    for (const w of ['NONE', 'Nil', 'keine', 'néant', '—', 'N/A']) expect(isNoneWord(w)).toBe(true);
    expect(isNoneWord('None of the above applies')).toBe(false);
    expect(isNoneWord('Call amount')).toBe(false);
  });

  it('reads a bilingual word for nothing (`keine / none`) as one, and a half that is a figure’s label as none', () => {
    expect(isNoneWord('keine / none')).toBe(true);
    expect(isNoneWord('aucun | nil')).toBe(true);
    expect(isNoneWord('N / A')).toBe(true);
    expect(isNoneWord('keine / Margin call')).toBe(false);
  });

  it('reads a word for nothing printed in two languages without a separator (`なし None`) as none', () => {
    expect(isNoneWord('なし None')).toBe(true);
    expect(isNoneWord('NIL 없음')).toBe(true);
    expect(isNoneWord('无 None')).toBe(true);
    expect(isNoneWord('無 / Nil')).toBe(true);
    expect(isNoneWord('なし Margin call')).toBe(false);
  });

  it('keeps every list free of duplicates and empty entries', () => {
    const lists = [...Object.values(CONTEXT_PHRASES), OTHER_ACCOUNT_WORDS, NONE_WORDS];
    for (const list of lists) {
      expect(list.every((p) => p.trim().length > 0)).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
  });
});
