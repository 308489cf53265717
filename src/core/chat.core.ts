import { callButton, submitCallForm } from './calls/call.actions.ts';
import { ACTION_IDS, type ActionKind, type Card, textCard } from './cards/card.model.ts';
import { cleanName, refreshed } from './chat.refresh.ts';
import { mayAct, notSharedHere } from './chat.scope.ts';
import type { ActionOutcome, ChatCoreDeps, ClickPlace } from './chat.types.ts';
import { reportCard } from './commands/command.cards.ts';
import { withDecisionButtons } from './commands/pending.actions.ts';
import { resolveConflict } from './decisions/conflict.usecases.ts';
import { type ActionResult, decideReport } from './decisions/decide.usecases.ts';
import { type EditOutcome, openEdit, openReject, submitEdit, submitReject } from './decisions/edit.usecases.ts';
import { showSource } from './evidence/show.source.ts';
import { displayUser } from './format.ts';
import type { HomeViewer } from './home/home.port.ts';
import type { HomeRequest } from './home/home.usecases.ts';
import { renderIngestion } from './ingest/ingest.usecases.ts';
import type { Ingestion } from './ingest/ingestion.model.ts';
import { isPdfName, receiveUpload, type Upload } from './ingest/upload.receive.ts';
import { correctedFields, learnFromEdit } from './memory/edit.lesson.ts';
import type { Platform } from './ports/chat.ports.ts';
import type { Report } from './report/report.model.ts';
import { voteOnSummary } from './scoreboard/summary.votes.ts';

/** How long a claimed event waits for its handler before a redelivery may take it over (Slack retries after 1 and 5 minutes). */
export const EVENT_LEASE_SECONDS = 30;

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
      if (input.where && !(await mayAct(deps, input.user, input.kind, input.value, input.where)))
        return notSharedHere();
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
            deps,
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
          return refreshed(deps, opened.result);
        }
        case 'edit': {
          const opened = await openEdit(deps, { user: input.user, reportId: input.value });
          if ('form' in opened && opened.form) return { form: { ...opened.form, version: opened.version } };
          return refreshed(deps, opened.result);
        }
        case 'show_source':
          return refreshed(deps, await showSource(deps, { user: input.user, reportId: input.value }), false);
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
            deps,
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
          return 'form' in opened ? { form: opened.form } : refreshed(deps, opened, true, input);
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
      if (input.where && !(await mayAct(deps, input.user, 'submit', input.reportId, input.where)))
        return { ok: false, errors: { form: 'That report was not shared in this conversation.' } };
      // Issue 15: the margin-call forms travel the edit form's path, keyed by the call's id.
      const call = await submitCallForm(deps, input);
      if (call) return call.ok ? { ok: true, outcome: await refreshed(deps, call.result, true, input) } : call;
      // Issue 14: the reject form travels the same path; only it has a reason code.
      if ('reason_code' in input.values) {
        const rejected = await submitReject(deps, {
          user: input.user,
          reportId: input.reportId,
          code: input.values.reason_code,
          comment: input.reason ?? input.values.reason,
        });
        return rejected.ok ? { ok: true, outcome: await refreshed(deps, rejected.result, true, input) } : rejected;
      }
      const before = await deps.repos.reports.findById(input.reportId);
      const res: EditOutcome = await submitEdit(deps, input);
      if (!res.ok) return res;
      teachFrom(input.user, before, res.result);
      return { ok: true, outcome: await refreshed(deps, res.result, true, input) };
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
