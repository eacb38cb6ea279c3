/** Every key of one template shares the hash tag {t:<id>}, so each Lua script touches one slot. */
export function templateKeys(templateId: number) {
  const tag = `cp:{t:${templateId}}`;
  return {
    meta: `${tag}:meta`,
    issued: `${tag}:issued`,
    users: `${tag}:users`,
    free: `${tag}:free`,
    lock: `${tag}:rebuild-lock`,
    /** The template's audience members (a SET; AUDIENCE_LOADED marks it complete). */
    audience: `${tag}:aud`,
    /** Where a reload builds the new member set before RENAME swaps it in (same slot). */
    audienceLoad: (token: string) => `${tag}:aud:load:${token}`,
    request: (requestKey: string) => `${tag}:req:${requestKey}`,
    /** Claims granted on one China calendar day (YYYY-MM-DD), for the template's dailyLimit. */
    daily: (chinaDay: string) => `${tag}:day:${chinaDay}`,
    /** A follower's claim-rate window on this template (WX_CLAIM_RATE_LIMIT). */
    rate: (openid: string) => `${tag}:rl:${openid}`,
  };
}

/** keyword / menu key -> template id, for templates that can answer claims (ACTIVE or PAUSED). */
export const ROUTES_KEY = 'cp:routes';
/** Present in ROUTES_KEY once it was built, so "no routes" and "routes lost" differ. */
export const ROUTES_BUILT_FIELD = '__built__';

/** A member no openid can be ([A-Za-z0-9_-]): present once an audience set is fully loaded, so an
 * empty audience and a lost set differ (the claim script answers NO_STATE for the latter). */
export const AUDIENCE_LOADED = '.';
