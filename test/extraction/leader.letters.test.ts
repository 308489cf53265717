import { describe, expect, it } from 'vitest';
import { leaderLetterRuns } from '../../src/extraction/layout/leader.letters.ts';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { phrase } from './support/words.builder.ts';

/** The pieces of one line of words, read by OCR (`scanned`) or from a text layer. */
function pieces(text: string, scanned = true) {
  const words = phrase(text, 40, 100).map((w) => ({ ...w, conf: scanned ? 0.9 : 1 }));
  const [line] = buildLines(words, 0);
  return segmentLine(line!, { locale: 'dot', dateOrder: 'dmy', ocr: scanned }).segs;
}

describe('a dotted leader a scan read as letters', () => {
  it('ends the label before it, as its dots would, and the label leads to the figure', () => {
    const segs = pieces("Erhaltungsmarge vuuvvveivyinnvrvnvnnvinniiniinnes 409'600.00");
    expect(segs[0]).toMatchObject({ kind: 'text', text: 'Erhaltungsmarge', leads: true });
    expect(segs.filter((s) => s.kind === 'amount').map((s) => s.amount!.value)).toEqual([409600]);
  });

  it('leaves the stray words after the leader a piece of their own, not part of the label', () => {
    const segs = pieces('Saldo vvivvivuns EERE 1,234.50');
    expect(segs.map((s) => s.text)).toEqual(['Saldo', 'EERE', '1,234.50']);
  });

  it('finds no leader in the words of labels, however long', () => {
    for (const t of ['Unterdeckung Erhaltungsmarge', 'Maintenance requirement', 'Nettovermoegen', 'minimum'])
      expect(leaderLetterRuns(t)).toEqual([]);
  });

  it('leaves a text layer alone: its letters are what was printed', () => {
    expect(pieces('Saldo vvivvivuns 1,234.50', false)[0]!.text).toBe('Saldo vvivvivuns');
  });
});
