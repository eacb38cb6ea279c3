import { HttpStatus } from '@nestjs/common';
import { ApiException } from '@app/core';
import { WechatApiError, WechatNetworkError } from './wechat-api.error';

/** For admin endpoints: a platform failure is a 502 naming the errcode, not an opaque 500. */
export function toHttpError(err: unknown): unknown {
  if (err instanceof WechatApiError) {
    return new ApiException(
      HttpStatus.BAD_GATEWAY,
      `WeChat refused the request: errcode ${err.errcode} (${err.errmsg})`,
      { errcode: err.errcode, errmsg: err.errmsg },
    );
  }
  if (err instanceof WechatNetworkError) {
    return new ApiException(HttpStatus.BAD_GATEWAY, `WeChat is unreachable: ${err.reason}`);
  }
  return err;
}
