import { describe, expect, it } from 'vitest';
import { doubtLookalikeLeads, liftLookalikeCap } from '../../src/extraction/fields/account.glyphs.ts';
import type { ExtractedAccount } from '../../src/extraction/fields/fields.extractor.ts';
import { glyphRuns, likeness } from '../../src/extraction/ocr/glyph.likeness.ts';
import { judgeLead, settleLookalikeLeads } from '../../src/extraction/ocr/lead.settle.ts';
import type { Gray } from '../../src/extraction/ocr/lost.marks.ts';
import type { OcrPage } from '../../src/extraction/ocr/ocr.verify.ts';

/** Shapes drawn the way a font draws them, on a 14 x 22 cell: a narrow oval, a round ring, a bar, a box. */
type Shape = 'oval' | 'ring' | 'bar' | 'box' | 'dash';
const H = 22;

function inkAt(shape: Shape, x: number, y: number): boolean {
  const cy = H / 2;
  const ring = (rx: number, ry: number, cx: number) => {
    const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
    const inner = ((x - cx) / (rx - 2.5)) ** 2 + ((y - cy) / (ry - 2.5)) ** 2;
    return d <= 1 && inner > 1;
  };
  switch (shape) {
    case 'oval':
      return ring(5, 10.5, 6);
    case 'ring':
      return ring(9, 10.5, 10);
    case 'bar':
      return x >= 5 && x <= 7 && y >= 1 && y <= 21;
    case 'box':
      return x >= 1 && x <= 11 && y >= 1 && y <= 21 && (x <= 3 || x >= 9 || y <= 3 || y >= 19);
    case 'dash':
      return x >= 1 && x <= 7 && y >= 10 && y <= 12;
  }
}

const WIDTH: Record<Shape, number> = { oval: 12, ring: 20, bar: 13, box: 13, dash: 9 };

/** A scanned token: the shapes side by side with a gap, a little gray noise (seeded). */
function token(shapes: Shape[], gap = 4): Gray {
  const width = shapes.reduce((w, s) => w + WIDTH[s] + gap, gap);
  const height = H + 6;
  const pixels = new Uint8Array(width * height).fill(250);
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed % 21) - 10;
  };
  let left = gap;
  for (const s of shapes) {
    for (let y = 0; y < H; y++)
      for (let x = 0; x < WIDTH[s]; x++) if (inkAt(s, x, y)) pixels[(y + 3) * width + left + x] = 30;
    left += WIDTH[s] + gap;
  }
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i]! + noise()));
  return { pixels, width, height };
}

describe('glyphs of a scanned token', () => {
  it('are found one per character, specks aside', () => {
    const g = token(['oval', 'bar', 'dash', 'box', 'oval']);
    g.pixels[2 * g.width + 1] = 0;
    expect(glyphRuns(g)).toHaveLength(5);
  });

  it('look alike when the same character is printed twice, not when a rounder letter stands for the digit', () => {
    const g = token(['oval', 'ring', 'bar', 'oval']);
    const [oval, ring, bar, again] = glyphRuns(g);
    expect(likeness(g, oval!, g, again!)).toBeGreaterThan(0.9);
    expect(likeness(g, ring!, g, again!)).toBeLessThan(0.75);
    expect(likeness(g, bar!, g, again!)).toBeLessThan(0.75);
  });
});

describe('the first glyph of a scanned account, against the same digit printed later in it', () => {
  it('is settled when a digit read as a digit matches the digit printed again', () => {
    expect(judgeLead({ gray: token(['oval', 'bar', 'box', 'oval']), text: '0140' }, '0').settled).toBe(true);
  });

  it('is refused when the glyph read as a digit is drawn unlike that digit (a letter read as a digit)', () => {
    expect(judgeLead({ gray: token(['ring', 'bar', 'box', 'oval']), text: '0140' }, '0').settled).toBe(false);
  });

  it('is settled when a glyph read as a letter is drawn unlike the digit, and refused when it is that digit', () => {
    expect(judgeLead({ gray: token(['ring', 'bar', 'box', 'oval']), text: 'O140' }, '0').settled).toBe(true);
    expect(judgeLead({ gray: token(['oval', 'bar', 'box', 'oval']), text: 'O140' }, '0').settled).toBe(false);
  });

  it('may be confirmed, as a digit only, by the digit printed in another token of the page', () => {
    const figure = { gray: token(['box', 'oval', 'dash', 'oval']), text: '40-0' };
    expect(judgeLead({ gray: token(['oval', 'bar', 'box']), text: '014' }, '0', [figure]).settled).toBe(true);
    expect(judgeLead({ gray: token(['ring', 'bar', 'box']), text: '014' }, '0', [figure]).settled).toBeNull();
    expect(judgeLead({ gray: token(['ring', 'bar', 'box']), text: 'O14' }, '0', [figure]).settled).toBeNull();
  });

  it('says nothing without the digit printed again, or where glyphs and characters do not pair up', () => {
    expect(judgeLead({ gray: token(['oval', 'bar', 'box', 'box']), text: '0144' }, '0').settled).toBeNull();
    expect(judgeLead({ gray: token(['oval', 'bar', 'oval']), text: '0140' }, '0').settled).toBeNull();
  });
});

