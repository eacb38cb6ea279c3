/** Re-exported from core so wechat/health can open routes without depending on admin. */
export { IS_PUBLIC_KEY, Public } from '@app/core';
