import { describe, expect, it } from 'vitest';
import { assembleWords, itemPieces, type Piece } from '../../src/extraction/pdf/glyph.words.ts';
import { inkRegions, mergeBoxes } from '../../src/extraction/pdf/page.regions.ts';
import { judgeFonts, lyingRegions, plausibleToken } from '../../src/extraction/pdf/text.quality.ts';

const glyph = (text: string, x0: number, x1: number, base = 100, font = 'f1', size = 10): Piece => ({
  text,
  x0,
  x1,
  y0: base - 8,
  y1: base + 2,
  conf: 1,
  font,
  base,
  size,
});

/** Glyphs of `text` laid out left to right with `advance` points each, spaces leaving gaps. */
function spell(text: string, x: number, base: number, advance = 5.5): Piece[] {
  const out: Piece[] = [];
  for (const ch of text) {
    if (ch !== ' ') out.push(glyph(ch, x, x + advance, base));
    x += advance;
  }
  return out;
}

describe('assembleWords', () => {
  it('spells words from single glyphs in any drawing order, split where the gap is a space', () => {
    const pieces = [...spell('Excess Liquidity', 50, 100), ...spell('1,234.56', 300, 100.4)];
    const shuffled = pieces.map((p, i) => ({ p, k: (i * 7919) % 31 })).sort((a, b) => a.k - b.k);
    const words = assembleWords(shuffled.map((s) => s.p));
    expect(words.map((w) => w.text)).toEqual(['Excess', 'Liquidity', '1,234.56']);
    expect(words[2]!.x0).toBe(300);
  });

  it('keeps rows apart by baseline and drops a glyph drawn twice on itself', () => {
    const words = assembleWords([
      ...spell('Equity', 50, 100),
      ...spell('Equity', 50.2, 100).slice(5),
      ...spell('Cash', 50, 115),
    ]);
    expect(words.map((w) => w.text)).toEqual(['Equity', 'Cash']);
  });
});

describe('itemPieces', () => {
  it('places the words of an item whose spaces stand for wide gaps where their glyphs are', () => {
    // "Total" (about 24 pt at 10 pt) then a gap pdf.js wrote as one space, then "12.50" ending at 150.
    const [a, b] = itemPieces('Total 12.50', {
      x0: 50,
      top: 92,
      bottom: 102,
      width: 100,
      size: 10,
      base: 100,
      font: 'f',
    });
    expect(a!.text).toBe('Total');
    expect(a!.x1).toBeLessThan(76);
    expect(b!.text).toBe('12.50');
    expect(b!.x0).toBeGreaterThan(120);
    expect(b!.x1).toBeCloseTo(150, 5);
  });
});

describe('judgeFonts', () => {
  it('accepts statement text and refuses control characters and printable nonsense', () => {
    const good = assembleWords(spell('Net Liquidation Value 482,913.55 Account U7654321 USD', 10, 50)).map((w) => ({
      ...w,
      font: 'good',
      base: 50,
      size: 10,
    }));
    const control = [glyph('\u0012\u0003&\u0006\u0010&\u0001\u0004', 10, 60, 80, 'control')];
    const cipher = ['2PF&0F*+0G', 'H??0I"D*AI', '>&OFB*E/@7', 'LDPDO>O"D', '=PG"DO"P"?', 'N$!-<((-9$'].map((t, i) =>
      glyph(t, 10, 60, 100 + i * 15, 'cipher'),
    );
    const v = judgeFonts([...good, ...control, ...cipher]);
    expect(v.get('good')?.usable).toBe(true);
    expect(v.get('control')?.usable).toBe(false);
    expect(v.get('cipher')?.usable).toBe(false);
  });

  it('refuses a font that prints only the few figures of one box in printable nonsense, not a few abbreviations', () => {
    const cipher = ['0\'/-,1#"*!!', "0#-&,''&*#&", '0"$-,\'("*\'!', '+%).'].map((t, i) =>
      glyph(t, 330, 391, 120 + i * 20, 'cipher'),
    );
    const terse = ['Pmt', 'Mgmt', 'Nbr', 'Chg'].map((t, i) => glyph(t, 10, 40, 120 + i * 20, 'terse'));
    const v = judgeFonts([...cipher, ...terse]);
    expect(v.get('cipher')?.usable).toBe(false);
    expect(v.get('terse')?.usable).toBe(true);
  });

  it('judges tokens, not languages', () => {
    expect(plausibleToken('Nettoliquidationswert')).toBe(true);
    expect(plausibleToken('(1,234.56)')).toBe(true);
    expect(plausibleToken('保证金')).toBe(true);
    expect(plausibleToken('N/A')).toBe(true);
    expect(plausibleToken('*+0G"D')).toBe(false);
    expect(plausibleToken('-')).toBe(null);
  });
});

