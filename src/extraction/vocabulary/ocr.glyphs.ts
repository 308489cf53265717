/**
 * Letters and digits a scan draws alike and OCR reads either way (`O6457771` read `06457771`): pairs
 * of one letter and the digit it may be read as. Inside a run of digits OCR leans to the digit, inside
 * a word to the letter; a number's first glyph has only its right-hand neighbour to lean on.
 */
export const LOOKALIKE_GLYPHS: readonly (readonly [letter: string, digit: string])[] = [
  ['O', '0'],
  ['I', '1'],
  ['S', '5'],
  ['B', '8'],
];
