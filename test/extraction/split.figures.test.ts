import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/extraction/layout/lines.builder.ts';
import { segmentLine } from '../../src/extraction/layout/segments.ts';
import { openFigures } from '../../src/extraction/solver/open.figures.ts';
import { phrase } from './support/words.builder.ts';

/** The values the open figures offer for a one-line statement row, OCR'd (`scanned`) or a text layer. */
function offered(label: string, figures: string, scanned = true): number[] {
  const conf = scanned ? 0.8 : 1;
  const words = [...phrase(label, 40, 100), ...phrase(figures, 300, 100)].map((w) => ({ ...w, conf }));
  const lines = buildLines(words, 0).map((l) =>
    segmentLine(l, { locale: 'comma', dateOrder: 'dmy', ocr: scanned, spaceGroups: false }),
  );
  return openFigures(lines).map((f) => f.value);
}

describe('a figure OCR cut in two at a group mark', () => {
  it('is offered whole beside its pieces, its sign from the first piece', () => {
    expect(offered('Valeur des ventes', '-41 -300,00')).toContain(-41300);
  });

  it('is offered whole with the later groups it keeps', () => {
    expect(offered('Valeur des ventes', '-1 -234.567,89')).toContain(-1234567.89);
  });

  it('is not joined across a minus that only the second piece carries', () => {
    expect(offered('Valeur des ventes', '41 -300,00')).not.toContain(41300);
    expect(offered('Valeur des ventes', '41 -300,00')).not.toContain(-41300);
  });

  it('is not joined where the second piece does not start with a group of three', () => {
    expect(offered('Valeur des ventes', '-41 -30,00')).not.toContain(-4130);
  });

  it('is never joined in a text layer', () => {
    expect(offered('Valeur des ventes', '-41 -300,00', false)).not.toContain(-41300);
  });
});
