import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiException } from '@app/core';
import { WechatApiClient } from '../api/wechat-api.client';
import { WechatApiError } from '../api/wechat-api.error';
import { toHttpError } from '../api/platform-http-error';
import { validateMenu, type WechatMenu } from './wechat-menu';

/** errcode when the account has no custom menu. */
const MENU_NOT_FOUND = 46003;

/** Publishes and reads the Official Account's custom menu; validates before any platform call. */
@Injectable()
export class WechatMenuService {
  constructor(private readonly api: WechatApiClient) {}

  async publish(menu: WechatMenu): Promise<void> {
    const problems = validateMenu(menu);
    if (problems.length > 0) {
      const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        message,
        problems.map((p) => ({ field: p.path, errors: [p.message] })),
      );
    }
    // Replacing the menu with the same JSON is harmless, so busy/timeouts may be retried.
    await this.api
      .call(
        { method: 'POST', path: 'cgi-bin/menu/create', body: { button: menu.button } },
        { idempotent: true },
      )
      .catch((err: unknown) => {
        throw toHttpError(err);
      });
  }

  async current(): Promise<WechatMenu> {
    try {
      const r = await this.api.call<{ menu?: WechatMenu }>(
        { method: 'GET', path: 'cgi-bin/menu/get' },
        { idempotent: true },
      );
      return { button: r.menu?.button ?? [] };
    } catch (err) {
      if (err instanceof WechatApiError && err.errcode === MENU_NOT_FOUND) return { button: [] };
      throw toHttpError(err);
    }
  }
}
