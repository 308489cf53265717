import type { ExtractionOutcome, ExtractionProgress } from '../../contract/reading.ts';
import type { LayoutDocument } from '../../extraction/extractor.ts';
import type { LayoutMemory } from '../../extraction/memory/memory.recall.ts';

// ---- Work that leaves the request: extraction and the durable queue (downloads: files.ports.ts). ----

// What extraction returns (readings, not reports: core's `finishReport` runs the rules on each) is
// typed in src/contract/, since extraction imports nothing from core.
export type { ExtractionOutcome, ExtractionProgress };

export interface Extractor {
  extract(input: {
    bytes: Uint8Array;
    fileName: string;
    onProgress?: (p: ExtractionProgress) => void;
    /** Layout memory (issue 16): rules approvers taught for known layouts; absent, extraction uses none. */
    memory?: LayoutMemory | undefined;
  }): Promise<ExtractionOutcome>;
  /** A document's lines and page sizes, for layout memory to learn an approver's correction from. */
  readLayout?(bytes: Uint8Array): Promise<LayoutDocument>;
  ocrReady(): boolean;
}

export interface JobQueue {
  /** Keyed by ingestion id: enqueueing the same upload twice makes one job. */
  enqueueIngestion(ingestionId: string): Promise<void>;
  depth(): Promise<{ queued: number; active: number; failed: number; deadLettered: number }>;
}
