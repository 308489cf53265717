import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { callLine, fieldFlagged } from '../core/cards/report.fields.ts';
import { AppError, toAppError } from '../core/errors.ts';
import { formatMegabytes } from '../core/format.ts';
import { describeProgress } from '../core/ingest/progress.text.ts';
import type { ExtractionProgress } from '../core/ports/extraction.ports.ts';
import { finishReport } from '../core/report/report.finish.ts';
import { FIELD_LABELS, FIELD_NAMES, type MarginReport } from '../core/report/report.schema.ts';
import type { Extractor } from '../extraction/extractor.ts';
import type { LayoutMemory } from '../extraction/memory/memory.recall.ts';
import { PAGE_RASTER_MODULE } from '../render/page.raster.module.ts';
import { explain } from './extract.explain.ts';
import { byAccount, statusText } from './report.status.ts';

export interface ExtractCommandDeps {
  config: Config;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  logger: Logger;
  /** Tests may pass their own; by default one is built from the config. */
  createExtractor?: () => Extractor | Promise<Extractor>;
  /** Calls and deficits in red (a terminal without NO_COLOR). */
  color?: boolean;
  /** Layout memory for `--memory` (the CLI opens the database); plain extract never calls it. */
  openMemory?: () => Promise<{ memory: LayoutMemory; close: () => Promise<void> }>;
  /** Progress appears on a terminal's stderr once a file has taken this long (default 1 s). */
  progressAfterMs?: number;
}

const USAGE = 'usage: marginiq extract <file.pdf>… [--json] [--explain] [--memory]';

/** One line, no stack: the refusal a user reads. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * `marginiq extract <file.pdf>… [--json] [--explain] [--memory]`: runs extraction on local files,
 * writes nothing else. Exit 0 when every file gave reports, 2 when a file or the usage was refused
 * (one stderr line each), 1 on an internal error.
 *
 * `--explain` prints where each value came from and which rivals lost. With `--json` it goes to
 * stderr, so stdout stays the JSON array alone (whose `evidence` already says where each value was
 * read); without `--json` it replaces the summary on stdout.
 * `--memory` (layout memory, issue 16) also uses the rules approvers taught for known layouts, read
 * from the database (DATA_DIR or DATABASE_URL); without it nothing touches the database.
 */
