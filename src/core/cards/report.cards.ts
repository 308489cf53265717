import { callBlocks } from '../calls/calls.cards.ts';
import type { MarginCall } from '../calls/calls.port.ts';
import { CHANGE_ISSUE, isRejectReasonCode, REJECT_REASON_LABELS } from '../decisions/trust.policy.ts';
import { displayUser, formatMoney, formatMs, formatPercent, formatWhen, type KnownNames } from '../format.ts';
import type { Ingestion } from '../ingest/ingestion.model.ts';
import type { Report, ReportConflict } from '../report/report.model.ts';
import { FIELD_LABELS, FIELD_NAMES } from '../report/report.schema.ts';
import { type Card, type CardBlock, card, textCard } from './card.model.ts';
import { figuresTable } from './figures.table.ts';
import { callLine, fieldFlagged, fieldsOf, figureRows, hasCall } from './report.fields.ts';

/** Issue 14: what the card says about approvals given so far and the change since the last approved report. */
export interface TrustOnCard {
  /** Approvers so far of reports that need two. */
  approvals?: ReadonlyMap<string, readonly { approver: string }[]>;
  /** How many different approvers a report needs (1 or 2). */
  needed?: (r: Report) => number;
  /** The change since the account's last approved report, per report id. */
  changes?: ReadonlyMap<string, CardBlock[]>;
  /** Reports whose change crossed a threshold: a review reason. */
  flagged?: ReadonlySet<string>;
  /** Approvals an edit just took back, per report (the approvers approved other figures). */
  reset?: ReadonlyMap<string, readonly string[]>;
  /** Issue 17: the account's last approved report before each report, for the table's Prior and Δ columns. */
  priors?: ReadonlyMap<string, Report>;
}

/** A report's margin call as its summary shows it (issue 15). */
export interface CallOnCard {
  call: MarginCall;
  now: Date;
}
export const readingCard = (fileName: string): Card =>
  textCard(`Reading ${fileName}…`, 'MarginIQ is extracting the figures. This message will update with the summary.');

export const failedCard = (fileName: string, reason: string): Card =>
  card(
    `Could not read ${fileName}`,
    'danger',
    [{ type: 'text', text: reason }],
    `Could not read ${fileName}: ${reason}`,
  );

export const duplicateCard = (fileName: string, first: Ingestion): Card =>
  card(
    `${fileName} was already processed`,
    'info',
    [
      {
        type: 'text',
        text: `The same file was uploaded on ${formatWhen(first.createdAt)} by ${displayUser(first.uploadedBy)}; its summary is in that thread. Nothing was processed again.`,
      },
    ],
    `${fileName} is identical to a file already processed`,
  );

function statusLine(r: Report, names?: KnownNames, trust?: TrustOnCard): CardBlock {
  if (r.status === 'pending') {
    const needed = trust?.needed?.(r) ?? 1;
    const given = trust?.approvals?.get(r.id) ?? [];
    const base =
      r.needsReview || trust?.flagged?.has(r.id)
        ? 'Status: pending — needs review before approval'
        : 'Status: pending approval';
    if (needed < 2) return { type: 'text', text: base };
    // Issue 14: the approvers so far as real mentions, like the decider on an Approved/Rejected line.
    const by = given.length > 0 ? ` (${given.map((_, i) => `{${i}}`).join(', ')})` : '';
    const reset = trust?.reset?.get(r.id) ?? [];
    const taken =
      reset.length > 0
        ? `. Approval by ${reset.map((_, i) => `{${given.length + i}}`).join(', ')} reset: the figures were edited after it`
        : '';
    const people = [...given.map((a) => a.approver), ...reset].map((id) => ({ id, name: displayUser(id, names) }));
    return {
      type: 'text',
      text: `${base} · ${Math.min(given.length, needed)} of ${needed} approvals${by} — needs two different approvers${taken}`,
      ...(people.length > 0 ? { people } : {}),
    };
  }
  const verb = r.status === 'approved' ? 'Approved' : 'Rejected';
  const code = isRejectReasonCode(r.decisionReasonCode) ? REJECT_REASON_LABELS[r.decisionReasonCode] : undefined;
  // A typed "{0}" in the comment must stay text, not become the decider's mention: a zero-width space breaks the place.
  const comment = r.decisionReason ? `“${r.decisionReason.replace(/\{(?=\d+\})/g, '{\u200b')}”` : '';
  const reason = code || comment ? ` — ${[code, comment].filter(Boolean).join(': ')}` : '';
  const when = `at ${formatWhen(r.decidedAt)}${reason}`;
  // Issue 14: the decider as a real mention (Slack `<@U…>`, Teams mention entity, display name elsewhere).
  if (!r.decidedBy) return { type: 'text', text: `${verb} by ${displayUser(r.decidedBy, names)} ${when}` };
  return {
    type: 'text',
    text: `${verb} by {0} ${when}`,
    people: [{ id: r.decidedBy, name: displayUser(r.decidedBy, names) }],
  };
}

