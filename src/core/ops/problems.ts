import type { CardBlock } from '../cards/card.model.ts';
import { formatWhen } from '../format.ts';
import type { ArchiveFinding, OpsRepository, ProblemRow } from './ops.port.ts';

/** How many problems `/margin health` and the console's status page list. */
export const RECENT_PROBLEMS = 10;

export interface Problem {
  at: string;
  severity: 'warning' | 'error';
  /** What failed, in words. */
  what: string;
  /** The file, report, schedule or check concerned. */
  subject: string | null;
  /** The plain-sentence reason. */
  reason: string;
}

type CheckDetail = { checks?: Record<string, { status?: string; detail?: string }> };
type ArchiveDetail = { checked?: number; missing?: ArchiveFinding[]; changed?: ArchiveFinding[] };

const sentence = (s: string | null | undefined, fallback: string) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? fallback : t;
};

/** A stored row as people read it. */
export function describeProblem(r: ProblemRow): Problem {
  switch (r.kind) {
    case 'upload_failed':
      return {
        at: r.at,
        severity: 'warning',
        what: 'Upload could not be read',
        subject: r.subject,
        reason: sentence(r.reason, 'No reason was recorded.'),
      };
    case 'upload_dead':
      return {
        at: r.at,
        severity: 'error',
        what: 'Upload failed after its retries (dead-lettered)',
        subject: r.subject,
        reason: sentence(r.reason, 'No reason was recorded.'),
      };
    case 'schedule_failed':
      return {
        at: r.at,
        severity: 'error',
        what: `Scheduled job ${(r.subject ?? 'unknown').replace(/^marginiq\./, '')} failed`,
        subject: null,
        reason: sentence(r.reason, 'No reason was recorded.'),
      };
    case 'health': {
      const checks = Object.entries((r.detail as CheckDetail | null)?.checks ?? {}).filter(
        ([, c]) => c.status && c.status !== 'ok',
      );
      return {
        at: r.at,
        severity: r.reason === 'down' ? 'error' : 'warning',
        what: `Service ${r.reason ?? 'unhealthy'}`,
        subject: checks.length ? checks.map(([n]) => n).join(', ') : null,
        reason: checks.length
          ? checks.map(([n, c]) => `${n} ${c.status}${c.detail ? `: ${c.detail}` : ''}`).join('; ')
          : 'The health watcher recorded it; no check said why.',
      };
    }
    case 'archive': {
      const d = (r.detail ?? {}) as ArchiveDetail;
      const found = [...(d.missing ?? []), ...(d.changed ?? [])];
      return {
        at: r.at,
        severity: 'error',
        what: 'Archive check found missing or changed files',
        subject: found.length ? found.map((f) => f.file).join(', ') : null,
        reason: `${d.missing?.length ?? 0} missing, ${d.changed?.length ?? 0} changed of ${d.checked ?? 0} stored PDFs checked.`,
      };
    }
  }
}

export async function recentProblems(ops: Pick<OpsRepository, 'recentProblems'>, limit = RECENT_PROBLEMS) {
  return (await ops.recentProblems(limit)).map(describeProblem);
}

export const problemLine = (p: Problem) =>
  `${formatWhen(p.at)} · ${p.severity} · ${p.what}${p.subject ? ` · ${p.subject}` : ''} — ${p.reason}`;

/** The problems as one card list, newest first; a clean record says so. */
export function problemBlocks(problems: Problem[]): CardBlock[] {
  if (problems.length === 0)
    return [
      {
        type: 'text',
        muted: true,
        text: 'No warnings or errors recorded: no failed upload, schedule, health change or archive check.',
      },
    ];
  return [
    {
      type: 'list',
      title:
        problems.length === 1
          ? 'The one warning or error recorded'
          : `Last ${problems.length} warnings and errors, newest first`,
      tone: problems.some((p) => p.severity === 'error') ? 'danger' : 'warning',
      items: problems.map(problemLine),
    },
  ];
}
