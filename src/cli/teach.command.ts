import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { FIELD_NAMES, type FieldName } from '../contract/fields.ts';
import { toAppError } from '../core/errors.ts';
import { teachLayout } from '../core/memory/layout-memory.usecases.ts';
import type { UnitOfWork } from '../core/ports/repositories.ports.ts';
import type { Extractor, LayoutDocument } from '../extraction/extractor.ts';
import type { TaughtReport } from '../extraction/memory/layout.teach.ts';
import { PAGE_RASTER_MODULE } from '../render/page.raster.module.ts';

export interface TeachCommandDeps {
  config: Config;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  logger: Logger;
  /** The database's unit of work (the CLI opens DATA_DIR or DATABASE_URL). */
  openStore: () => Promise<{ uow: UnitOfWork; close: () => Promise<void> }>;
  createExtractor?: () => Extractor | Promise<Extractor>;
  /** Who taught it, for the audit trail (default: the login name). */
  user?: string;
}

const USAGE = 'usage: marginiq teach <file.pdf> (--set field=value … | --truth truth.json) [--account ACCT]';

type Parsed = { file: string; reports: TaughtReport[] } | { problem: string };

async function parse(args: string[]): Promise<Parsed> {
  let file: string | null = null;
  let truth: string | null = null;
  let account: string | null = null;
  const set: Partial<Record<FieldName, number>> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value (${USAGE})`);
      return v;
    };
    if (a === '--set') {
      const [name, raw] = value().split('=', 2);
      const n = Number(raw?.replace(/[,_\s]/g, ''));
      if (!FIELD_NAMES.includes(name as FieldName))
        return { problem: `--set ${name}: not a field (one of ${FIELD_NAMES.join(', ')})` };
      if (raw === undefined || raw.trim() === '' || !Number.isFinite(n))
        return { problem: `--set ${name}: ${JSON.stringify(raw ?? '')} is not a number` };
      set[name as FieldName] = n;
    } else if (a === '--truth') truth = value();
    else if (a === '--account') account = value();
    else if (a.startsWith('-')) return { problem: `unknown option ${a} (${USAGE})` };
    else if (file) return { problem: `one file at a time (${USAGE})` };
    else file = a;
  }
  if (!file) return { problem: `no file given (${USAGE})` };
  if (truth && Object.keys(set).length) return { problem: `--set and --truth: give one or the other (${USAGE})` };
  if (truth) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(truth, 'utf8'));
    } catch {
      return { problem: `${truth}: not a readable truth file (JSON with "reports")` };
    }
    const reports = (parsed as { reports?: unknown }).reports;
    if (!Array.isArray(reports) || reports.length === 0)
      return { problem: `${truth}: no "reports" in it (the scorer's truth format)` };
    return {
      file,
      reports: reports.map((r: { account_number?: string | null; fields?: Record<string, unknown> }) => ({
        account: r.account_number ?? null,
        fields: Object.fromEntries(
          Object.entries(r.fields ?? {}).filter(
            ([k, v]) => FIELD_NAMES.includes(k as FieldName) && typeof v === 'number' && Number.isFinite(v),
          ),
        ) as TaughtReport['fields'],
      })),
    };
  }
  if (Object.keys(set).length === 0)
    return { problem: `nothing to teach: give --set field=value or --truth (${USAGE})` };
  return { file, reports: [{ account, fields: set }] };
}

/**
 * `marginiq teach <file.pdf> (--set field=value … | --truth truth.json)`: teaches the local
 * database where this document's layout prints each corrected value, as an approver's edit would.
 * Exit 0 when at least one rule was stored; 2 when the input is unusable or nothing could be learned
 * (one stderr line per problem).
 */
export async function runTeachCommand(args: string[], deps: TeachCommandDeps): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    deps.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let parsed: Parsed;
  try {
    parsed = await parse(args);
  } catch (err) {
    parsed = { problem: (err as Error).message };
  }
  if ('problem' in parsed) {
    deps.stderr.write(`marginiq: teach: ${parsed.problem}\n`);
    return 2;
  }
  const { file, reports } = parsed;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    deps.stderr.write(`marginiq: ${file}: ${code === 'ENOENT' ? 'No such file.' : 'The file cannot be read.'}\n`);
    return 2;
  }
  let extractor: Extractor | null = null;
  try {
    if (deps.createExtractor) extractor = await deps.createExtractor();
    else {
      const { createExtractor } = await import('../extraction/extractor.ts');
      extractor = createExtractor({
        pageRaster: PAGE_RASTER_MODULE,
        maxFileBytes: deps.config.limits.maxFileBytes,
        maxPages: deps.config.limits.maxPages,
        timeoutMs: deps.config.limits.extractTimeoutMs,
        ocrWorkers: deps.config.ocrWorkers,
        logger: deps.logger,
      });
    }
    if (!extractor.readLayout) throw new Error('this extractor cannot read layouts');
    let doc: LayoutDocument;
    try {
      doc = await extractor.readLayout(bytes);
    } catch (err) {
      const e = toAppError(err);
      if (!e.permanent) throw err;
      deps.stderr.write(`marginiq: ${file}: ${e.message.replace(/\s+/g, ' ').trim()}\n`);
      return 2;
    }
    const store = await deps.openStore();
    try {
      const taughtBy = deps.user ?? os.userInfo().username;
      const result = await teachLayout(
        { uow: store.uow },
        { doc, reports, source: { reportId: null, fileName: path.basename(file), taughtBy } },
      );
      for (const n of result.notLearned)
        deps.stderr.write(
          `marginiq: ${file}: ${n.field}${n.account && reports.length > 1 ? ` (${n.account})` : ''}: not learned: ${n.reason}\n`,
        );
      if (result.learned.length === 0) {
        deps.stderr.write(
          `marginiq: ${file}: nothing was taught: no corrected value is printed where it can be found again\n`,
        );
        return 2;
      }
      deps.stdout.write(
        `taught layout ${result.layoutId} (${result.name}${result.isNew ? ', new' : ''}): ${result.learned.length} rule${result.learned.length === 1 ? '' : 's'}\n`,
      );
      for (const l of result.learned)
        deps.stdout.write(
          `  ${l.field.padEnd(24)} ${l.printed.padStart(18)}  ${l.label ? `"${l.label}"` : '(account row)'}${l.column ? ` under "${l.column}"` : ''}\n`,
        );
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    await extractor?.close().catch(() => {});
  }
}
