/**
 * The two load generators, on undici: a closed loop (N connections, each sends its next request
 * when the previous answer is in) and a true open loop (request i leaves at t0 + i/rate whatever
 * the server does, and its latency counts from that scheduled instant: no coordinated omission).
 * Both wait for every request they sent, so "answers" always equals "sent" at the end.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface PreparedRequest {
  path: string;
  /** bytes, so the client doesn't re-encode a string per request */
  body: Buffer;
}

/**
 * Requests built (signed, encrypted) ahead of the timed window. take() hands them out in order;
 * when the stock runs out it builds on the spot and counts it, so the report can say so.
 */
export class RequestBank {
  private readonly items: (PreparedRequest | undefined)[] = [];
  private taken = 0;
  /** Requests that had to be built inside a timed window (bank ran dry). */
  builtInWindow = 0;

  constructor(private readonly build: (seq: number) => PreparedRequest) {}

  /** The same request over and over (for a server that ignores what it's sent). */
  static constant(req: PreparedRequest): RequestBank {
    const bank = new RequestBank(() => req);
    bank.fixed = req;
    return bank;
  }

  private fixed?: PreparedRequest;

  /** Requests built but not handed out yet. */
  get ready(): number {
    return this.items.length - this.taken;
  }

  fill(count: number): void {
    for (let i = 0; i < count; i++) this.items.push(this.build(this.items.length));
  }

  take(): PreparedRequest {
    if (this.fixed) return this.fixed;
    if (this.taken === this.items.length) {
      this.builtInWindow += 1;
      this.fill(1);
    }
    const r = this.items[this.taken] as PreparedRequest;
    this.items[this.taken++] = undefined; // let sent bodies be collected
    return r;
  }
}

export interface LoadResult {
  sent: number;
  /** 2xx answers */
  ok: number;
  non2xx: number;
  statuses: Map<number, number>;
  errors: Map<string, number>;
  /** ms, sorted ascending; one per answered request (errors excluded) */
  latencies: number[];
  /** first request sent -> last answer in, ms */
  wallMs: number;
  /** bodies of every `sampleEvery`-th 2xx answer, decrypted later outside the window */
  samples: string[];
  maxInFlight: number;
  /** requests signed inside the window because the prebuilt stock ran out */
  builtInWindow: number;
  /** open loop only: t0 -> last dispatch + one interval, ms (for the achieved send rate) */
  dispatchMs?: number;
  /** open loop only: how late the scheduler dispatched requests, ms */
  lagMeanMs?: number;
  lagMaxMs?: number;
}

export interface LoadTarget {
  origin: string;
  headers: Record<string, string>;
  sampleEvery: number;
}

class Recorder {
  readonly latencies: number[] = [];
  readonly samples: string[] = [];
  readonly statuses = new Map<number, number>();
  readonly errors = new Map<string, number>();
  ok = 0;
  non2xx = 0;
  sent = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly target: LoadTarget,
  ) {}

  /** Sends one request; latency counts from `since` (performance.now() ms). */
  async send(req: PreparedRequest, since: number): Promise<void> {
    this.sent += 1;
    this.inFlight += 1;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    try {
      const res = await this.pool.request({
        method: 'POST',
        path: req.path,
        headers: this.target.headers,
        body: req.body,
      });
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      if (ok) this.ok += 1;
      else this.non2xx += 1;
      this.statuses.set(res.statusCode, (this.statuses.get(res.statusCode) ?? 0) + 1);
      if (ok && this.ok % this.target.sampleEvery === 0) {
        this.samples.push(await res.body.text());
      } else {
        await res.body.dump();
      }
      this.latencies.push(performance.now() - since);
    } catch (err) {
      const key = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    } finally {
      this.inFlight -= 1;
    }
  }

  result(wallMs: number, bank: RequestBank): LoadResult {
    return {
      sent: this.sent,
      ok: this.ok,
      non2xx: this.non2xx,
      statuses: this.statuses,
      errors: this.errors,
      latencies: this.latencies.sort((a, b) => a - b),
      wallMs,
      samples: this.samples,
      maxInFlight: this.maxInFlight,
      builtInWindow: bank.builtInWindow,
    };
  }
}

function newPool(origin: string, connections: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    // WeChat gives up after 5 s; anything near 30 s is a hang, reported as an error.
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}

/** `connections` loops, each sending its next request as soon as the previous answer arrives. */
export async function closedLoop(
  target: LoadTarget,
  bank: RequestBank,
  connections: number,
  durationMs: number,
): Promise<LoadResult> {
  const pool = newPool(target.origin, connections);
  const rec = new Recorder(pool, target);
  const start = performance.now();
  const deadline = start + durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const t = performance.now();
      await rec.send(bank.take(), t);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const wallMs = performance.now() - start;
  await pool.close();
  return rec.result(wallMs, bank);
}

export interface OpenLoopOptions {
  rate: number;
  durationMs: number;
  connections: number;
  /** Keep this many seconds of requests built ahead (long runs whose requests can't all be
   * built up front: signatures expire). Building then happens in idle scheduler gaps. */
  refillAheadSeconds?: number;
  /** Called once per scheduler tick with the elapsed ms (e.g. for periodic sampling). */
  onTick?: (elapsedMs: number) => void;
}

/**
 * Open loop: request i is due at t0 + i * 1000/rate. Each tick sends every due request, then
 * sleeps until the next one is due (setImmediate when it is due within 0.2 ms, so no busy spin
 * at ordinary rates). Lag = dispatch time - scheduled time; a growing lag means the generator,
 * not the server, is saturated, and it still counts in the latency.
 */
export async function openLoop(
  target: LoadTarget,
  bank: RequestBank,
  opts: OpenLoopOptions,
): Promise<LoadResult> {
  const pool = newPool(target.origin, opts.connections);
  const rec = new Recorder(pool, target);
  const interval = 1000 / opts.rate;
  const total = Math.round((opts.rate * opts.durationMs) / 1000);
  const refillAhead = opts.refillAheadSeconds ? opts.refillAheadSeconds * opts.rate : 0;
  const pending = new Set<Promise<void>>();
  let lagSum = 0;
  let lagMax = 0;
  let next = 0;
  let lastDispatch = 0;
  const t0 = performance.now() + 20;

  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (next < total) {
        const scheduled = t0 + next * interval;
        if (scheduled > now) break;
        const lag = performance.now() - scheduled;
        lagSum += lag;
        if (lag > lagMax) lagMax = lag;
        const p = rec.send(bank.take(), scheduled).finally(() => pending.delete(p));
        pending.add(p);
        next += 1;
        lastDispatch = performance.now();
      }
      opts.onTick?.(now - t0);
      if (next >= total) return resolve();
      // Top up the bank in idle gaps, a slice at a time, never ahead of a due request.
      if (refillAhead > 0 && bank.ready < refillAhead) {
        const sliceEnd = t0 + next * interval - 0.5;
        for (let n = 0; n < 200 && performance.now() < sliceEnd; n++) bank.fill(1);
      }
      const wait = t0 + next * interval - performance.now();
      if (wait < 0.2) setImmediate(tick);
      else setTimeout(tick, Math.max(1, Math.floor(wait)));
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
  await Promise.all([...pending]);
  const wallMs = performance.now() - t0;
  await pool.close();
  return {
    ...rec.result(wallMs, bank),
    dispatchMs: lastDispatch - t0 + interval,
    lagMeanMs: total ? lagSum / total : 0,
    lagMaxMs: lagMax,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}
