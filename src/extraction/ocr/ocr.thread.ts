/**
 * Entry point of each OCR thread: drops the thread's scheduling priority, then runs tesseract.js's worker
 * (its message handlers) with our own core loader in place of tesseract.js's Node one, which loads the
 * wrong build for an LSTM-only worker (core.choice.ts).
 *
 * On Linux the nice value is per thread, so recognition yields the CPU to the main thread at once: a queue of
 * scans never delays a chat acknowledgement.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../thread.priority.ts';
import { coreName } from './core.choice.ts';
import { passesOn } from './thread.messages.ts';

lowerThreadPriority();

/** tesseract.js's files and its own dependencies, resolved from tesseract.js (not ours to declare). */
const fromTesseract = createRequire(createRequire(import.meta.url).resolve('tesseract.js/package.json'));
const worker = fromTesseract('./src/worker-script') as {
  dispatchHandlers(packet: unknown, send: (m: unknown) => void): void;
  setAdapter(adapter: object): void;
};
const detect = fromTesseract('wasm-feature-detect') as {
  simd(): Promise<boolean>;
  relaxedSimd(): Promise<boolean>;
};

let core: unknown = null;
/** tesseract.js asks once per thread, saying whether the worker runs the LSTM engine only. */
async function getCore(lstmOnly: boolean): Promise<unknown> {
  if (!core) {
    const features = { simd: await detect.simd(), relaxedSimd: await detect.relaxedSimd() };
    core = fromTesseract(`tesseract.js-core/${coreName(lstmOnly === true, features)}`);
  }
  return core;
}

if (parentPort) {
  const port = parentPort;
  // Results and errors go to the main thread; progress reports stay here (thread.messages.ts).
  port.on('message', (packet) =>
    worker.dispatchHandlers(packet, (m) => {
      if (passesOn(m)) port.postMessage(m);
    }),
  );
  worker.setAdapter({
    getCore,
    gunzip: fromTesseract('./src/worker-script/node/gunzip.js'),
    fetch: globalThis.fetch,
    ...(fromTesseract('./src/worker-script/node/cache.js') as object),
  });
}
