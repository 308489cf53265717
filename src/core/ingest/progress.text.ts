import { type Card, textCard } from '../cards/card.model.ts';
import type { ExtractionProgress } from '../ports/extraction.ports.ts';

/** What a person waiting is told about a stage: "page 3 of 7, OCR". The CLI's progress line says the same. */
export function describeProgress(p: ExtractionProgress): string {
  if (p.stage === 'checking') return 'checking the scanned figures';
  const of = p.pages > 0 ? ` of ${p.pages}` : '';
  return p.stage === 'ocr' ? `page ${p.page}${of}, OCR` : `page ${p.page}${of}`;
}

/** The "Reading statement.pdf…" reply as the work proceeds (issue 17 item 5); the summary replaces it. */
export const progressCard = (fileName: string, p: ExtractionProgress): Card =>
  textCard(`Reading ${fileName}…`, `${describeProgress(p)}. This message will update with the summary.`);
