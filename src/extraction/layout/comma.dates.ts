import { type DateOrder, type DateOrderReading, findDates } from '../parse/date.parser.ts';

/** Three two-digit groups (the last may hold a four-digit year) joined by commas, alone between other marks. */
const COMMA_DATE = /(?<![\d.,'’])(\d{2}),(\d{2}),(\d{2}|\d{4})(?![\d.,'’])/g;

/**
 * A scan's date dots are specks OCR may read as commas: `Stichtag 07,12,26` for `07.12.26`. No figure
 * is grouped so (two-digit groups end in a three-digit one in every grouping), so where the digits
 * make a real date in the document's order, the commas were dots. The text keeps its length.
 */
export function mendCommaDates(text: string, order: DateOrder | DateOrderReading): string {
  return text.replace(COMMA_DATE, (m, a: string, b: string, y: string) => {
    const dotted = `${a}.${b}.${y}`;
    const date = findDates(dotted, order)[0];
    return date && date.index === 0 && date.length === dotted.length ? dotted : m;
  });
}
