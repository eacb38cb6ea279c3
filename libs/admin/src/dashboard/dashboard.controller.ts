import { randomBytes } from 'node:crypto';
import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { chinaDay, fieldError, Public, REDIS_CLIENT, type RedisClient } from '@app/core';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { consoleConfig, type ConsoleConfig } from '../console/console.settings';
import { ticketKey } from './dashboard-counters';
import { type DashboardSnapshot, DashboardService } from './dashboard.service';
import {
  DashboardSnapshotView,
  HourCountsView,
  HourlyQuery,
  HourlyView,
  StreamQuery,
  StreamTicketView,
} from './dto/dashboard.view';

const BASE = 'api/v1/admin/dashboard';
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

@ApiTags('dashboard')
@Controller(BASE)
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(consoleConfig.KEY) private readonly cfg: ConsoleConfig,
  ) {}

  @Post('stream-ticket')
  @HttpCode(200)
  @ApiAdminAuth()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'createDashboardStreamTicket',
    summary: 'A short-lived, single-use ticket for the live stream (EventSource sends no headers)',
  })
  @ApiOkResponse({ type: StreamTicketView })
  async ticket(@CurrentAdmin() admin: AdminPrincipal): Promise<StreamTicketView> {
    const ticket = randomBytes(24).toString('base64url');
    const ttl = this.cfg.dashboardTicketTtlSeconds;
    await this.redis.set(ticketKey(ticket), String(admin.id), 'EX', ttl);
    return {
      ticket,
      expiresInSeconds: ttl,
      streamUrl: `/${BASE}/stream?ticket=${ticket}`,
    };
  }

  @Get('stream')
  @Public()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    operationId: 'streamDashboard',
    summary: 'Server-Sent Events: a `snapshot` event now and whenever claims or redemptions move',
    description:
      'Each event is `event: snapshot`, `id: <lastEventId>`, `data: <DashboardSnapshotView JSON>`. ' +
      'Reconnect with a new ticket; a reconnect (Last-Event-ID header or lastEventId) starts ' +
      'with a fresh snapshot, which catches up on everything missed.',
  })
  @ApiOkResponse({ description: 'text/event-stream of DashboardSnapshotView' })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Malformed ticket' })
  @ApiUnauthorizedResponse({
    type: ApiErrorResponse,
    description: 'Unknown, expired or already used ticket',
  })
  async stream(
    @Query() query: StreamQuery,
    @Headers('last-event-id') _lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // GETDEL: the first use consumes it, so a leaked URL is worthless.
    const owner = await this.redis.getdel(ticketKey(query.ticket));
    if (owner === null) throw new UnauthorizedException('Unknown, expired or used stream ticket');

    const first = await this.dashboard.snapshot();
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // Nginx: do not buffer the stream
    });
    const send = (s: DashboardSnapshot) => {
      const data = JSON.stringify(DashboardSnapshotView.from(s));
      raw.write(`id: ${s.lastEventId}\nevent: snapshot\ndata: ${data}\n\n`);
    };
    raw.write('retry: 2000\n\n');
    send(first);
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEPALIVE_MS);
    const unsubscribe = this.dashboard.subscribe(send, () => raw.end());
    raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  @Get('snapshot')
  @ApiAdminAuth()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({ operationId: 'getDashboardSnapshot', summary: 'The dashboard as of now' })
  @ApiOkResponse({ type: DashboardSnapshotView })
  async snapshot(): Promise<DashboardSnapshotView> {
    return DashboardSnapshotView.from(await this.dashboard.snapshot());
  }

  @Get('hourly')
  @ApiAdminAuth()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'getDashboardHourly',
    summary: 'Claims granted/refused and redemptions per hour of a China day (about 40 days back)',
  })
  @ApiOkResponse({ type: HourlyView })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'date is not YYYY-MM-DD' })
  async hourly(@Query() q: HourlyQuery): Promise<HourlyView> {
    const date = q.date ?? chinaDay(new Date());
    // The pattern lets 2026-02-31 through, which Date would quietly read as 3 March.
    if (chinaDay(new Date(`${date}T00:00:00+08:00`)) !== date) {
      throw fieldError('date', 'date must be a real calendar day');
    }
    const hours = await this.dashboard.hourly(date);
    return { date, hours: hours.map((h) => HourCountsView.from(h)) };
  }
}
