import type { AuditEvent } from '../../core/audit/audit.model.ts';
import type { AuditRepository } from '../../core/ports/reports.ports.ts';
import type { Queryable } from '../db.ts';

interface AuditRow {
  at: Date | string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  context: unknown;
}

/** An audit_events row as core's AuditEvent, with when it happened. */
function toAuditEvent(r: AuditRow): AuditEvent & { at: string } {
  return {
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    context: r.context,
  };
}

export function createAuditRepository(db: Queryable): AuditRepository {
  return {
    async append(e: AuditEvent) {
      await db.query(
        `insert into analytics.audit_events (actor, action, entity_type, entity_id, before, after, reason, context)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          e.actor,
          e.action,
          e.entityType,
          e.entityId,
          e.before === undefined ? null : JSON.stringify(e.before),
          e.after === undefined ? null : JSON.stringify(e.after),
          e.reason ?? null,
          e.context === undefined ? null : JSON.stringify(e.context),
        ],
      );
    },
    async forEntity(entityType: string, entityId: string) {
      const rows = await db.query<AuditRow>(
        `select at, actor, action, entity_type, entity_id, before, after, reason, context
         from analytics.audit_events where entity_type = $1 and entity_id = $2 order by id`,
        [entityType, entityId],
      );
      return rows.map(toAuditEvent);
    },
    async countActionsSince(since: Date) {
      const rows = await db.query<{ action: string; n: number }>(
        'select action, count(*)::int as n from analytics.audit_events where at >= $1 group by action order by n desc',
        [since.toISOString()],
      );
      return rows;
    },
  };
}
