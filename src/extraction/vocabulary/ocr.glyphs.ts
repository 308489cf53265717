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
  ['Z', '2'],
  ['G', '6'],
];

/**
 * Marks OCR reads for the apostrophe that groups a figure's digits (`1'962'400.00`): a quote, a
 * backtick, an accent, a left or typographic quote, a prime.
 */
export const APOSTROPHE_LOOKALIKES: readonly string[] = ['"', '`', '´', '‘', '“', '”', '′', '″'];

/** Digits OCR reads an apostrophe group mark as (`1'636'369.70` read `17636'369.70`). */
export const TICK_DIGITS: readonly string[] = ['1', '7'];

/**
 * Look-alike pairs that some fonts draw alike in the pixels too, so that even another print of the digit
 * beside the glyph cannot tell them apart: a serif `I` and a `1` are both a stem with serifs (on generated
 * serif scans they match as closely as two prints of one digit). Only the scan's reading names these.
 */
export const PIXEL_TWINS: readonly (readonly [letter: string, digit: string])[] = [['I', '1']];

/**
 * Letters OCR reads a dotted leader as on a coarse scan (`Saldo ........ 1'234.50` read
 * `Saldo vvivvivuns 1'234.50`): a long run of mostly these is a leader, never a word of a label.
 */
export const LEADER_GLYPHS = 'vinu';

/**
 * Currency signs whose strokes reach into the digit printed against them, with the digits a scan reads
 * that digit as: the euro's bars cross a serif `4` and the pair reads `€1` (`€101.210,44` for
 * `€401.210,44`). Such a digit after such a sign is in doubt (fields/lost.digit.ts).
 */
export const SIGN_OVER_DIGIT: readonly (readonly [sign: string, digits: string])[] = [['€', '1']];

/** Letters a scan may read as a mark that looks like them (`$8795394` for `S8795394`): mark → letter. */
export const MARK_LETTERS: readonly (readonly [mark: string, letter: string])[] = [['$', 'S']];

/** Marks a speck on a scan is read as, inside a run of letters and digits (`U937959%4`). */
export const SPECK_MARKS: readonly string[] = ['%', '&', '#', '*', '§', '^', '~', '@'];
