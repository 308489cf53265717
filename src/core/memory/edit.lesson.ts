import { FIELD_NAMES, type FieldName } from '../../contract/fields.ts';
import { textCard } from '../cards/card.model.ts';
import type { Ingestion } from '../ingest/ingestion.model.ts';
import type { GatewayRegistry } from '../ports/chat.ports.ts';
import type { Extractor } from '../ports/extraction.ports.ts';
import type { FileStorage } from '../ports/files.ports.ts';
import type { UnitOfWork } from '../ports/repositories.ports.ts';
import type { Report } from '../report/report.model.ts';
import { conversationOf } from '../summary/summary.usecases.ts';
import { type TeachResult, teachLayout } from './layout-memory.usecases.ts';

export interface LessonDeps {
  uow: UnitOfWork;
  storage: FileStorage;
  extractor: Pick<Extractor, 'readLayout'>;
  gateways: GatewayRegistry;
  repos: { reports: { byIngestion(id: string): Promise<Report[]> } };
  logger: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
}

const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The fields an edit changed to a value (a field cleared teaches nothing: no figure to point at). */
export function correctedFields(
  before: Partial<Record<FieldName, number>>,
  after: Partial<Record<FieldName, number>>,
): Partial<Record<FieldName, number>> {
  const out: Partial<Record<FieldName, number>> = {};
  for (const f of FIELD_NAMES) {
    const v = after[f];
    if (v !== undefined && (before[f] === undefined || Math.abs(before[f]! - v) > 0.005)) out[f] = v;
  }
  return out;
}

/**
 * Issue 16: an approver's correction teaches the layout. The stored PDF is read again (the same
 * reading extraction uses), each corrected value is looked for in its printed forms, and a rule is
 * stored per value found. The editor is told what was learned and what was not (a value the PDF
 * does not print teaches nothing; the edit itself stands either way).
 */
export async function learnFromEdit(
  deps: LessonDeps,
  input: {
    user: string;
    taughtBy: string;
    report: Report;
    ingestion: Ingestion;
    corrected: Partial<Record<FieldName, number>>;
  },
): Promise<TeachResult | null> {
  const fields = Object.keys(input.corrected) as FieldName[];
  if (fields.length === 0) return null;
  if (!deps.extractor.readLayout || !input.ingestion.storageKey) {
    deps.logger.warn({ reportId: input.report.id }, 'layout memory: the PDF of this report cannot be read again');
    return null;
  }
  const doc = await deps.extractor.readLayout(await deps.storage.get(input.ingestion.storageKey));
  const accounts = (await deps.repos.reports.byIngestion(input.ingestion.id)).length;
  const result = await teachLayout(
    { uow: deps.uow },
    {
      doc,
      accounts,
      reports: [{ account: input.report.accountNumber, fields: input.corrected }],
      source: { reportId: input.report.id, fileName: input.ingestion.fileName, taughtBy: input.taughtBy },
    },
  );
  deps.logger.info(
    {
      reportId: input.report.id,
      layout: result.layoutId,
      learned: result.learned.length,
      notLearned: result.notLearned.length,
    },
    'layout memory: taught from an edit',
  );
  const lines: string[] = [];
  if (result.learned.length)
    lines.push(
      `Learned for layout ${result.layoutId} (${result.name}): ${result.learned.map((l) => l.field).join(', ')}. The next statement of this layout is read there.`,
    );
  for (const n of result.notLearned)
    lines.push(
      `Not learned: ${n.field} ${input.corrected[n.field] === undefined ? '' : money(input.corrected[n.field]!)}: ${n.reason}. Your edit stands.`,
    );
  const gateway = deps.gateways[input.ingestion.platform as keyof GatewayRegistry];
  if (gateway && lines.length)
    await gateway
      .postEphemeral(conversationOf(input.ingestion), input.user, textCard('Layout memory', lines.join('\n')))
      .catch((err: unknown) => deps.logger.warn({ err }, 'layout memory: the notice could not be posted'));
  return result;
}
