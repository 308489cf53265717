import type { StoredCallState } from '../../core/calls/call.states.ts';
import type { CallEvent, CallsRepository, MarginCall } from '../../core/calls/calls.port.ts';
import type { Queryable } from '../db.ts';
import { reportScopeSql } from './report-scope.sql.ts';

const COLUMNS = `c.id, c.number, c.report_id, c.account_number, c.currency, c.amount, c.outstanding,
  to_char(c.due_date, 'YYYY-MM-DD') as due_date, c.due_source, c.state, c.opened_at, c.opened_by, c.updated_at,
  c.resolved_at, c.resolved_by_report_id, c.version, to_char(r.report_date, 'YYYY-MM-DD') as report_date,
  r.source_file_name`;
const FROM = 'analytics.margin_calls c join analytics.margin_reports r on r.id = c.report_id';

/** The columns COLUMNS selects, as the driver returns them (numerics and timestamps vary by driver). */
interface CallRow {
  id: string;
  number: number | string;
  report_id: string;
  account_number: string;
  currency: string;
  amount: number | string;
  outstanding: number | string;
  due_date: string;
  due_source: MarginCall['dueSource'];
  state: StoredCallState;
  opened_at: Date | string;
  opened_by: string;
  updated_at: Date | string;
  resolved_at: Date | string | null;
  resolved_by_report_id: string | null;
  version: number;
  report_date: string;
  source_file_name: string | null;
}

interface CallEventRow {
  at: Date | string;
  actor: string;
  from_state: string | null;
  to_state: string;
  amount: number | string | null;
  note: string | null;
  report_id: string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** A margin_calls row (joined to its report's date and file) as core's MarginCall. */
function toMarginCall(r: CallRow): MarginCall {
  return {
    id: r.id,
    number: Number(r.number),
    reportId: r.report_id,
    accountNumber: r.account_number,
    currency: r.currency,
    amount: Number(r.amount),
    outstanding: Number(r.outstanding),
    dueDate: r.due_date,
    dueSource: r.due_source,
    state: r.state,
    openedAt: iso(r.opened_at),
    openedBy: r.opened_by,
    updatedAt: iso(r.updated_at),
    resolvedAt: r.resolved_at === null ? null : iso(r.resolved_at),
    resolvedByReportId: r.resolved_by_report_id,
    version: r.version,
    reportDate: r.report_date,
    sourceFileName: r.source_file_name,
  };
}

/** A margin_call_events row as core's CallEvent. */
function toCallEvent(r: CallEventRow): CallEvent {
  return {
    at: iso(r.at),
    actor: r.actor,
    fromState: r.from_state as StoredCallState | null,
    toState: r.to_state as StoredCallState,
    amount: r.amount === null ? null : Number(r.amount),
    note: r.note,
    reportId: r.report_id,
  };
}

export function createCallsRepository(db: Queryable): CallsRepository {
  const one = async (where: string, params: unknown[]) => {
    const rows = await db.query<CallRow>(`select ${COLUMNS} from ${FROM} where ${where}`, params);
    return rows[0] ? toMarginCall(rows[0]) : undefined;
  };
  const many = async (sql: string, params: unknown[]) => (await db.query<CallRow>(sql, params)).map(toMarginCall);
  return {
    async open(input) {
      const inserted = await db.query<{ id: string }>(
        `insert into analytics.margin_calls (report_id, account_number, currency, amount, outstanding, due_date,
           due_source, opened_at, opened_by, updated_at)
         values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $7)
         on conflict (report_id) do nothing returning id`,
        [
          input.reportId,
          input.account,
          input.currency,
          input.amount,
          input.dueDate,
          input.dueSource,
          input.at.toISOString(),
          input.by,
        ],
      );
      const call = await one('c.report_id = $1', [input.reportId]);
      if (!call) throw new Error('margin call vanished between insert and read');
      return { created: inserted.length > 0, call };
    },
    findById: (id) => one('c.id = $1', [id]),
    findByNumber: (n) => one('c.number = $1', [n]),
    byReport: (reportId) => one('c.report_id = $1', [reportId]),
    outstandingFor: (account) =>
      many(
        `select ${COLUMNS} from ${FROM} where c.account_number = $1 and c.state in ('open', 'partially_met', 'disputed')
         order by c.opened_at, c.number`,
        [account],
      ),
    outstanding: (limit, scope) => {
      const f = reportScopeSql(scope, { reportId: 'r.id', ingestionId: 'r.ingestion_id', next: 2 });
      return many(
        `select ${COLUMNS} from ${FROM} where c.state in ('open', 'partially_met', 'disputed') and ${f.sql}
         order by c.opened_at, c.number limit $1`,
        [limit, ...f.params],
      );
    },
    async move(input) {
      const terminal = input.to === 'met' || input.to === 'waived';
      const rows = await db.query<{ id: string }>(
        `update analytics.margin_calls set state = $3, outstanding = $4, updated_at = $5, version = version + 1,
           resolved_at = case when $6 then $5::timestamptz else null end,
           resolved_by_report_id = $7
         where id = $1 and version = $2 returning id`,
        [
          input.id,
          input.expectedVersion,
          input.to,
          input.outstanding,
          input.at.toISOString(),
          terminal,
          input.resolvedByReportId ?? null,
        ],
      );
      return rows[0] ? one('c.id = $1', [input.id]) : undefined;
    },
    async addEvent(callId, e) {
      await db.query(
        `insert into analytics.margin_call_events (call_id, at, actor, from_state, to_state, amount, note, report_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [callId, e.at, e.actor, e.fromState, e.toState, e.amount, e.note, e.reportId],
      );
    },
    async events(callId) {
      const rows = await db.query<CallEventRow>(
        `select at, actor, from_state, to_state, amount, note, report_id
         from analytics.margin_call_events where call_id = $1 order by id`,
        [callId],
      );
      return rows.map(toCallEvent);
    },
  };
}
