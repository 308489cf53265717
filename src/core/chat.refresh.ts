import type { ActionOutcome, ChatCoreDeps, Clicker } from './chat.types.ts';
import type { ActionResult } from './decisions/decide.usecases.ts';
import type { QueueChange } from './home/home.refresh.ts';
import { refreshSummary, type Written } from './summary/summary.usecases.ts';

/** A display name as it is stored and shown: one line, at most 120 characters; none when it is only the id. */
export const cleanName = (user: string, raw: string | undefined) => {
  const name = raw?.replace(/\s+/g, ' ').trim().slice(0, 120);
  return name && name !== user ? name : undefined;
};

/** Issue 17: what a decision's result changed in the queue, for the homes that show it. */
const changeOf = (result: ActionResult): QueueChange | undefined => {
  if (!result.summary) return undefined;
  const report = result.summary.written?.report?.id;
  return {
    ...(report ? { reportIds: [report] } : {}),
    ingestionIds: [result.summary.ingestion.id, ...(result.also ?? []).map((o) => o.ingestion.id)],
  };
};

/** A click's result, shown: the summaries it changed updated in place, and the homes told of the queue change. */
export const refreshed = async (
  deps: ChatCoreDeps,
  result: ActionResult,
  changes = true,
  clicker?: Clicker,
): Promise<ActionOutcome> => {
  const out: ActionOutcome = {};
  const name = clicker && cleanName(clicker.user, clicker.name);
  const named = (written: Written | undefined) =>
    name ? { ...written, names: new Map([[clicker.user, name]]) } : written;
  if (result.notice) out.notice = result.notice;
  if (result.summary) {
    // The clicker's name comes with the click: the card says "Approved by Jane" without reading it back.
    out.summary = await refreshSummary(deps, result.summary.ingestion, named(result.summary.written));
  }
  // Issue 14/15: summaries of other uploads this approval changed (a call met, a report re-flagged), in place too.
  for (const other of result.also ?? []) await refreshSummary(deps, other.ingestion, named(other.written));
  const change = changes ? changeOf(result) : undefined;
  if (change) deps.queueChanged?.(change);
  return out;
};
