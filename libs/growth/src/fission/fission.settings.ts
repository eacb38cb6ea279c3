import { IsString, MinLength } from 'class-validator';
import { IntSetting, OptionalSetting, defineSettings } from '@app/core';

/** Share-link fission's settings. Validated with every other lib's at boot. */
export class FissionSettings {
  /** HMAC key of share-link tokens; unset = derived from JWT_SECRET (domain-separated). */
  @OptionalSetting()
  @IsString()
  @MinLength(32, { message: 'FISSION_TOKEN_SECRET must be at least 32 characters' })
  FISSION_TOKEN_SECRET?: string;

  /** How often rewards owed but not granted (an instance died mid-way) are finished; 0 = off. */
  @IntSetting(0, 86400)
  FISSION_RECOVER_INTERVAL_SECONDS = 30;

  /** A reward must stay pending this long before recovery takes it over from its instance. */
  @IntSetting(1, 86400)
  FISSION_RECOVER_GRACE_SECONDS = 30;
}

export const fissionConfig = defineSettings('fission', FissionSettings, (s, env) => ({
  tokenSecret: s.FISSION_TOKEN_SECRET ?? String((env as { JWT_SECRET?: string }).JWT_SECRET),
  recoverIntervalSeconds: s.FISSION_RECOVER_INTERVAL_SECONDS,
  recoverGraceSeconds: s.FISSION_RECOVER_GRACE_SECONDS,
  // The h5 edge owns and validates H5_BASE_URL; growth only needs it to write links into replies.
  h5BaseUrl: String((env as { H5_BASE_URL?: string }).H5_BASE_URL ?? DEFAULT_H5_BASE_URL).replace(
    /\/+$/,
    '',
  ),
  /** Test-only fault hook, `<point>[:<friend openid>]`: "kill-before-account" / "kill-before-reward"
   * SIGKILL the process right after a friend's grant / after an invite owing a reward committed. */
  fault: faultHook((env as { FISSION_TEST_FAULT?: string }).FISSION_TEST_FAULT),
}));

/** The H5 base when H5_BASE_URL is unset (a developer's machine). */
export const DEFAULT_H5_BASE_URL = 'http://localhost:3000';

export type FissionConfig = ReturnType<typeof fissionConfig>;

function faultHook(raw: string | undefined): { point: string; openid?: string } | null {
  if (!raw) return null;
  const [point, openid] = raw.split(':');
  return { point, openid };
}
