/**
 * Entry point of each OCR thread: drops the thread's scheduling priority, then runs tesseract.js's
 * own worker script. On Linux the nice value is per thread, so recognition yields the CPU to the main
 * thread at once: a queue of scans never delays a chat acknowledgement.
 */
import { createRequire } from 'node:module';
import { lowerThreadPriority } from '../thread.priority.ts';

lowerThreadPriority();
createRequire(import.meta.url)('tesseract.js/src/worker-script/node/index.js');
