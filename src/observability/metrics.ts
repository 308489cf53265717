import client from 'prom-client';

/**
 * Prometheus metrics on prom-client: one registry per service (tests run several in one process),
 * names prefixed `marginiq_` with `_total` / `_seconds` suffixes as Prometheus names them, and the
 * process figures operators look at first (RSS, heap, event-loop lag, GC) from collectDefaultMetrics.
 */
type Labels = Record<string, string | number>;

const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}
export interface Histogram {
  observe(labels: Labels, seconds: number): void;
}
export interface Gauge {
  set(labels: Labels, value: number): void;
}

export function createMetrics(prefix = 'marginiq_', opts: { processMetrics?: boolean } = {}) {
  const registry = new client.Registry();
  if (opts.processMetrics !== false) client.collectDefaultMetrics({ register: registry, prefix });

  /**
   * Callers name their labels when they first record a value; the metric is made then, with those
   * label names (sorted, so the exposition is stable), and reused by every later handle of that name.
   */
  function lazy<M>(name: string, make: (labelNames: string[]) => M) {
    const full = prefix + name;
    let metric: M | undefined;
    return (labels: Labels) => {
      metric ??= (registry.getSingleMetric(full) as M | undefined) ?? make(Object.keys(labels).sort());
      return metric;
    };
  }
  const stringify = (labels: Labels) =>
    Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])) as Record<string, string>;

  return {
    contentType: registry.contentType as string,
    counter(name: string, help: string): Counter {
      const get = lazy(
        name,
        (labelNames) => new client.Counter({ name: prefix + name, help, labelNames, registers: [registry] }),
      );
      return { inc: (labels = {}, by = 1) => get(labels).inc(stringify(labels), by) };
    },
    gauge(name: string, help: string): Gauge {
      const get = lazy(
        name,
        (labelNames) => new client.Gauge({ name: prefix + name, help, labelNames, registers: [registry] }),
      );
      return { set: (labels, value) => get(labels).set(stringify(labels), value) };
    },
    histogram(name: string, help: string, buckets = DEFAULT_BUCKETS): Histogram {
      const get = lazy(
        name,
        (labelNames) => new client.Histogram({ name: prefix + name, help, labelNames, buckets, registers: [registry] }),
      );
      return { observe: (labels, seconds) => get(labels).observe(stringify(labels), seconds) };
    },
    /** The text exposition format. */
    render: (): Promise<string> => registry.metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
