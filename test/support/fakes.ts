import type { Card } from '../../src/core/cards/card.model.ts';
import type { ChatGateway, ConversationRef } from '../../src/core/ports/chat.ports.ts';
import type { ExtractionOutcome, Extractor, JobQueue } from '../../src/core/ports/extraction.ports.ts';
import type { MarginReport, ReportReading } from '../../src/core/report/report.schema.ts';

/** Records what the core says in chat, like a platform would show it. */
export function recordingGateway(platform: 'slack' | 'console' = 'console') {
  const messages = new Map<string, { to: ConversationRef; card: Card; updates: number }>();
  const ephemeral: { user: string; card: Card }[] = [];
  const uploads: { name: string; bytes: Uint8Array }[] = [];
  let n = 0;
  const gateway: ChatGateway = {
    platform,
    async post(to, card) {
      const messageRef = `m${++n}`;
      messages.set(messageRef, { to, card, updates: 0 });
      return { messageRef };
    },
    async update(_to, messageRef, card) {
      const m = messages.get(messageRef);
      if (!m) throw new Error(`no message ${messageRef}`);
      m.card = card;
      m.updates += 1;
    },
    async postEphemeral(_to, user, card) {
      ephemeral.push({ user, card });
    },
    async uploadFile(_to, file) {
      uploads.push({ name: file.name, bytes: file.bytes });
    },
  };
  return { gateway, messages, ephemeral, uploads };
}

export function sampleReport(overrides: Partial<MarginReport> = {}): MarginReport {
  return {
    source_file_name: 'statement.pdf',
    account_number: 'U1234567',
    report_date: '2026-11-27',
    currency: 'USD',
    broker: 'Example Broker',
    fields: {
      total_equity: 1_000_000,
      maintenance_requirement: 400_000,
      initial_requirement: 500_000,
      excess_liquidity: 600_000,
      margin_call: 0,
    },
    confidence: { overall: 0.97, fields: { total_equity: 0.99 } },
    data_quality_score: 0.95,
    needs_review: false,
    issues: [],
    method: 'text',
    pages: 1,
    processing_time_ms: 120,
    ...overrides,
  };
}

/** A finished report as extraction would have read it: core runs the rules on it again. */
export function readingOf(r: MarginReport): ReportReading {
  return {
    source_file_name: r.source_file_name,
    account_number: r.account_number,
    report_date: r.report_date,
    currency: r.currency,
    broker: r.broker,
    fields: r.fields,
    confidence: r.confidence.fields,
    evidence: r.evidence ?? {},
    issues: r.issues,
    method: r.method,
    pages: r.pages,
    processing_time_ms: r.processing_time_ms,
  };
}

/** What a scripted answer gives: reports as a test writes them, turned into readings for core. */
export type ScriptedOutcome = Omit<ExtractionOutcome, 'readings'> & { reports: MarginReport[] };

/** An extractor whose answer the test chooses: the core's behaviour is under test, not extraction. */
export function scriptedExtractor(
  answer: (bytes: Uint8Array) => ScriptedOutcome | Error,
): Extractor & { calls: number } {
  const ex = {
    calls: 0,
    async extract(input: { bytes: Uint8Array; fileName: string }): Promise<ExtractionOutcome> {
      ex.calls += 1;
      const a = answer(input.bytes);
      if (a instanceof Error) throw a;
      const { reports, ...rest } = a;
      return { ...rest, readings: reports.map(readingOf) };
    },
    ocrReady: () => true,
  };
  return ex;
}

export function collectingQueue(): JobQueue & { jobs: string[] } {
  const jobs: string[] = [];
  return {
    jobs,
    async enqueueIngestion(id) {
      if (!jobs.includes(id)) jobs.push(id);
    },
    async depth() {
      return { queued: jobs.length, active: 0, failed: 0, deadLettered: 0 };
    },
  };
}
