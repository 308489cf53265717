// Self-check of the truth files against what the PDFs actually print.
//
//   node test/holdout/verify.ts [--ocr]
//
// For every text (and the text pages of every mixed) document: each truth number must be printed with the
// right sign convention, the account number and the report date must be printed, and a document whose truth
// has no margin_call must not speak of calls at all. With --ocr, scanned pages are OCRed with tesseract and
// the share of truth values found is reported (OCR misreads are expected; this checks legibility).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, MON, MONTHS } from './lib/dates.ts';
import type { GoodTruth } from './lib/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.join(here, 'reports');
const ocr = process.argv.includes('--ocr');

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function ocrText(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdout-ocr-'));
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', file, path.join(dir, 'p')]);
  let text = '';
  for (const f of fs.readdirSync(dir).sort()) {
    text += execFileSync('tesseract', [path.join(dir, f), '-', '--psm', '4'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}

const group = (n: number, sep: string, dec: string): string => {
  const [i, f] = Math.abs(n).toFixed(2).split('.') as [string, string];
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, sep)}${dec}${f}`;
};
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 'pos' | 'neg' | 'missing': how the number appears in the text */
function findNumber(text: string, v: number, de: boolean): Set<string> {
  const body = esc(group(v, de ? '.' : ',', de ? ',' : '.'));
  const found = new Set<string>();
  const re = new RegExp(
    `(debit of |deficit of |\\(debit\\) |-|\\()?(?:[$\u00a3])?(?<![\\d.,])${body}(?![\\d])(DR|-)?`,
    'g',
  );
  for (const m of text.matchAll(re)) found.add(m[1] || m[2] ? 'neg' : 'pos');
  if (v === 0 && /\.00(?!\d)/.test(text)) found.add('pos');
  return found;
}

function dateForms(iso: string): string[] {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  const y = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()]!;
  return [
    fmt.mdy(d),
    fmt.mdyShort(d),
    fmt.dmy(d),
    fmt.dotted(d),
    fmt.long(d),
    fmt.uk(d),
    fmt.dmonY(d),
    fmt.monDY(d),
    fmt.iso(d),
    `${MON[d.getUTCMonth()]} ${day}, ${y}`,
    `${MON[d.getUTCMonth()]}-${String(day).padStart(2, '0')}-${y}`,
    `${day} ${MON[d.getUTCMonth()]} ${y}`,
    `${month} 1-${day}, ${y}`,
    `${month} 1 - ${day}, ${y}`,
    fmt.dmonYMixed(d),
    iso.replace(/-/g, '/'),
  ];
}

let errors = 0;
let checked = 0;
const ocrRates: string[] = [];
for (const f of fs
  .readdirSync(DIR)
  .filter((x) => x.endsWith('.json'))
  .sort()) {
  const truth = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
  if (truth.expect === 'error') continue;
  const t = truth as GoodTruth;
  const pdf = path.join(DIR, f.replace(/\.json$/, '.pdf'));
  const scanned = t.kind === 'scanned';
  if (scanned && !ocr) continue;
  const text = scanned ? ocrText(pdf) : t.kind === 'mixed' && ocr ? pdfText(pdf) + ocrText(pdf) : pdfText(pdf);
  const flat = text.replace(/\s+/g, ' ');
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const problems: string[] = [];
  let total = 0;
  let hits = 0;
  for (const r of t.reports) {
    const de = r.currency === 'EUR';
    total++;
    if (compact.includes(r.account_number.toUpperCase())) hits++;
    else problems.push(`${r.account_number}: account number not printed`);
    total++;
    if (dateForms(r.report_date).some((x) => flat.includes(x))) hits++;
    else problems.push(`${r.account_number}: report date ${r.report_date} not printed in a known form`);
    for (const [k, v] of Object.entries(r.fields)) {
      total++;
      const seen = findNumber(flat, v, de);
      if (k === 'margin_call' && v === 0 && /\b(none|no margin call)\b/i.test(flat)) seen.add('pos');
      const want = v < 0 ? 'neg' : 'pos';
      if (seen.has(want)) hits++;
      else
        problems.push(
          `${r.account_number}: ${k}=${v} ${seen.size ? `printed only as ${[...seen].join('/')}` : 'not printed'}`,
        );
    }
    const mentionsCall = /\bcalls?\b/i.test(flat);
    if (!('margin_call' in r.fields) && mentionsCall)
      problems.push(`${r.account_number}: truth has no margin_call but the document speaks of calls`);
    if ('margin_call' in r.fields && !mentionsCall)
      problems.push(`${r.account_number}: margin_call in truth but no call mentioned`);
  }
  checked++;
  if (scanned || (t.kind === 'mixed' && ocr)) {
    ocrRates.push(`${f.replace('.json', '')}: ${hits}/${total} truth values found by tesseract`);
    continue;
  }
  if (t.kind === 'mixed') {
    // the scanned pages are not in the text layer: only report what the text pages cannot explain
    continue;
  }
  if (problems.length) {
    errors += problems.length;
    console.log(`${f}:\n  ${problems.join('\n  ')}`);
  }
}
for (const l of ocrRates) console.log(l);
console.log(`verified ${checked} documents: ${errors} problem(s)`);
process.exitCode = errors ? 1 : 0;
