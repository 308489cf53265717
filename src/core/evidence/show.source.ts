import type { Access } from '../access/roles.ts';
import { textCard } from '../cards/card.model.ts';
import { fieldFlagged } from '../cards/report.fields.ts';
import type { ActionResult } from '../decisions/decide.usecases.ts';
import type { GatewayRegistry, Platform } from '../ports/chat.ports.ts';
import type { FileStorage } from '../ports/files.ports.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import { FIELD_LABELS, FIELD_NAMES } from '../report/report.schema.ts';
import { conversationOf } from '../summary/summary.usecases.ts';
import { type Box, cropRegion } from './crop.region.ts';

/** Renders one region of one page with the value boxed (src/render/evidence.crop.ts). */
export type CropRenderer = (input: {
  pdf: Uint8Array;
  page: number;
  region: Box;
  box: Box;
}) => Promise<{ png: Uint8Array }>;

export interface ShowSourceDeps {
  repos: Pick<Repositories, 'reports' | 'ingestions'>;
  storage: FileStorage;
  gateways: GatewayRegistry;
  access: Access;
  renderCrop?: CropRenderer;
  logger: { warn(o: object, m?: string): void };
}

/** The fields of a report that need review and have evidence: what Show source crops. */
export const sourcedFields = (d: Parameters<typeof fieldFlagged>[0]) =>
  FIELD_NAMES.filter((f) => fieldFlagged(d, f) && d.evidence?.[f] !== undefined);

/**
 * Issue 14, Show source: posts in the report's thread a crop of the page region around each flagged
 * value, with the value boxed. Only the region is rendered; the crops are stored beside the PDF in
 * the same file storage (content-addressed, same retention); a multi-account PDF's crop stops short
 * of the boxes the other reports of that upload were read from.
 */
export async function showSource(
  deps: ShowSourceDeps,
  input: { user: string; reportId: string },
): Promise<ActionResult> {
  if (!(await deps.access.can(input.user, 'read')))
    return { notice: textCard('Not allowed', 'Reading reports needs at least the viewer role.', 'warning') };
  const report = await deps.repos.reports.findById(input.reportId);
  if (!report) return { notice: textCard('Not found', 'That report no longer exists.', 'warning') };
  const ingestion = report.ingestionId ? await deps.repos.ingestions.findById(report.ingestionId) : undefined;
  const gateway = ingestion ? deps.gateways[ingestion.platform as Platform] : undefined;
  const fields = sourcedFields(report.extracted);
  if (!ingestion?.storageKey || !gateway || !deps.renderCrop || fields.length === 0)
    return {
      notice: textCard('No source to show', 'No value of this report that needs review has a recorded source.'),
    };
  const pdf = await deps.storage.get(ingestion.storageKey);
  const others = (await deps.repos.reports.byIngestion(ingestion.id))
    .filter((r) => r.id !== report.id)
    .flatMap((r) => Object.values(r.extracted.evidence ?? {}));
  for (const f of fields) {
    const ev = report.extracted.evidence![f]!;
    const region = cropRegion(
      ev,
      others.filter((o) => o.page === ev.page).map((o) => o.bbox),
      { width: Number.POSITIVE_INFINITY, height: Number.POSITIVE_INFINITY },
    );
    try {
      const { png } = await deps.renderCrop({ pdf, page: ev.page, region, box: ev.bbox });
      await deps.storage.put(png, { contentType: 'image/png', extension: 'png' });
      await gateway.uploadFile(conversationOf(ingestion), {
        name: `${report.accountNumber}-${f}-p${ev.page}.png`,
        bytes: png,
        contentType: 'image/png',
        title: `${FIELD_LABELS[f]} · ${report.accountNumber} · page ${ev.page}`,
        comment: `Source of ${FIELD_LABELS[f]}: page ${ev.page}${ev.label ? `, “${ev.label}”` : ''}, printed “${ev.text}”.`,
      });
    } catch (err) {
      deps.logger.warn({ err, reportId: report.id, field: f }, 'evidence crop not shown');
      return { notice: textCard('Source not shown', 'MarginIQ could not render that page region.', 'warning') };
    }
  }
  return {};
}