/** One report's section of the summary: figures, what needs review and why, and the buttons while pending. */
export function reportBlocks(r: Report, names?: KnownNames, call?: CallOnCard, trust?: TrustOnCard): CardBlock[] {
  const d = r.extracted;
  const blocks: CardBlock[] = [
    { type: 'heading', text: `Account ${r.accountNumber} · ${r.reportDate}${d.broker ? ` · ${d.broker}` : ''}` },
    figuresTable(d, figureRows(d), trust?.priors?.get(r.id)),
    ...(trust?.changes?.get(r.id) ?? []),
  ];
  const owed = callLine(d);
  if (owed) blocks.push({ type: 'list', tone: 'danger', items: [owed] });
  // A stored change flag is shown once, in the card's Δ block, when the card draws one.
  const drawnChange = (trust?.changes?.get(r.id)?.length ?? 0) > 0;
  const problems = d.issues.filter((i) => i.severity !== 'info' && !(drawnChange && i.code === CHANGE_ISSUE));
  if (problems.length > 0) {
    blocks.push({
      type: 'list',
      title: r.needsReview ? 'Needs review' : 'Notes',
      tone: r.needsReview ? 'warning' : 'info',
      items: problems.slice(0, 8).map((i) => i.message),
    });
  }
  blocks.push({
    type: 'text',
    muted: true,
    text: `Confidence ${formatPercent(d.confidence.overall)} · data quality ${formatPercent(d.data_quality_score)} · ${d.method === 'text' ? 'text layer' : d.method === 'ocr' ? 'OCR' : 'text + OCR'} · ${d.pages} page${d.pages === 1 ? '' : 's'} · ${formatMs(d.processing_time_ms)}`,
  });
  blocks.push(statusLine(r, names, trust));
  // Issue 15: the margin call an approval opened, with Mark met / Dispute / Waive while it is owed.
  if (call) blocks.push(...callBlocks(call.call, call.now));
  if (r.status === 'pending') {
    blocks.push({
      type: 'actions',
      actions: [
        { kind: 'approve', label: 'Approve', value: r.id, style: 'primary' },
        { kind: 'reject', label: 'Reject', value: r.id, style: 'danger' },
        { kind: 'edit', label: 'Edit', value: r.id },
        // Issue 14: where a value that needs review has a recorded source.
        ...(FIELD_NAMES.some((f) => fieldFlagged(d, f) && d.evidence?.[f] !== undefined)
          ? [{ kind: 'show_source' as const, label: 'Show source', value: r.id }]
          : []),
      ],
    });
  }
  return blocks;
}

