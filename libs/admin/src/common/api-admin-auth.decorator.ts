import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiErrorResponse } from './api-error.response';

/**
 * OpenAPI for a route behind the admin bearer token: the scheme, the 401, and the 403 a role may
 * get (`forbidden: false` where every signed-in admin may call it).
 */
export function ApiAdminAuth(
  opts: { forbidden?: string | false; unauthorized?: string } = {},
): ClassDecorator & MethodDecorator {
  const forbidden = opts.forbidden ?? 'Role may not do this';
  return applyDecorators(
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({
      type: ApiErrorResponse,
      description: opts.unauthorized ?? 'Missing or invalid bearer token',
    }),
    ...(forbidden === false
      ? []
      : [ApiForbiddenResponse({ type: ApiErrorResponse, description: forbidden })]),
  );
}
