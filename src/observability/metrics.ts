/** A small Prometheus registry: counters and histograms, rendered in the text exposition format. */
type Labels = Record<string, string | number>;

const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

const key = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}
export interface Histogram {
  observe(labels: Labels, seconds: number): void;
}
export interface Gauge {
  set(labels: Labels, value: number): void;
}

export function createMetrics(prefix = 'marginiq_') {
  const counters = new Map<string, { help: string; values: Map<string, number> }>();
  const gauges = new Map<string, { help: string; values: Map<string, number> }>();
  const histograms = new Map<
    string,
    { help: string; buckets: number[]; values: Map<string, { counts: number[]; sum: number; count: number }> }
  >();
  return {
    counter(name: string, help: string): Counter {
      const full = prefix + name;
      const c = counters.get(full) ?? { help, values: new Map<string, number>() };
      counters.set(full, c);
      return { inc: (labels = {}, by = 1) => c.values.set(key(labels), (c.values.get(key(labels)) ?? 0) + by) };
    },
    gauge(name: string, help: string): Gauge {
      const full = prefix + name;
      const g = gauges.get(full) ?? { help, values: new Map<string, number>() };
      gauges.set(full, g);
      return { set: (labels, value) => g.values.set(key(labels), value) };
    },
    histogram(name: string, help: string, buckets = DEFAULT_BUCKETS): Histogram {
      const full = prefix + name;
      const h = histograms.get(full) ?? { help, buckets, values: new Map() };
      histograms.set(full, h);
      return {
        observe(labels, seconds) {
          const k = key(labels);
          const v = h.values.get(k) ?? { counts: h.buckets.map(() => 0), sum: 0, count: 0 };
          h.buckets.forEach((b, i) => {
            if (seconds <= b) v.counts[i] = (v.counts[i] ?? 0) + 1;
          });
          v.sum += seconds;
          v.count += 1;
          h.values.set(k, v);
        },
      };
    },
    render(): string {
      const lines: string[] = [];
      const join = (a: string, b: string) => [a, b].filter(Boolean).join(',');
      for (const [name, c] of counters) {
        lines.push(`# HELP ${name} ${c.help}`, `# TYPE ${name} counter`);
        for (const [k, v] of c.values) lines.push(`${name}${k ? `{${k}}` : ''} ${v}`);
      }
      for (const [name, g] of gauges) {
        lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
        for (const [k, v] of g.values) lines.push(`${name}${k ? `{${k}}` : ''} ${v}`);
      }
      for (const [name, h] of histograms) {
        lines.push(`# HELP ${name} ${h.help}`, `# TYPE ${name} histogram`);
        for (const [k, v] of h.values) {
          h.buckets.forEach((b, i) => {
            lines.push(`${name}_bucket{${join(k, `le="${b}"`)}} ${v.counts[i]}`);
          });
          lines.push(`${name}_bucket{${join(k, 'le="+Inf"')}} ${v.count}`);
          lines.push(`${name}_sum${k ? `{${k}}` : ''} ${v.sum}`, `${name}_count${k ? `{${k}}` : ''} ${v.count}`);
        }
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