describe('lyingRegions', () => {
  it('covers the glyphs a lying font extracts as spaces: across the gap and an em past each end', () => {
    // `$482,913.55` whose `2,` and first glyph extract as spaces: two pieces with a gap, on one baseline.
    const pieces = [
      glyph('\u0010\u0007', 338, 348, 120, 'liar', 11),
      glyph('\u0011\u0003\u0002', 357, 391, 120, 'liar', 11),
    ];
    const good = [glyph('Value', 50, 80, 120, 'good', 11)];
    const regions = lyingRegions([...pieces, ...good], judgeFonts([...pieces, ...good]));
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatchObject({ x0: 327, x1: 402, y0: 112, y1: 122 });
  });
});

describe('inkRegions', () => {
  const OPS = { save: 1, restore: 2, transform: 3, paintImageXObject: 4, constructPath: 5, fill: 6, stroke: 7 };
  const view = [1, 0, 0, -1, 0, 792]; // PDF space to top-left page space
  const page = { x0: 0, y0: 0, x1: 612, y1: 792 };

  it('finds a large image and outline glyphs, not a rule, a cell box or a logo', () => {
    const rect = (x: number, y: number, w: number, h: number) => [
      0,
      x,
      y,
      1,
      x + w,
      y,
      1,
      x + w,
      y + h,
      1,
      x,
      y + h,
      3,
    ];
    const glyphs = new Float32Array([...rect(300, 600, 3, 8), ...rect(305, 600, 3, 8), ...rect(310, 600, 3, 8)]);
    const list = {
      fnArray: [1, 3, 4, 2, 5, 5, 5, 1, 3, 4, 2],
      argsArray: [
        null,
        [400, 0, 0, 300, 100, 100], // a 400×300 pt picture
        ['img1', 1000, 750],
        null,
        [6, [glyphs], [300, 600, 313, 608]],
        [6, [new Float32Array(rect(50, 500, 500, 0.5))], [50, 500, 550, 500.5]],
        [7, [new Float32Array(rect(50, 480, 500, 14))], [50, 480, 550, 494]],
        null,
        [40, 0, 0, 20, 20, 740], // a 40×20 pt logo
        ['img2', 80, 40],
        null,
      ],
    };
    const regions = inkRegions(list, OPS, view, page);
    expect(regions).toHaveLength(2);
    expect(regions).toContainEqual({ x0: 100, y0: 392, x1: 500, y1: 692 });
    expect(regions).toContainEqual({ x0: 300, y0: 184, x1: 313, y1: 192 });
  });

  it('merges boxes that touch into one region', () => {
    const merged = mergeBoxes([
      { x0: 0, y0: 0, x1: 10, y1: 10 },
      { x0: 100, y0: 0, x1: 110, y1: 10 },
      { x0: 12, y0: 2, x1: 98, y1: 8 },
    ]);
    expect(merged).toEqual([{ x0: 0, y0: 0, x1: 110, y1: 10 }]);
  });
});
