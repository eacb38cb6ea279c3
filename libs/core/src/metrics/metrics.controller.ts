import {
  Controller,
  Get,
  Header,
  Headers,
  Inject,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { appConfig, type AppConfig } from '../config/configuration';
import { metricsAuthorized } from './metrics-access';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint on the app port. With METRICS_PORT set it lives only on that internal
 * listener (404 here); with METRICS_TOKEN set it needs `Authorization: Bearer <token>`.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(appConfig.KEY) private readonly cfg: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.cfg.metricsPort !== undefined) throw new NotFoundException();
    if (!metricsAuthorized(authorization, this.cfg.metricsToken)) {
      throw new UnauthorizedException('Metrics need the METRICS_TOKEN bearer credential');
    }
    return this.metrics.render();
  }
}
