/**
 * Acknowledgements first. Slack and Teams answer an HTTP request as soon as it is verified; the work it
 * asks for (an upload recorded and queued, a decision, a command's answer) runs afterwards on the same
 * event loop. When a burst arrives, that work would otherwise be interleaved with the parsing and
 * answering of the requests still waiting, and the last acknowledgement of the burst would wait for
 * the work of all the earlier ones. Here a request owes from the moment the route takes it until it is
 * verified and handed to its listener (or answered), and work started after an acknowledgement waits
 * until nothing is owed (or at most `maxWaitMs`, so a steady stream of requests never starves it).
 */
export interface AckGate {
  /** A request that owes an acknowledgement; the function returned is called once it is answered (idempotent). */
  owe(): () => void;
  /** Resolves when no request owes its acknowledgement, or after `maxWaitMs` at most. */
  clear(): Promise<void>;
  /** Requests taken and not yet answered (metrics, tests). */
  owed(): number;
}

/**
 * Long enough for a burst of a few hundred requests to be answered on a busy machine (the load bench's
 * 84 took 1.3-3 s at load 25 on two cores); short next to any reply people wait for.
 */
export const ACK_GATE_MAX_WAIT_MS = 1_000;

export function createAckGate(opts: { maxWaitMs?: number } = {}): AckGate {
  const maxWaitMs = opts.maxWaitMs ?? ACK_GATE_MAX_WAIT_MS;
  let owed = 0;
  let waiting: (() => void)[] = [];
  const release = () => {
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  };
  return {
    owe() {
      owed += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        owed -= 1;
        // After the I/O phase: requests whose bytes arrived in the same turn are taken (and owed) first.
        if (owed === 0 && waiting.length > 0) setImmediate(() => owed === 0 && release());
      };
    },
    clear() {
      if (owed === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let settled = false;
        const once = () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiting = waiting.filter((w) => w !== once);
          once();
        }, maxWaitMs);
        waiting.push(once);
      });
    },
    owed: () => owed,
  };
}

/**
 * Marks `res` as owing its acknowledgement until it is finished or its connection closes, or until the
 * function returned is called: a request verified and handed to its listener, which acknowledges at
 * once or does its own work first (a modal's validation, a Teams invoke's card), owes nothing more, so
 * that work never holds back the work of requests acknowledged before it.
 */
export function oweUntilAnswered(
  gate: AckGate,
  res: { once(event: 'finish' | 'close', fn: () => void): unknown },
): () => void {
  const answered = gate.owe();
  res.once('finish', answered);
  res.once('close', answered);
  return answered;
}
