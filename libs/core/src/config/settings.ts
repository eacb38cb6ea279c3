import { applyDecorators } from '@nestjs/common';
import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import {
  declaredSettings,
  declareSettings,
  emptyToUndefined,
  type EnvironmentVariables,
  toBool,
  toInt,
  validateEnvironment,
} from './env.validation';

let validated: { key: string; env: EnvironmentVariables } | undefined;

/**
 * The validated environment (core's settings and every lib's), for the namespace factories. They
 * run when ConfigModule loads them (module init), never at import; the environment is validated
 * once per distinct process.env (one boot), not once per namespace, and a bad setting fails the
 * boot with a message naming every bad setting.
 */
export function validatedEnvironment(): EnvironmentVariables {
  const key = `${declaredSettings().length}:${JSON.stringify(process.env)}`;
  if (validated?.key !== key) validated = { key, env: validateEnvironment(process.env) };
  return validated.env;
}

/**
 * A lib's own settings: the class declares the variables it reads (decorated fields with their
 * defaults, validated with everyone else's), `read` shapes the namespace the lib injects
 * (`@Inject(couponConfig.KEY)`). Register it where the lib uses it: `ConfigModule.forFeature()`.
 */
export function defineSettings<S extends object, T extends object>(
  namespace: string,
  schema: new () => S,
  read: (settings: S, environment: EnvironmentVariables) => T,
) {
  declareSettings(schema);
  return registerAs(namespace, (): T => {
    const env = validatedEnvironment();
    return read(env as unknown as S, env);
  });
}

/** An integer setting in [min, max] (the environment's string is converted first). */
export const IntSetting = (min: number, max: number): PropertyDecorator =>
  applyDecorators(Transform(toInt), IsInt(), Min(min), Max(max));

/** A non-empty text setting. */
export const TextSetting = (): PropertyDecorator => applyDecorators(IsString(), MinLength(1));

/** A true/false setting (1, true, yes, on are true). */
export const BoolSetting = (): PropertyDecorator => applyDecorators(Transform(toBool), IsBoolean());

/** May be unset; an empty value counts as unset. Put the value's own checks after it. */
export const OptionalSetting = (): PropertyDecorator =>
  applyDecorators(Transform(emptyToUndefined), IsOptional());
