/**
 * One entry of the audit trail. `before`, `after` and `context` are stored as JSON as given (their keys
 * are part of the stored record); src/store/repositories/audit.repository.ts maps the rows (toAuditEvent).
 */
export interface AuditEvent {
  actor: string;
  action: string;
  /** What the event is about (`margin_report`, `margin_call`, `layout`…) and its id. */
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  context?: unknown;
}
