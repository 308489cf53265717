/**
 * Dates as statements print them: `2026-11-27`, `11/27/2026`, `27.11.2026`, `27-NOV-2026`,
 * `Nov 27, 2026`, `November 27, 2026`, `27 November 2026`, `Friday, 27th Nov 2026`, `20261127`.
 */

export type DateOrder = 'mdy' | 'dmy';

export interface DateMatch {
  iso: string;
  index: number;
  length: number;
  raw: string;
  /** 1 for unambiguous forms, lower when day and month could swap. */
  quality: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MON = String.raw`(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?<day>[0-3]?\d)(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?<year>(?:19|20)\d{2}|'?\d{2})`;

const PATTERNS: { re: RegExp; kind: 'ymd' | 'num' | 'dmon' | 'mond' | 'compact' }[] = [
  { re: /(?<!\d)(?<year>(?:19|20)\d{2})[-/.](?<mo>[01]?\d)[-/.](?<day>[0-3]?\d)(?!\d)/gi, kind: 'ymd' },
  {
    re: /(?<![\d/.-])(?<a>[0-3]?\d)(?<sep>[/.-])(?<b>[0-3]?\d)\k<sep>(?<year>(?:19|20)\d{2}|\d{2})(?![\d/]|[.-]\d)/gi,
    kind: 'num',
  },
  { re: new RegExp(String.raw`(?<![\w])${DAY}[\s-]+${MON}[\s,-]+${YEAR}(?!\d)`, 'gi'), kind: 'dmon' },
  { re: new RegExp(String.raw`(?<![\w])${MON}(?:\s*|-)${DAY}(?:,\s*|\s+|-)${YEAR}(?!\d)`, 'gi'), kind: 'mond' },
  { re: /(?<!\d)(?<year>20\d{2})(?<mo>[01]\d)(?<day>[0-3]\d)(?!\d)/g, kind: 'compact' },
];

function fullYear(y: string): number {
  const n = Number(y.replace("'", ''));
  return n < 100 ? 2000 + n : n;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date in `text`. `order` decides `03/04/2026` when both readings are valid. */
export function findDates(text: string, order: DateOrder = 'mdy', allowCompact = false): DateMatch[] {
  const out: DateMatch[] = [];
  const taken: [number, number][] = [];
  for (const { re, kind } of PATTERNS) {
    if (kind === 'compact' && !allowCompact) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const g = m.groups!;
      let iso: string | null = null;
      let quality = 1;
      if (kind === 'ymd' || kind === 'compact') iso = isoDate(Number(g.year), Number(g.mo), Number(g.day));
      else if (kind === 'dmon' || kind === 'mond') {
        const mon =
          MONTHS[g.mon!.toLowerCase().slice(0, g.mon!.toLowerCase().startsWith('sept') ? 4 : 3)] ??
          MONTHS[g.mon!.toLowerCase().slice(0, 3)];
        iso = mon ? isoDate(fullYear(g.year!), mon, Number(g.day)) : null;
      } else {
        const a = Number(g.a);
        const b = Number(g.b);
        const y = fullYear(g.year!);
        const dotted = g.sep === '.';
        const mdy = isoDate(y, a, b);
        const dmy = isoDate(y, b, a);
        const preferDmy = dotted || order === 'dmy';
        iso = preferDmy ? (dmy ?? mdy) : (mdy ?? dmy);
        if (mdy && dmy && a !== b) quality = dotted ? 0.9 : 0.85;
        if (g.year!.length === 2) quality = Math.min(quality, 0.9);
      }
      if (!iso) continue;
      taken.push([start, end]);
      out.push({ iso, index: start, length: m[0].length, raw: m[0], quality });
    }
  }
  return out.sort((x, y) => x.index - y.index);
}

/** Guesses day-first from unambiguous dates elsewhere in the document (`27/11/2026`). */
export function detectDateOrder(text: string): DateOrder {
  let dmy = 0;
  let mdy = 0;
  for (const m of text.matchAll(/(?<![\d/])([0-3]?\d)[/-]([0-3]?\d)[/-](?:19|20)?\d{2}(?!\d)/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy++;
    if (b > 12 && a <= 12) mdy++;
  }
  return dmy > mdy ? 'dmy' : 'mdy';
}
