import { describe, expect, it } from 'vitest';
import { isNoneCell } from '../../src/extraction/vocabulary/context.match.ts';

describe('a value cell that says there is none, as a scan reads it', () => {
  it.each(['Nil', 'NONE |', 'none ad |', 'Nil ii', '| None'])('reads %s as none', (text) => {
    expect(isNoneCell(text)).toBe(true);
  });
  it.each(['None of the above', 'None to report today', 'Nil balance brought forward', 'Notes', 'None 1,200.00'])(
    'does not read %s as none',
    (text) => {
      expect(isNoneCell(text)).toBe(false);
    },
  );
});
