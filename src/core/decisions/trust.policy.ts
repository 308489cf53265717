import type { Ingestion } from '../ingest/ingestion.model.ts';
import type { Repositories } from '../ports/repositories.ports.ts';
import type { Report } from '../report/report.model.ts';
import type { MarginReport } from '../report/report.schema.ts';

/**
 * Issue 14: what decides whether an approval may be given and how many it takes. FOUR_EYES is the
 * environment's default; `/margin four-eyes on|off` stores an override that every replica reads.
 */
export interface TrustPolicy {
  /** FOUR_EYES (default on): the person who shared a PDF cannot approve its reports. */
  fourEyes: boolean;
  /** DUAL_APPROVAL_ABOVE: a call or deficit above this amount (report currency) needs two approvers. */
  dualApprovalAbove?: number | undefined;
  /** Change-since-last-report flags that become review reasons. */
  flags?: ChangeFlags;
}

export interface ChangeFlags {
  /** Equity falling by at least this percentage since the last approved report (default 30). */
  equityDropPct: number;
  /** The maintenance requirement rising by at least this percentage (default 50). */
  requirementRisePct: number;
  /** Excess liquidity going from zero or above to below zero (default on). */
  excessTurnsNegative: boolean;
}

/** The issue code of a change-since flag stored on a report as a review reason. */
export const CHANGE_ISSUE = 'change_since_flag';

export const DEFAULT_FLAGS: ChangeFlags = { equityDropPct: 30, requirementRisePct: 50, excessTurnsNegative: true };
export const DEFAULT_POLICY: TrustPolicy = { fourEyes: true, flags: DEFAULT_FLAGS };

export const FOUR_EYES_KEY = 'four_eyes';

/** Whether four-eyes is on now: an admin's stored choice, else the environment's. */
export async function fourEyesOn(repos: Pick<Repositories, 'settings'>, policy: TrustPolicy): Promise<boolean> {
  const stored = await repos.settings.get(FOUR_EYES_KEY);
  return typeof stored === 'boolean' ? stored : policy.fourEyes;
}

/** The call or deficit a report shows, as a positive amount; 0 when it shows none. */
export function callOrDeficit(d: MarginReport): number {
  const call = d.fields.margin_call ?? 0;
  if (call > 0) return call;
  const excess = d.fields.excess_liquidity;
  return excess !== undefined && excess < 0 ? -excess : 0;
}

/** How many different approvers a report needs: 2 above DUAL_APPROVAL_ABOVE, else 1. */
export const approvalsNeeded = (policy: TrustPolicy | undefined, d: MarginReport): 1 | 2 =>
  policy?.dualApprovalAbove !== undefined && callOrDeficit(d) > policy.dualApprovalAbove ? 2 : 1;

/** Who shared the PDF a report came from (the upload's sharer; the report's creator when the upload is gone). */
export const uploaderOf = (report: Report, ingestion: Ingestion | undefined): string | null =>
  ingestion?.uploadedBy ?? report.createdBy;

export const REJECT_REASON_CODES = [
  'wrong_account',
  'wrong_date',
  'wrong_value',
  'duplicate',
  'not_a_margin_report',
  'other',
] as const;
export type RejectReasonCode = (typeof REJECT_REASON_CODES)[number];

export const REJECT_REASON_LABELS: Record<RejectReasonCode, string> = {
  wrong_account: 'Wrong account',
  wrong_date: 'Wrong date',
  wrong_value: 'Wrong value',
  duplicate: 'Duplicate',
  not_a_margin_report: 'Not a margin report',
  other: 'Other',
};

export const isRejectReasonCode = (v: unknown): v is RejectReasonCode =>
  typeof v === 'string' && (REJECT_REASON_CODES as readonly string[]).includes(v);
