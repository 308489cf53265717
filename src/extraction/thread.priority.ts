import { stat } from 'node:fs';
import os from 'node:os';

/** Nice value for extraction threads (pdf.js and tesseract): below the main thread, which answers chat. */
export const EXTRACTION_NICE = 10;

/**
 * Lowers the calling thread's CPU priority. Linux keeps a nice value per thread, so this touches only
 * the worker thread that calls it; elsewhere it may lower the whole process, which is merely slower.
 * Never fails: a sandbox that forbids it only loses the preference.
 */
export function lowerThreadPriority(nice = EXTRACTION_NICE): void {
  if (process.platform !== 'linux') return;
  try {
    if (os.getPriority(0) < nice) os.setPriority(0, nice);
  } catch {
    /* not permitted: run at normal priority */
  }
}

/**
 * Starts libuv's shared thread pool from the calling (main) thread. New threads inherit their creator's
 * nice value, and the pool is created on first use: were that first use inside a lowered extraction
 * thread, the main thread's file and crypto work would run at the lowered priority too.
 */
export function startThreadPoolHere(): void {
  stat(import.meta.filename, () => {});
}
