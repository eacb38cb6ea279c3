import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * WEB_CONCURRENCY > 1: whichever worker a scrape lands on asks the primary, which collects every
 * worker's registry (prom-client's AggregatorRegistry over cluster IPC) and answers with the sum.
 * Without this each scrape would see one worker's counters and Prometheus would read resets.
 */
const REQ = 'wxc:cluster-metrics-req';
const RES = 'wxc:cluster-metrics-res';
const TIMEOUT_MS = 5000;

interface MetricsRequest {
  type: typeof REQ;
  id: string;
}
interface MetricsResponse {
  type: typeof RES;
  id: string;
  text?: string;
  error?: string;
}

/** Primary side: answer workers' scrape requests with the cluster-wide text. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, msg: Partial<MetricsRequest>) => {
    if (msg?.type !== REQ || typeof msg.id !== 'string') return;
    const id = msg.id;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RES, id, text } satisfies MetricsResponse),
      (err: unknown) =>
        worker.send({ type: RES, id, error: String(err) } satisfies MetricsResponse),
    );
  });
}

/** Worker side: report `registry` when the primary collects (instead of the global one). */
export function joinClusterMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs the worker's answer to the primary's collect requests
}

export const inClusterWorker = (): boolean =>
  cluster.isWorker && typeof process.send === 'function';

/** Worker side: the cluster-wide metrics text, from the primary. */
export function requestClusterMetrics(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const onMessage = (msg: Partial<MetricsResponse>) => {
      if (msg?.type !== RES || msg.id !== id) return;
      finish();
      if (typeof msg.text === 'string') resolve(msg.text);
      else reject(new Error(`cluster metrics: ${msg.error ?? 'no answer'}`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error('cluster metrics: the primary did not answer in time'));
    }, TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send!({ type: REQ, id } satisfies MetricsRequest);
  });
}
