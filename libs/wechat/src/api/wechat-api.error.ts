/** The platform answered (HTTP 200) with errcode != 0. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    /** API path only (never the query: it carries the access_token or the AppSecret). */
    readonly path: string,
  ) {
    super(`WeChat ${path} failed: errcode=${errcode} errmsg=${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** No usable answer: timeout, connection error, non-200 status or a body that is not JSON. */
export class WechatNetworkError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`WeChat ${path} unreachable: ${reason}`);
    this.name = 'WechatNetworkError';
  }
}

/** access_token invalid (40001), not the latest (40014) or expired (42001): fetch a new one. */
export const TOKEN_INVALID_ERRCODES = new Set([40001, 40014, 42001]);
/** "system busy, please try again later". */
export const SYSTEM_BUSY_ERRCODE = -1;

export function isTokenInvalid(err: unknown): err is WechatApiError {
  return err instanceof WechatApiError && TOKEN_INVALID_ERRCODES.has(err.errcode);
}

/** Worth retrying when the call is idempotent: busy platform or no answer at all. */
export function isTransient(err: unknown): boolean {
  return (
    err instanceof WechatNetworkError ||
    (err instanceof WechatApiError && err.errcode === SYSTEM_BUSY_ERRCODE)
  );
}
