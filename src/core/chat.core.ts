import type { Access } from './access/roles.ts';
import { callButton, submitCallForm } from './calls/call.actions.ts';
import { ACTION_IDS, type ActionKind, type Card, type EditForm, textCard } from './cards/card.model.ts';
import { reportCard } from './commands/command.cards.ts';
import type { CommandRunner } from './commands/command.types.ts';
import { withDecisionButtons } from './commands/pending.actions.ts';
import { resolveConflict } from './decisions/conflict.usecases.ts';
import { type ActionResult, decideReport } from './decisions/decide.usecases.ts';
import { type EditOutcome, openEdit, openReject, submitEdit, submitReject } from './decisions/edit.usecases.ts';
import { type CropRenderer, showSource } from './evidence/show.source.ts';
import { displayUser } from './format.ts';
import type { HomeViewer } from './home/home.port.ts';
import type { HomeRefresh, QueueChange } from './home/home.refresh.ts';
import type { HomeRequest } from './home/home.usecases.ts';
import { type IngestDeps, isPdfName, receiveUpload, renderIngestion, type Upload } from './ingest/ingest.usecases.ts';
import type { Ingestion } from './ingest/ingestion.model.ts';
import { correctedFields, learnFromEdit } from './memory/edit.lesson.ts';
import type { ConversationRef, Platform } from './ports.ts';
import type { Report } from './report/report.model.ts';
import type { ScoreboardRepository } from './scoreboard/scoreboard.port.ts';
import { voteOnSummary } from './scoreboard/summary.votes.ts';
import { refreshSummary, type Written } from './summary/summary.usecases.ts';

export interface ChatCoreDeps extends IngestDeps {
  access: Access;
  runCommand: CommandRunner;
  now?: () => Date;
  /** CALL_DUE_DAYS (issue 15). */
  callDueDays?: number;
  /** Usage events and 👍 / 👎 votes for the scoreboard (issue 15). */
  usage?: Pick<ScoreboardRepository, 'recordUse' | 'vote'>;
  /** Issue 14, Show source: renders a page region with the value boxed. */
  renderCrop?: CropRenderer;
  /** Issue 17: the viewing user's home (core/home). */
  home?: (req: HomeRequest) => Promise<Card>;
  /** Issue 17: where homes are drawn, to draw them again when the queue changes (core/home/home.refresh.ts). */
  homes?: Pick<HomeRefresh, 'seen'>;
}

/**
 * What a click leads to, for the adapter to acknowledge. The summary message itself has already
 * been updated by core through the upload's platform gateway; adapters never refresh it.
 */
export interface ActionOutcome {
  /** For the clicker only (refusals, "already decided"). */
  notice?: Card;
  /** The upload's summary as it now stands: for platforms whose click answer is a card (a Teams invoke). */
  summary?: Card;
  /** Edit: the form to show (Slack modal, Teams card inputs, console dialog). */
  form?: EditForm & { version: number };
  /** Open (issue 17): a card for the clicker alone to look at and act on (Slack modal, Teams card, console). */
  view?: Card;
}

/**
 * Where a click or a form submission happened (issue 18): the conversation of the message it came
 * from, and whether that is the clicker's personal chat with the bot (a private surface).
 */
export interface ClickPlace {
  conversation: Pick<ConversationRef, 'platform' | 'channelId'>;
  personal?: boolean;
}

/** Who clicked, with the display name their platform's payload gave, if any. */
interface Clicker {
  user: string;
  name?: string | undefined;
}

/** A display name as it is stored and shown: one line, at most 120 characters; none when it is only the id. */
const cleanName = (user: string, raw: string | undefined) => {
  const name = raw?.replace(/\s+/g, ' ').trim().slice(0, 120);
  return name && name !== user ? name : undefined;
};

/** How long a claimed event waits for its handler before a redelivery may take it over (Slack retries after 1 and 5 minutes). */
export const EVENT_LEASE_SECONDS = 30;

const notSharedHere = (): ActionOutcome => ({
  notice: textCard('Not shared here', 'That report was not shared in this conversation.', 'warning'),
});

/**
 * Everything a platform adapter may ask of the core. Adapters translate their events into these
 * calls and render what comes back; no business rule lives in an adapter.
 */
