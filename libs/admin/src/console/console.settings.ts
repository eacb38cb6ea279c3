import { IsString } from 'class-validator';
import { IntSetting, OptionalSetting, defineSettings } from '@app/core';

/** The ops console (apps/console): where its built files are, and the live dashboard's push. */
export class ConsoleSettings {
  /** Built console (vite build output), served at /console; relative to the working directory. */
  @OptionalSetting()
  @IsString()
  CONSOLE_DIR?: string;

  /** How long a dashboard stream ticket stays valid (it is also single-use). */
  @IntSetting(5, 300)
  DASHBOARD_TICKET_TTL_SECONDS = 30;
}

export const consoleConfig = defineSettings('console', ConsoleSettings, (s) => ({
  consoleDir: s.CONSOLE_DIR ?? 'dist/console',
  dashboardTicketTtlSeconds: s.DASHBOARD_TICKET_TTL_SECONDS,
}));

export type ConsoleConfig = ReturnType<typeof consoleConfig>;
