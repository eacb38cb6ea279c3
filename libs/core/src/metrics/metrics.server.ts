import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { appConfig, type AppConfig } from '../config/configuration';
import { metricsAuthorized } from './metrics-access';
import { MetricsService } from './metrics.service';

/**
 * METRICS_PORT: `/metrics` on a listener of its own (bind it to an internal interface with
 * METRICS_HOST), so the public app port never serves it. Plain node:http, GET /metrics only;
 * METRICS_TOKEN applies here too when set.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    @Inject(appConfig.KEY) private readonly cfg: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.cfg.metricsPort;
    if (port === undefined) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
        return;
      }
      if (!metricsAuthorized(req.headers.authorization, this.cfg.metricsToken)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' });
        res.end('Unauthorized');
        return;
      }
      this.metrics.render().then(
        (text) =>
          res
            .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
            .end(text),
        (err: unknown) => {
          this.logger.error(`metrics render failed: ${String(err)}`);
          res.writeHead(500).end();
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.cfg.metricsHost, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${this.cfg.metricsHost}:${this.port()}/metrics`);
  }

  /** The bound port (METRICS_PORT, or the ephemeral one when it is 0). */
  port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