/** A one-band scan page holding one token at (100, 20) pixels, one pixel a point. */
function page(g: Gray): { page: OcrPage; bbox: [number, number, number, number] } {
  const width = 400;
  const height = 60;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const pgm = new Uint8Array(header.length + width * height).fill(250);
  pgm.set(header, 0);
  for (let y = 0; y < g.height; y++)
    pgm.set(g.pixels.subarray(y * g.width, (y + 1) * g.width), header.length + (y + 17) * width + 100);
  const bbox: [number, number, number, number] = [102, 19, 100 + g.width - 2, 17 + g.height - 2];
  return { page: { images: [{ pgm, scale: 1, offsetX: 0, offsetY: 0 }], level: { slope: 0, cx: 200, cy: 30 } }, bbox };
}

function scannedAccount(value: string, bbox: [number, number, number, number]): ExtractedAccount {
  const a: ExtractedAccount = {
    account: { value, conf: 0.95, evidence: { page: 1, bbox, label: null, text: value, source: 'ocr' } },
    date: null,
    currency: { value: 'USD', conf: 0.9 },
    fields: {},
    issues: [],
  };
  doubtLookalikeLeads([a], { lines: [], ocrPages: new Set([0]) });
  return a;
}

describe('a scanned account held back for its first glyph', () => {
  it('gets its confidence back where the pixels show the glyph is what the scan read, and stays held otherwise', () => {
    const right = page(token(['oval', 'bar', 'box', 'dash', 'oval']));
    const a = scannedAccount('014-0', right.bbox);
    expect(a.account!.conf).toBe(0.75);
    settleLookalikeLeads([a], new Map([[0, right.page]]));
    expect(a.account!.conf).toBe(0.95);
    expect(a.issues).toEqual([]);

    const wrong = page(token(['ring', 'bar', 'box', 'dash', 'oval']));
    const b = scannedAccount('014-0', wrong.bbox);
    settleLookalikeLeads([b], new Map([[0, wrong.page]]));
    expect(b.account!.conf).toBe(0.75);
    expect(b.issues.map((i) => i.code)).toEqual(['lookalike_account']);
  });

  it('stays held where the letter and the digit may be drawn alike in the pixels too (a serif I and a 1)', () => {
    const ones = page(token(['bar', 'oval', 'bar', 'box']));
    const a = scannedAccount('1014', ones.bbox);
    settleLookalikeLeads([a], new Map([[0, ones.page]]));
    expect(a.account!.conf).toBe(0.75);
    expect(judgeLead({ gray: token(['bar', 'oval', 'bar', 'box']), text: '1014' }, '1').settled).toBe(true);
  });

  it('stays held where another doubt names the account', () => {
    const right = page(token(['oval', 'bar', 'box', 'dash', 'oval']));
    const a = scannedAccount('014-0', right.bbox);
    a.issues.push({ code: 'rival_account', field: 'account_number', severity: 'warning', message: 'another' });
    expect(liftLookalikeCap(a)).toBe(false);
    settleLookalikeLeads([a], new Map([[0, right.page]]));
    expect(a.account!.conf).toBe(0.75);
  });
});

describe("a scanned account held back for the glyph at its prefix's boundary with its digits", () => {
  it('is judged at that glyph: a digit read as a digit matching the digit printed again, a letter unlike it', () => {
    expect(judgeLead({ gray: token(['box', 'oval', 'bar', 'oval']), text: 'H010' }, '0', [], 1).settled).toBe(true);
    expect(judgeLead({ gray: token(['box', 'ring', 'bar', 'oval']), text: 'H010' }, '0', [], 1).settled).toBe(false);
    expect(judgeLead({ gray: token(['box', 'ring', 'bar', 'oval']), text: 'HO10' }, '0', [], 1).settled).toBe(true);
    expect(judgeLead({ gray: token(['box', 'oval', 'bar', 'oval']), text: 'HO10' }, '0', [], 1).settled).toBe(false);
  });

  it('gets its confidence back where the pixels settle the boundary glyph, and stays held otherwise', () => {
    const right = page(token(['box', 'oval', 'box', 'dash', 'oval']));
    const a = scannedAccount('H0H-0', right.bbox);
    expect(a.account!.conf).toBe(0.75);
    settleLookalikeLeads([a], new Map([[0, right.page]]));
    expect(a.account!.conf).toBe(0.95);

    const wrong = page(token(['box', 'ring', 'box', 'dash', 'oval']));
    const b = scannedAccount('H0H-0', wrong.bbox);
    settleLookalikeLeads([b], new Map([[0, wrong.page]]));
    expect(b.account!.conf).toBe(0.75);
    expect(b.issues.map((i) => i.code)).toEqual(['lookalike_account']);

    const unsettled = page(token(['box', 'oval', 'box', 'box']));
    const c = scannedAccount('H0HH', unsettled.bbox);
    settleLookalikeLeads([c], new Map([[0, unsettled.page]]));
    expect(c.account!.conf).toBe(0.75);
  });

  it('stays held where the boundary glyph is a 1 or an I (a serif I and a 1 are drawn alike)', () => {
    const ones = page(token(['box', 'bar', 'oval', 'bar']));
    const a = scannedAccount('H101', ones.bbox);
    settleLookalikeLeads([a], new Map([[0, ones.page]]));
    expect(a.account!.conf).toBe(0.75);
  });
});
