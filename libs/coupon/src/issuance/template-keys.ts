/** Every key of one template shares the hash tag {t:<id>}, so each Lua script touches one slot. */
export function templateKeys(templateId: number) {
  const tag = `cp:{t:${templateId}}`;
  return {
    meta: `${tag}:meta`,
    issued: `${tag}:issued`,
    users: `${tag}:users`,
    free: `${tag}:free`,
    lock: `${tag}:rebuild-lock`,
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