function conflictBlocks(c: ReportConflict, existing: Report | undefined, names?: KnownNames): CardBlock[] {
  const d = c.candidate;
  const blocks: CardBlock[] = [
    { type: 'heading', text: `Account ${d.account_number} · ${d.report_date} already has a report` },
    {
      type: 'text',
      text: existing
        ? `A report for this account and date exists (${existing.status}, from ${existing.sourceFileName ?? 'an earlier upload'}). It was not overwritten.`
        : 'A report for this account and date exists. It was not overwritten.',
    },
    { type: 'fields', fields: fieldsOf(d) },
  ];
  if (c.status === 'open') {
    blocks.push({
      type: 'actions',
      actions: [
        { kind: 'replace', label: 'Replace', value: c.id, style: 'danger' },
        { kind: 'keep', label: 'Keep existing', value: c.id },
      ],
    });
  } else {
    const what = c.status === 'replaced' ? 'Replaced the existing report' : 'Kept the existing report';
    blocks.push({ type: 'text', text: `${what} — ${displayUser(c.decidedBy, names)} at ${formatWhen(c.decidedAt)}` });
  }
  return blocks;
}

/** The one summary message of an upload: every report it produced, and every conflict it raised. */
export function summaryCard(
  ingestion: Ingestion,
  reports: Report[],
  conflicts: { conflict: ReportConflict; existing: Report | undefined }[],
  names?: KnownNames,
  calls?: { byReport: ReadonlyMap<string, MarginCall>; now: Date },
  trust?: TrustOnCard,
): Card {
  const blocks: CardBlock[] = [];
  reports.forEach((r, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    const call = calls?.byReport.get(r.id);
    blocks.push(...reportBlocks(r, names, call && calls ? { call, now: calls.now } : undefined, trust));
  });
  for (const c of conflicts) {
    if (blocks.length > 0) blocks.push({ type: 'divider' });
    blocks.push(...conflictBlocks(c.conflict, c.existing, names));
  }
  // Issue 15: satisfaction, asked on every summary that has reports.
  if (reports.length > 0) {
    blocks.push({
      type: 'actions',
      actions: [
        { kind: 'vote_up', label: '👍 Helpful', value: ingestion.id },
        { kind: 'vote_down', label: '👎 Not helpful', value: ingestion.id },
      ],
    });
  }
  const anyCall = reports.some((r) => hasCall(r.extracted));
  const anyReview =
    reports.some((r) => (r.needsReview || trust?.flagged?.has(r.id)) && r.status === 'pending') ||
    conflicts.some((c) => c.conflict.status === 'open');
  const allDecided = reports.length > 0 && reports.every((r) => r.status !== 'pending');
  const tone = anyCall ? 'danger' : anyReview ? 'warning' : allDecided ? 'success' : 'info';
  const n = reports.length + conflicts.length;
  const title = `${ingestion.fileName}: ${n} report${n === 1 ? '' : 's'}`;
  const fallback = reports
    .map(
      (r) =>
        `${r.accountNumber} ${r.reportDate}: equity ${formatMoney(r.extracted.fields.total_equity, r.extracted.currency)}, ${r.status}${r.needsReview ? ', needs review' : ''}`,
    )
    .concat(
      conflicts.map(
        (c) => `${c.conflict.candidate.account_number} ${c.conflict.candidate.report_date}: already has a report`,
      ),
    )
    .join('; ');
  return card(title, tone, blocks, `${title} — ${fallback}`);
}

export function marginCallAlertCard(r: Report): Card {
  const d = r.extracted;
  // A deficit is an amount owed: shown without its minus sign, as on the summary.
  const amount =
    d.fields.margin_call && d.fields.margin_call > 0
      ? d.fields.margin_call
      : d.fields.excess_liquidity === undefined
        ? undefined
        : Math.abs(d.fields.excess_liquidity);
  const what = d.fields.margin_call && d.fields.margin_call > 0 ? 'Margin call' : 'Margin deficit';
  const title = `${what}: account ${r.accountNumber} — ${formatMoney(amount, d.currency)}`;
  return card(
    title,
    'danger',
    [
      { type: 'text', text: `As of ${r.reportDate}, from ${r.sourceFileName ?? 'an uploaded report'}.` },
      { type: 'fields', fields: fieldsOf(d).filter((f) => f.label !== FIELD_LABELS.cash_balance) },
    ],
    title,
  );
}
