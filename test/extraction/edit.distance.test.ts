import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/extraction/parse/edit.distance.ts';

describe('editDistance', () => {
  it('counts a changed, an added and a dropped character as one each', () => {
    expect(editDistance('22408.72', '22408.72')).toBe(0);
    expect(editDistance('992223.80', '907223.80')).toBe(2);
    expect(editDistance('2408.72', '22408.72')).toBe(1);
    expect(editDistance('U0718377', '*U0718377')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('gives up past a limit, answering limit + 1, and is exact within it', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abcdef', 'ab', 2)).toBe(3);
    expect(editDistance('maintenance', 'maintenanse', 1)).toBe(1);
    expect(editDistance('8606-61044', '860-61044', 1)).toBe(1);
  });
});
