/**
 * A counter and a histogram for the per-request metrics, counted in plain numbers per label tuple
 * and turned into prom-client's exposition only when scraped (issue 13 "Hot path"). prom-client's
 * own labelled children build a label object, validate it and hash it on every `inc`/`observe`;
 * here a child is found once per label tuple and each event is a few additions. The text a scrape
 * returns is the one prom-client writes for its Counter and Histogram (label order, `le` first,
 * `+Inf`, `_sum`, `_count`); test/unit/metrics/plain-labelled-metrics.test.ts compares them.
 */
import type { Registry } from 'prom-client';

interface PlainMetricOptions<Name extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly Name[];
  readonly registers: readonly Registry[];
}

interface Series {
  readonly key: string;
  readonly labels: Record<string, string>;
  /** In the exposition: from its first event until `reset()` (as prom-client shows a series). */
  live: boolean;
}

/** One exposition value, as prom-client's registry reads it from `get()`. */
interface ExposedValue {
  readonly labels: Record<string, string | number>;
  readonly value: number;
  readonly metricName?: string;
}

/** The label tuples' series: created on first use, found by one map lookup after that. */
class SeriesTable<S extends Series> {
  private readonly all = new Map<string, S>();
  /** The series with events since creation or the last reset, in order of their first event. */
  readonly live = new Map<string, S>();

  constructor(
    private readonly labelNames: readonly string[],
    private readonly create: (key: string, labels: Record<string, string>) => S,
  ) {}

  /** The series of `values` (in `labelNames` order); not shown until `markLive`. */
  find(values: readonly string[]): S {
    const key = values.join('\u0001');
    let series = this.all.get(key);
    if (series === undefined) {
      const labels: Record<string, string> = {};
      this.labelNames.forEach((name, i) => (labels[name] = values[i] ?? ''));
      series = this.create(key, labels);
      this.all.set(key, series);
    }
    return series;
  }

  /** Shows a series from its first event on. */
  markLive(series: S): void {
    series.live = true;
    this.live.set(series.key, series);
  }

  /** Drops every series from the exposition (prom-client's `reset`); children keep working. */
  dropAll(zero: (series: S) => void): void {
    for (const series of this.all.values()) {
      series.live = false;
      zero(series);
    }
    this.live.clear();
  }
}

interface CounterSeries extends Series {
  value: number;
}

/** A labelled counter (`type counter`). */
export class PlainCounter<Name extends string> {
  readonly type = 'counter';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly table: SeriesTable<CounterSeries>;

  constructor(options: PlainMetricOptions<Name>) {
    this.name = options.name;
    this.help = options.help;
    this.table = new SeriesTable(options.labelNames, (key, labels) => ({ key, labels, live: false, value: 0 }));
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** The child of one label tuple (values in `labelNames` order). */
  labels(...values: string[]): { inc(by?: number): void } {
    const series = this.table.find(values);
    return {
      inc: (by = 1) => {
        if (!Number.isFinite(by) || by < 0) throw new TypeError(`a counter only grows by a finite amount, not ${by}`);
        if (!series.live) this.table.markLive(series);
        series.value += by;
      },
    };
  }

  /** What prom-client's registry renders. */
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: ExposedValue[] }> {
    const values = [...this.table.live.values()].map((s) => ({ labels: { ...s.labels }, value: s.value }));
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values });
  }

  reset(): void {
    this.table.dropAll((s) => (s.value = 0));
  }
}

interface HistogramSeries extends Series {
  readonly buckets: number[];
  sum: number;
  count: number;
}

/** A labelled histogram (`type histogram`) over fixed upper bounds. */
export class PlainHistogram<Name extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly bounds: readonly number[];
  private readonly table: SeriesTable<HistogramSeries>;

  constructor(options: PlainMetricOptions<Name> & { readonly buckets: readonly number[] }) {
    this.name = options.name;
    this.help = options.help;
    this.bounds = [...options.buckets].sort((a, b) => a - b);
    this.table = new SeriesTable(options.labelNames, (key, labels) => ({ key, labels, live: false, buckets: this.bounds.map(() => 0), sum: 0, count: 0 }));
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** The child of one label tuple (values in `labelNames` order). */
  labels(...values: string[]): { observe(value: number): void } {
    const series = this.table.find(values);
    return {
      observe: (value) => {
        if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
        if (!series.live) this.table.markLive(series);
        const bounds = this.bounds;
        let at = 0;
        while (at < bounds.length && value > bounds[at]!) at++;
        if (at < bounds.length) series.buckets[at]! += 1;
        series.sum += value;
        series.count += 1;
      },
    };
  }

  /** What prom-client's registry renders: cumulative buckets, `+Inf`, `_sum`, `_count` per series. */
  get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: ExposedValue[] }> {
    const values: ExposedValue[] = [];
    for (const s of this.table.live.values()) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        values.push({ labels: { le, ...s.labels }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { le: '+Inf', ...s.labels }, value: s.count, metricName: `${this.name}_bucket` });
      values.push({ labels: { ...s.labels }, value: s.sum, metricName: `${this.name}_sum` });
      values.push({ labels: { ...s.labels }, value: s.count, metricName: `${this.name}_count` });
    }
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values });
  }

  reset(): void {
    this.table.dropAll((s) => {
      s.buckets.fill(0);
      s.sum = 0;
      s.count = 0;
    });
  }
}
