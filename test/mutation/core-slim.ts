/**
 * Mutation runs only (jest.stryker.config.js maps `@app/core` here): the same modules the mutated
 * files use from @app/core, without loading the whole barrel (TypeORM, ioredis, Nest modules)
 * again for every mutant. Nothing is re-implemented: these are re-exports.
 */
export { ApiException } from '../../libs/core/src/errors/api-error';
export { IS_PUBLIC_KEY } from '../../libs/core/src/auth/public.decorator';
export {
  BoolSetting,
  defineSettings,
  IntSetting,
  OptionalSetting,
  TextSetting,
} from '../../libs/core/src/config/settings';
// auth.guard.ts -> auth.service.ts (loaded for its DI metadata): authConfig is the admin's own.
export { duplicateKeyOf } from '../../libs/core/src/database/mysql-errors';
