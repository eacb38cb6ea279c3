import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { GrowthJobStore } from '@app/growth';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { GrowthJobView } from './dto/growth-job.view';

const ID = new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('jobs')
@ApiAdminAuth()
@Controller('api/v1/admin/jobs')
export class GrowthJobsController {
  constructor(private readonly jobs: GrowthJobStore) {}

  @Get(':id')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'getJob',
    summary: 'A background job (tag sync, behaviour tagging, push): state and progress',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: GrowthJobView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(@Param('id', ID) id: number): Promise<GrowthJobView> {
    return GrowthJobView.from(await this.jobs.get(id));
  }
}