export function createChatCore(deps: ChatCoreDeps) {
  const known = new Map<string, string>();
  // Issue 16: corrections teach layout memory after the edit is answered (reading the PDF again
  // takes longer than a platform waits for an acknowledgement); in flight here until done.
  const lessons = new Set<Promise<unknown>>();
  const teachFrom = (user: string, before: Report | null | undefined, result: ActionResult) => {
    const after = result.summary?.written?.report;
    if (!before || !after || !result.summary) return;
    const corrected = correctedFields(before.extracted.fields, after.extracted.fields);
    if (Object.keys(corrected).length === 0) return;
    const lesson = learnFromEdit(deps, {
      user,
      taughtBy: `@${displayUser(user, known)}`,
      report: after,
      ingestion: result.summary.ingestion,
      corrected,
    }).catch((err: unknown) => deps.logger.warn({ err, reportId: after.id }, 'layout memory: nothing taught'));
    lessons.add(lesson);
    void lesson.finally(() => lessons.delete(lesson));
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
  const refreshed = async (result: ActionResult, changes = true, clicker?: Clicker): Promise<ActionOutcome> => {
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
  /**
   * Issue 18: a button acts only on what its clicker may see where the click happened. True when the
   * target is visible there, or does not exist at all (the use-case then says so in its own words).
   */
  const mayAct = async (user: string, kind: ActionKind | 'submit', value: string, where: ClickPlace) => {
    const scope = await deps.access.scopeFor({
      user,
      conversation: where.conversation,
      surface: where.personal ? 'private' : 'conversation',
    });
    if (scope.kind === 'book') return true;
    const { reports, conflicts, calls, ingestions } = deps.repos;
    switch (kind) {
      case 'vote_up':
      case 'vote_down':
        return !(await ingestions.findById(value)) || reports.ingestionVisible(value, scope);
      case 'replace':
      case 'keep': {
        const c = await conflicts.findById(value);
        return !c || reports.ingestionVisible(c.ingestionId, scope);
      }
      case 'call_met':
      case 'call_dispute':
      case 'call_waive': {
        const call = await calls.findById(value);
        if (call) return Boolean(await reports.findById(call.reportId, scope));
        // A call form's submission is keyed by the call id too; otherwise it is a report id.
        return !(await reports.findById(value)) || Boolean(await reports.findById(value, scope));
      }
      default: {
        const call = kind === 'submit' ? await calls.findById(value) : undefined;
        if (call) return Boolean(await reports.findById(call.reportId, scope));
        return !(await reports.findById(value)) || Boolean(await reports.findById(value, scope));
      }
    }
  };
  return {
    isPdf: isPdfName,
    upload: (u: Upload) => receiveUpload(deps, u),
    render: (ingestion: Ingestion) => renderIngestion(deps, ingestion),
    async findIngestion(id: string) {
      return deps.repos.ingestions.findById(id);
    },
    /** A button click. `value` is what the card put on the button (a report or conflict id). */
    async action(input: {
      user: string;
      /** The clicker's display name when the platform payload carries it (Slack, Teams). */
      name?: string | undefined;
      kind: ActionKind;
      value: string;
      reason?: string;
      /** Every platform adapter passes it; only in-process callers (tests, the CLI) act without a place. */
      where?: ClickPlace;
    }): Promise<ActionOutcome> {
      const at = (deps.now ?? (() => new Date()))();
      if (input.where && !(await mayAct(input.user, input.kind, input.value, input.where))) return notSharedHere();
      // Issue 15: every card action counts towards feature adoption; a lost count never fails the click.
      await deps.usage
        ?.recordUse({ at, user: input.user, feature: `action.${input.kind}` })
        .catch((err: unknown) => deps.logger.warn({ err }, 'card action use not recorded'));
      switch (input.kind) {
        case 'vote_up':
        case 'vote_down':
          return voteOnSummary(deps, { user: input.user, ingestionId: input.value, up: input.kind === 'vote_up', at });
        case 'approve':
          return refreshed(
            await decideReport(deps, {
              user: input.user,
              reportId: input.value,
              decision: 'approved',
              reason: input.reason ?? null,
            }),
            true,
            input,
          );
        case 'reject': {
          // Issue 14: Reject opens a small form (reason code, optional comment); its submission decides.
          const opened = await openReject(deps, { user: input.user, reportId: input.value });
          if ('form' in opened && opened.form) return { form: { ...opened.form, version: opened.version } };
          return refreshed(opened.result);
        }
        case 'edit': {
          const opened = await openEdit(deps, { user: input.user, reportId: input.value });
          if ('form' in opened && opened.form) return { form: { ...opened.form, version: opened.version } };
          return refreshed(opened.result);
        }
        case 'show_source':
          return refreshed(await showSource(deps, { user: input.user, reportId: input.value }), false);
        case 'open': {
          // Issue 17: a report from My queue, with its buttons for those who may decide it.
          const r = await deps.repos.reports.findById(input.value);
          if (!r) return { notice: textCard('That report no longer exists', 'It may have been replaced.', 'warning') };
          const names = r.decidedBy ? await deps.repos.people.names([r.decidedBy]).catch(() => undefined) : undefined;
          const shown = reportCard(r, names);
          return { view: (await deps.access.can(input.user, 'approve')) ? withDecisionButtons(shown, r) : shown };
        }
        case 'replace':
        case 'keep':
          return refreshed(
            await resolveConflict(deps, {
              user: input.user,
              conflictId: input.value,
              choice: input.kind === 'replace' ? 'replaced' : 'kept',
            }),
            true,
            input,
          );
        case 'call_met':
        case 'call_dispute':
        case 'call_waive': {
          const opened = await callButton(deps, { user: input.user, kind: input.kind, callId: input.value });
          return 'form' in opened ? { form: opened.form } : refreshed(opened, true, input);
        }
      }
    },
    async submitEdit(input: {
      user: string;
      /** The submitter's display name when the platform payload carries it. */
      name?: string | undefined;
      reportId: string;
      values: Record<string, string | undefined>;
      reason?: string;
      expectedVersion?: number;
      /** Where the form was submitted (Teams, console); Slack's modal metadata is the app's own, set when the checked click opened it. */
      where?: ClickPlace;
    }): Promise<{ ok: true; outcome: ActionOutcome } | { ok: false; errors: Record<string, string> }> {
      if (input.where && !(await mayAct(input.user, 'submit', input.reportId, input.where)))
        return { ok: false, errors: { form: 'That report was not shared in this conversation.' } };
      // Issue 15: the margin-call forms travel the edit form's path, keyed by the call's id.
      const call = await submitCallForm(deps, input);
      if (call) return call.ok ? { ok: true, outcome: await refreshed(call.result, true, input) } : call;
      // Issue 14: the reject form travels the same path; only it has a reason code.
      if ('reason_code' in input.values) {
        const rejected = await submitReject(deps, {
          user: input.user,
          reportId: input.reportId,
          code: input.values.reason_code,
          comment: input.reason ?? input.values.reason,
        });
        return rejected.ok ? { ok: true, outcome: await refreshed(rejected.result, true, input) } : rejected;
      }
      const before = await deps.repos.reports.findById(input.reportId);
      const res: EditOutcome = await submitEdit(deps, input);
      if (!res.ok) return res;
      teachFrom(input.user, before, res.result);
      return { ok: true, outcome: await refreshed(res.result, true, input) };
    },
    command: deps.runCommand,
    /** Issue 17: the viewing user's home: My queue, margin calls, service status, last digests. */
    home: (req: HomeRequest): Promise<Card> =>
      deps.home ? deps.home(req) : Promise.resolve(textCard('MarginIQ home', 'The home is not available here.')),
    /**
     * Issue 17: a home was just drawn here (Slack App Home opened, a Teams home card or console home
     * message posted): it is drawn again when the queue changes, from whichever process changes it.
     */
    homeShown: (v: Omit<HomeViewer, 'seenAt'>): Promise<void> => deps.homes?.seen(v) ?? Promise.resolve(),
    /** Resolves when every correction being taught to layout memory is stored (tests, shutdown). */
    lessonsDone: async () => {
      while (lessons.size > 0) await Promise.all([...lessons]);
    },
    /** True the first time a platform event or click id is seen (Slack retries, Teams repeated invokes). */
    claimEvent: (key: string) => deps.repos.events.claim(key),
    /**
     * Runs a platform event's handler once across replicas (issue 18): claimed before, marked done
     * after; a handler that throws releases its claim (and one that crashes leaves a claim that expires
     * after EVENT_LEASE_SECONDS), so the platform's redelivery is handled instead of lost.
     */
    async onceEvent<T>(key: string, handle: () => Promise<T>): Promise<{ taken: false } | { taken: true; value: T }> {
      if (!(await deps.repos.events.begin(key, EVENT_LEASE_SECONDS))) return { taken: false };
      let value: T;
      try {
        value = await handle();
      } catch (err) {
        await deps.repos.events
          .release(key)
          .catch((e: unknown) => deps.logger.warn({ err: e, key }, 'event claim not released'));
        throw err;
      }
      await deps.repos.events
        .finish(key)
        .catch((e: unknown) => deps.logger.warn({ err: e, key }, 'event not marked done'));
      return { taken: true, value };
    },
    saveConversation: (platform: Platform, conversationId: string, reference: unknown) =>
      deps.repos.conversations.save(platform, conversationId, reference),
    roleOf: (user: string) => deps.access.roleOf(user),
    /**
     * The name a platform gives a user, kept so cards say who decided by name. Called on every
     * activity or click, so only a new or changed name reaches the database; a failure only costs the name.
     */
    async rememberName(user: string, displayName: string | undefined): Promise<void> {
      const name = cleanName(user, displayName);
      if (!name || known.get(user) === name) return;
      known.set(user, name);
      if (known.size > 10_000) known.delete(known.keys().next().value as string);
      await deps.repos.people.remember(user, name).catch(() => known.delete(user));
    },
  };
}

export type ChatCore = ReturnType<typeof createChatCore>;

export { ACTION_IDS, textCard };
