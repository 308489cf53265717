import { type ExtractedAccount, extractAccounts } from '../../../src/extraction/fields/fields.extractor.ts';
import { buildLines } from '../../../src/extraction/layout/lines.builder.ts';
import { type Segmented, type SegmentOptions, segmentLine } from '../../../src/extraction/layout/segments.ts';
import type { PageWord } from '../../../src/extraction/pdf/page.types.ts';

/** How a test page's words are read: dot decimals and month-first dates from a text layer unless it says otherwise. */
export type ReadOptions = Partial<SegmentOptions> & {
  /** Read the words in an order shuffled with this seed: content-stream order must not matter. */
  shuffle?: number;
};

/** Words in a seeded shuffled order. */
export function shuffled(words: readonly PageWord[], seed: number): PageWord[] {
  const out = [...words];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One page of placed words as field reading sees it: lines built and segmented. */
export function segmented(words: readonly PageWord[], opts: ReadOptions = {}): Segmented[] {
  const { shuffle, ...seg } = opts;
  const ordered = shuffle === undefined ? [...words] : shuffled(words, shuffle);
  return buildLines(ordered, 0).map((l) => segmentLine(l, { locale: 'dot', dateOrder: 'mdy', ocr: false, ...seg }));
}

/** The first account the lines give (a scan's when `ocr`), and its fields' values and certainties by name. */
export function readAccount(lines: Segmented[], ocr = false) {
  const [account] = extractAccounts(lines, ocr ? new Set([0]) : new Set());
  if (!account) throw new Error('no account read');
  const field = (f: string) => account.fields[f as keyof ExtractedAccount['fields']];
  return {
    account,
    value: (f: string) => field(f)?.value,
    conf: (f: string) => field(f)?.conf ?? 1,
    codes: account.issues.map((i) => `${i.code}:${i.field ?? ''}`),
  };
}
