import type { Repositories, UnitOfWork } from '../core/ports/repositories.ports.ts';
import type { Db, Queryable } from './db.ts';
import { createAuditRepository } from './repositories/audit.repository.ts';
import { createCallsRepository } from './repositories/calls.repository.ts';
import { createConflictsRepository } from './repositories/conflicts.repository.ts';
import { createConsoleMessagesRepository } from './repositories/console-messages.repository.ts';
import { createHealthStatesRepository } from './repositories/health-states.repository.ts';
import { createHomeViewersRepository } from './repositories/home-viewers.repository.ts';
import { createIngestionsRepository } from './repositories/ingestions.repository.ts';
import { createLayoutsRepository } from './repositories/layouts.repository.ts';
import { createOutgoingFilesRepository } from './repositories/outgoing-files.repository.ts';
import { createPeopleRepository } from './repositories/people.repository.ts';
import { createReportsRepository } from './repositories/reports.repository.ts';
import { createScheduleRunsRepository } from './repositories/schedule-runs.repository.ts';
import {
  createConversationsRepository,
  createEventsRepository,
  createRiskChannelsRepository,
  createRolesRepository,
  createSubscriptionsRepository,
} from './repositories/settings.repository.ts';
import {
  createApprovalsRepository,
  createRemindersRepository,
  createSettingsRepository,
} from './repositories/trust.repository.ts';

export function createRepositories(db: Queryable): Repositories {
  return {
    layouts: createLayoutsRepository(db),
    ingestions: createIngestionsRepository(db),
    calls: createCallsRepository(db),
    reports: createReportsRepository(db),
    conflicts: createConflictsRepository(db),
    audit: createAuditRepository(db),
    roles: createRolesRepository(db),
    subscriptions: createSubscriptionsRepository(db),
    riskChannels: createRiskChannelsRepository(db),
    events: createEventsRepository(db),
    conversations: createConversationsRepository(db),
    consoleMessages: createConsoleMessagesRepository(db),
    outgoingFiles: createOutgoingFilesRepository(db),
    people: createPeopleRepository(db),
    scheduleRuns: createScheduleRunsRepository(db),
    healthStates: createHealthStatesRepository(db),
    approvals: createApprovalsRepository(db),
    settings: createSettingsRepository(db),
    reminders: createRemindersRepository(db),
    homeViewers: createHomeViewersRepository(db),
  };
}

export const createUnitOfWork =
  (db: Db): UnitOfWork =>
  (fn) =>
    db.transaction((tx) => fn(createRepositories(tx)));
