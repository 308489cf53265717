import type { ReportScope } from '../access/scope.ts';
import type { StoredCallState } from './call.states.ts';

/** A margin call as the core sees it. Money is a plain decimal in the report's currency. */
export interface MarginCall {
  id: string;
  number: number;
  reportId: string;
  accountNumber: string;
  currency: string;
  amount: number;
  /** What is still owed: the amount, less what was met. */
  outstanding: number;
  /** YYYY-MM-DD */
  dueDate: string;
  dueSource: 'document' | 'business_days';
  state: StoredCallState;
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolvedByReportId: string | null;
  version: number;
  /** The report the call came from (date and file), for cards. */
  reportDate: string;
  sourceFileName: string | null;
}

export interface CallEvent {
  at: string;
  actor: string;
  fromState: StoredCallState | null;
  toState: StoredCallState;
  amount: number | null;
  note: string | null;
  reportId: string | null;
}

export interface CallsRepository {
  /** Opens the call of a report once; a second approval path (retry, double click) gets the existing one. */
  open(input: {
    reportId: string;
    account: string;
    currency: string;
    amount: number;
    dueDate: string;
    dueSource: 'document' | 'business_days';
    by: string;
    at: Date;
  }): Promise<{ created: boolean; call: MarginCall }>;
  findById(id: string): Promise<MarginCall | undefined>;
  findByNumber(n: number): Promise<MarginCall | undefined>;
  byReport(reportId: string): Promise<MarginCall | undefined>;
  /** Outstanding calls of an account (open, partially met, disputed), oldest first. */
  outstandingFor(account: string): Promise<MarginCall[]>;
  /** Every outstanding call, oldest first. */
  outstanding(limit: number, scope?: ReportScope): Promise<MarginCall[]>;
  /**
   * Moves a call if it is still at `expectedVersion`; undefined when someone moved it first.
   * `resolvedAt` set for met and waived, cleared otherwise.
   */
  move(input: {
    id: string;
    expectedVersion: number;
    to: StoredCallState;
    outstanding: number;
    at: Date;
    resolvedByReportId?: string | null;
  }): Promise<MarginCall | undefined>;
  addEvent(callId: string, e: CallEvent): Promise<void>;
  events(callId: string): Promise<CallEvent[]>;
}
