import { Readable } from 'node:stream';
import { Controller, Get, Header, Param, ParseIntPipe, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CouponCsvExporter } from '@app/coupon';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';

@ApiTags('coupon-templates')
@ApiAdminAuth()
@Controller('api/v1/admin/coupon-templates')
export class CouponExportController {
  constructor(private readonly exporter: CouponCsvExporter) {}

  @Get(':id/coupons.csv')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({
    operationId: 'exportTemplateCouponsCsv',
    summary: "Export a template's coupons as CSV (streamed, RFC 4180 quoting)",
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'id is not an integer' })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Unknown template' })
  async csv(
    @Param('id', new ParseIntPipe({ errorHttpStatusCode: 400 })) id: number,
  ): Promise<StreamableFile> {
    const lines = await this.exporter.open(id);
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="template-${id}-coupons.csv"`,
    });
  }
}
