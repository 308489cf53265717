import type { TrustPolicy } from '../decisions/trust.policy.ts';
import type { QueueChanged } from '../home/home.refresh.ts';
import type { ConversationRef, GatewayRegistry } from '../ports/chat.ports.ts';
import type { Extractor, JobQueue } from '../ports/extraction.ports.ts';
import type { FetcherRegistry, FileStorage } from '../ports/files.ports.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ports.ts';

/** What the ingest use-cases are handed: the store, file storage, the queue, extraction and the platforms. */
export interface IngestDeps {
  repos: Repositories;
  uow: UnitOfWork;
  storage: FileStorage;
  queue: JobQueue;
  extractor: Extractor;
  gateways: GatewayRegistry;
  fetchers: FetcherRegistry;
  limits: { maxFileBytes: number };
  logger: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  alertChannels?: () => Promise<ConversationRef[]>;
  /** FOUR_EYES, DUAL_APPROVAL_ABOVE and the change flags (issue 14). */
  trust?: TrustPolicy;
  /** Milliseconds for pacing progress updates (issue 17); tests inject one. Default: performance.now. */
  clock?: () => number;
  /** At most one progress update this often (default 2 s). */
  progressEveryMs?: number;
  /**
   * Issue 17: told after every change to what waits for approval (a new pending report here; the
   * decisions, edits, replaces and call moves in chat.core and the calls): homes are drawn again.
   */
  queueChanged?: QueueChanged;
}
