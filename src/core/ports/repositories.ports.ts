import type { CallsRepository } from '../calls/calls.port.ts';
import type { HomeViewersRepository } from '../home/home.port.ts';
import type { LayoutsRepository } from '../memory/layouts.port.ts';
import type {
  RiskChannelsRepository,
  RolesRepository,
  SettingsRepository,
  SubscriptionsRepository,
} from './access.ports.ts';
import type {
  ConsoleMessagesRepository,
  ConversationsRepository,
  EventsRepository,
  PeopleRepository,
} from './conversation.ports.ts';
import type { OutgoingFilesRepository } from './files.ports.ts';
import type { HealthStatesRepository, ScheduleRunsRepository } from './health.ports.ts';
import type {
  ApprovalsRepository,
  AuditRepository,
  ConflictsRepository,
  IngestionsRepository,
  RemindersRepository,
  ReportsRepository,
} from './reports.ports.ts';

// ---- Repositories: the store implements these; the core only sees the interfaces. ----

export interface Repositories {
  /** Layout memory (issue 16). */
  layouts: LayoutsRepository;
  approvals: ApprovalsRepository;
  settings: SettingsRepository;
  reminders: RemindersRepository;
  ingestions: IngestionsRepository;
  calls: CallsRepository;
  reports: ReportsRepository;
  conflicts: ConflictsRepository;
  audit: AuditRepository;
  roles: RolesRepository;
  subscriptions: SubscriptionsRepository;
  riskChannels: RiskChannelsRepository;
  events: EventsRepository;
  conversations: ConversationsRepository;
  consoleMessages: ConsoleMessagesRepository;
  outgoingFiles: OutgoingFilesRepository;
  people: PeopleRepository;
  scheduleRuns: ScheduleRunsRepository;
  healthStates: HealthStatesRepository;
  /** Issue 17: where homes were drawn, drawn again when the queue changes. */
  homeViewers: HomeViewersRepository;
}

/** Runs work in one database transaction, handing it repositories bound to that transaction. */
export type UnitOfWork = <T>(fn: (repos: Repositories) => Promise<T>) => Promise<T>;
