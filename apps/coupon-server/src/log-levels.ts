import type { LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const BY_SETTING: Record<string, number> = {
  silent: -1,
  fatal: 0,
  error: 1,
  warn: 2,
  info: 3,
  debug: 4,
  trace: 5,
};

/** LOG_LEVEL (pino-style names) -> the Nest logger levels to enable; read before config loads. */
export function logLevelsFor(setting: string | undefined): LogLevel[] {
  const upTo = BY_SETTING[setting ?? 'info'] ?? BY_SETTING.info;
  return ORDER.slice(0, upTo + 1);
}