export async function runExtractCommand(args: string[], deps: ExtractCommandDeps): Promise<number> {
  const files: string[] = [];
  let json = false;
  let explainAll = false;
  let memory = false;
  let literal = false;
  for (const a of args) {
    if (!literal && a === '--') literal = true;
    else if (!literal && a === '--json') json = true;
    else if (!literal && a === '--explain') explainAll = true;
    else if (!literal && a === '--memory') memory = true;
    else if (!literal && (a === '--help' || a === '-h')) {
      deps.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (!literal && a.startsWith('-') && a !== '-') {
      deps.stderr.write(`marginiq: extract: unknown option ${a} (${USAGE})\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    deps.stderr.write(`marginiq: extract: no file given (${USAGE})\n`);
    return 2;
  }
  if (memory && !deps.openMemory) {
    deps.stderr.write('marginiq: extract: --memory needs the database, which this command was not given\n');
    return 2;
  }
  // Layout memory: opened only when asked, so plain extract never touches the database.
  const store = memory && deps.openMemory ? await deps.openMemory() : null;

  let loadReadingCode = () => {};
  if (!deps.createExtractor) {
    // Documents are read in this thread, which has nothing else to do (pages.reading.ts readDocumentsHere); the
    // PDF reader thread starts now: pdf.js loads there while this thread loads the extractor.
    const [reading, { prestartPdfReader }] = await Promise.all([
      import('../extraction/pages.reading.ts'),
      import('../extraction/pdf/pdf-document.reader.ts'),
    ]);
    reading.readDocumentsHere();
    loadReadingCode = reading.loadReadingCode;
    prestartPdfReader(PAGE_RASTER_MODULE);
  }
  const held: { extractor: Extractor | null } = { extractor: null };
  const getExtractor = async (): Promise<Extractor> => {
    if (held.extractor) return held.extractor;
    if (deps.createExtractor) held.extractor = await deps.createExtractor();
    else {
      const { createExtractor } = await import('../extraction/extractor.ts');
      held.extractor = createExtractor({
        pageRaster: PAGE_RASTER_MODULE,
        maxFileBytes: deps.config.limits.maxFileBytes,
        maxPages: deps.config.limits.maxPages,
        timeoutMs: deps.config.limits.extractTimeoutMs,
        ocrWorkers: deps.config.ocrWorkers,
        logger: deps.logger,
      });
    }
    return held.extractor;
  };

  const reports: MarginReport[] = [];
  const color = deps.color ?? false;
  let code = 0;
  try {
    for (const [n, file] of files.entries()) {
      const progress = progressLine(deps.stderr, files.length > 1 ? `[${n + 1}/${files.length}] ${file}` : file, {
        afterMs: deps.progressAfterMs ?? 1000,
      });
      try {
        const bytes = await readInput(file, deps.config.limits.maxFileBytes);
        const extractor = await getExtractor();
        const extracting = extractor.extract({
          bytes,
          fileName: path.basename(file),
          ...(progress ? { onProgress: progress.update } : {}),
          ...(store ? { memory: store.memory } : {}),
        });
        // The PDF went to the reader thread within this tick: load the reading code while that thread parses.
        setImmediate(loadReadingCode);
        const outcome = await extracting;
        progress?.end();
        const now = new Date();
        // `evidence` is always in the report, `{}` when nothing says where a value was read.
        const found = outcome.readings.map((r) => ({ ...finishReport(r, { now }), evidence: r.evidence ?? {} }));
        reports.push(...found);
        // The readable forms list a file's accounts in the summary card's order.
        const order = found.map((r, i) => ({ r, reading: outcome.readings[i]! })).sort((a, b) => byAccount(a.r, b.r));
        if (explainAll) {
          const text = order.map(({ r, reading }) => explain(r, reading)).join('\n');
          (json ? deps.stderr : deps.stdout).write(text);
        } else if (!json) deps.stdout.write(order.map(({ r }) => summarize(r, { color })).join('\n'));
      } catch (err) {
        progress?.end();
        const e = toAppError(err);
        if (e.permanent) {
          deps.stderr.write(`marginiq: ${file}: ${oneLine(e.message)}\n`);
          code = Math.max(code, 2) === 1 ? 1 : 2;
        } else {
          deps.logger.debug({ err, file }, 'extract failed');
          // First line of the message only: never a stack frame on the user's terminal.
          const first = (e.message.split('\n')[0] ?? '').replace(/\s+at\s.*$/, '').slice(0, 200);
          deps.stderr.write(`marginiq: ${file}: internal error${first ? `: ${oneLine(first)}` : ''}\n`);
          code = 1;
        }
      }
    }
  } finally {
    await held.extractor?.close().catch(() => {});
    await store?.close().catch(() => {});
  }
  if (json) deps.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return code;
}

async function readInput(file: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const { stat } = await import('node:fs/promises');
    const st = await stat(file);
    if (st.isDirectory()) throw new AppError('input.not_pdf', 'This is a folder, not a PDF file.');
    if (st.size > maxBytes) {
      throw new AppError(
        'input.too_large',
        `The file is ${formatMegabytes(st.size)}; the limit is ${formatMegabytes(maxBytes)}.`,
      );
    }
    return new Uint8Array(await readFile(file));
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('command.usage', 'No such file.');
    if (code === 'EACCES' || code === 'EPERM')
      throw new AppError('command.usage', 'The file cannot be read (permission denied).');
    throw new AppError('command.usage', 'The file cannot be read.', { cause: err });
  }
}

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const RED = (s: string) => `\x1b[1;31m${s}\x1b[0m`;

/** The readable form: one block per report; figures the card marks carry `(!)`, a call or deficit its own line. */
export function summarize(r: MarginReport, opts: { color?: boolean } = {}): string {
  const loud = (s: string) => (opts.color ? RED(s) : s);
  const head = `${r.source_file_name}: account ${r.account_number ?? '(not found)'}, as of ${r.report_date ?? '(not found)'}, ${r.currency}${r.broker ? `, ${r.broker}` : ''}`;
  const lines = [head];
  const owed = callLine(r);
  if (owed) lines.push(loud(`  !! ${owed.toUpperCase()}`));
  for (const f of FIELD_NAMES) {
    const v = r.fields[f];
    if (v === undefined) continue;
    const c = r.confidence.fields[f];
    lines.push(
      `  ${FIELD_LABELS[f].padEnd(24)} ${money(v).padStart(18)}${c !== undefined ? `  (confidence ${c.toFixed(2)})` : ''}${fieldFlagged(r, f) ? '  (!)' : ''}`,
    );
  }
  lines.push(owed ? loud(`  ${statusText(r)}`) : `  ${statusText(r)}`);
  for (const i of r.issues) lines.push(`  ${i.severity}: ${i.message}`);
  lines.push(`  read by ${r.method}, ${r.pages} page${r.pages === 1 ? '' : 's'}, ${r.processing_time_ms} ms`);
  return `${lines.join('\n')}\n`;
}

/**
 * One line of progress on a terminal's stderr, redrawn in place, for a file that takes longer than
 * `afterMs`; erased when the file is done. Nothing at all when stderr is not a terminal (pipes, logs, CI).
 */
export function progressLine(
  stderr: NodeJS.WritableStream,
  label: string,
  opts: { afterMs: number },
): { update: (p: ExtractionProgress) => void; end: () => void } | null {
  if (!(stderr as NodeJS.WriteStream).isTTY) return null;
  let text = 'reading';
  let shown = false;
  let ended = false;
  const draw = () => stderr.write(`\r\x1b[2K${label}: ${text}…`);
  const timer = setTimeout(() => {
    shown = true;
    draw();
  }, opts.afterMs);
  timer.unref?.();
  return {
    update(p) {
      if (ended) return;
      text = describeProgress(p);
      if (shown) draw();
    },
    end() {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      if (shown) stderr.write('\r\x1b[2K');
    },
  };
}
