/**
 * Which of tesseract.js's worker messages an OCR thread passes on to the main thread. Tesseract reports its
 * progress once per word it reads, and tesseract.js posts each report as a message: some 300 for four pages,
 * each about 1.6 ms of the OCR thread's CPU on a loaded machine (serialise, post, wake the main thread), about
 * a tenth of the thread's time. Nothing of ours listens to progress (the pool passes no logger), so those
 * stay in the thread; results and errors ('resolve', 'reject') go through.
 */
export function passesOn(message: unknown): boolean {
  return (message as { status?: unknown } | null)?.status !== 'progress';
}
