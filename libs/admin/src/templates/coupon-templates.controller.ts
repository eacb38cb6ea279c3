import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CouponTemplateService, type TemplateAction } from '@app/coupon';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { CouponTemplatePage, CouponTemplateView } from './dto/coupon-template.view';
import { CreateCouponTemplateDto } from './dto/create-coupon-template.dto';
import { ListTemplatesQuery } from './dto/list-templates.query';
import { checkTemplateShape } from './dto/template-shape.check';
import { UpdateCouponTemplateDto } from './dto/update-coupon-template.dto';

const ID = new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('coupon-templates')
@ApiAdminAuth()
@Controller('api/v1/admin/coupon-templates')
export class CouponTemplatesController {
  constructor(private readonly templates: CouponTemplateService) {}

  @Post()
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'createCouponTemplate',
    summary: 'Create a template (starts as DRAFT)',
  })
  @ApiCreatedResponse({ type: CouponTemplateView })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid or contradictory fields' })
  async create(@Body() dto: CreateCouponTemplateDto): Promise<CouponTemplateView> {
    return CouponTemplateView.from(await this.templates.create(dto), 0);
  }

  @Get()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'listCouponTemplates',
    summary: 'List templates, newest first, with live issuedCount and remaining',
  })
  @ApiOkResponse({ type: CouponTemplatePage })
  async list(@Query() query: ListTemplatesQuery): Promise<CouponTemplatePage> {
    const { items, total } = await this.templates.list(query);
    const issued = await this.templates.issuedCounts(items.map((t) => t.id));
    return {
      items: items.map((t) => CouponTemplateView.from(t, issued.get(t.id) ?? 0)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Get(':id')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'getCouponTemplate',
    summary: 'One template with live issuedCount and remaining',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CouponTemplateView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(@Param('id', ID) id: number): Promise<CouponTemplateView> {
    const { template, issuedCount } = await this.templates.get(id);
    return CouponTemplateView.from(template, issuedCount);
  }

  @Patch(':id')
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'updateCouponTemplate',
    summary: 'Edit a template (compare-and-set on version; optional expectedVersion)',
    description:
      'DRAFT: any field, validated like create. ACTIVE/PAUSED: only name, description, a higher ' +
      'totalQuantity and a later claimEndsAt; anything else is 409 (details.refusedFields). ' +
      'ENDED: 409. Every change bumps version; MySQL first, then the Redis claim gate.',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CouponTemplateView })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid or contradictory fields' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description:
      'expectedVersion mismatch, concurrent edit, or a change not allowed in this status',
  })
  async update(
    @Param('id', ID) id: number,
    @Body() dto: UpdateCouponTemplateDto,
  ): Promise<CouponTemplateView> {
    await this.templates.update(id, dto, checkTemplateShape);
    const { template, issuedCount } = await this.templates.get(id);
    return CouponTemplateView.from(template, issuedCount);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'activateCouponTemplate',
    summary: 'DRAFT|PAUSED -> ACTIVE: followers can claim',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CouponTemplateView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Illegal status transition' })
  activate(@Param('id', ID) id: number): Promise<CouponTemplateView> {
    return this.transition(id, 'activate');
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'pauseCouponTemplate',
    summary: 'ACTIVE -> PAUSED: claims refused until re-activated',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CouponTemplateView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Illegal status transition' })
  pause(@Param('id', ID) id: number): Promise<CouponTemplateView> {
    return this.transition(id, 'pause');
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'endCouponTemplate',
    summary: 'DRAFT|ACTIVE|PAUSED -> ENDED (final; frees keyword and menu key)',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CouponTemplateView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Illegal status transition' })
  end(@Param('id', ID) id: number): Promise<CouponTemplateView> {
    return this.transition(id, 'end');
  }

  private async transition(id: number, action: TemplateAction): Promise<CouponTemplateView> {
    await this.templates.transition(id, action);
    const { template, issuedCount } = await this.templates.get(id);
    return CouponTemplateView.from(template, issuedCount);
  }
}
