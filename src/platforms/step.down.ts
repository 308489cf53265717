/**
 * Issue 17: a card sent in the richest form the client takes. Each form is tried in order, from the
 * one this workspace or tenant last took; a form the same as the one just refused is skipped (it would
 * be refused again). A refusal of a form the card really used is remembered, so later cards start
 * lower. When every form is refused, the card goes as its text alone: a message is never dropped for
 * its blocks or its card. Any other error is the caller's. Slack's and Teams's gateways both send
 * through one of these.
 */
export function createStepDown<L extends string, M>(opts: {
  levels: readonly L[];
  /** Did the platform refuse the form (rather than fail)? */
  refused: (err: unknown) => boolean;
  /** What makes two forms the same (default: the whole message). */
  formOf?: (message: M) => unknown;
}) {
  const formOf = opts.formOf ?? ((m: M) => m);
  let start = 0;
  return {
    /** The level the next card starts at. */
    level: (): L => opts.levels[start] as L,
    async send<T>(card: {
      /** The card's message at one level. */
      render: (level: L) => M;
      deliver: (message: M) => Promise<T>;
      /** The card's text alone, no blocks or card to refuse. */
      textOnly: () => Promise<T>;
      /** Told of each refusal before the next form is tried (the adapters log it once per workspace). */
      onRefused: (level: L, err: unknown) => void | Promise<void>;
    }): Promise<{ result: T; level: L | 'text' }> {
      let previous: string | undefined;
      let lastErr: unknown;
      for (let i = start; i < opts.levels.length; i += 1) {
        const level = opts.levels[i] as L;
        const message = card.render(level);
        const form = JSON.stringify(formOf(message));
        if (form === previous) continue;
        previous = form;
        try {
          return { result: await card.deliver(message), level };
        } catch (err) {
          if (!opts.refused(err)) throw err;
          lastErr = err;
          await card.onRefused(level, err);
          // Only a card that used the refused form teaches anything about the workspace.
          const next = opts.levels[i + 1];
          if (next !== undefined && JSON.stringify(formOf(card.render(next))) !== form) start = Math.max(start, i + 1);
        }
      }
      try {
        return { result: await card.textOnly(), level: 'text' };
      } catch (err) {
        throw opts.refused(err) ? lastErr : err;
      }
    },
  };
}
