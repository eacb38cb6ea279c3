import { SetMetadata } from '@nestjs/common';

/**
 * Metadata key read by the admin AuthGuard. It lives in core so that libs which must not depend on
 * admin (wechat, health) can still open their routes: `@Public()` on a controller or handler.
 */
export const IS_PUBLIC_KEY = 'isPublic';

/** Marks a controller or route as reachable without a bearer token (the global guard skips it). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
