import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/** Nest's boot inventory (one line per module, controller and route): debug, not info. */
const BOOT_LISTINGS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** The app logger: nestjs-pino's, with Nest's boot listings demoted so info stays readable. */
@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && BOOT_LISTINGS.has(context)) {
      super.debug(message, ...optionalParams);
    } else {
      super.log(message, ...optionalParams);
    }
  }
}
