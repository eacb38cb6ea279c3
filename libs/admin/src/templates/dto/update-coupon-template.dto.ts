import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CreateCouponTemplateDto } from './create-coupon-template.dto';

/**
 * PATCH body: any subset of the create fields (null clears an optional one). A DRAFT may change
 * anything (the result is validated like a create); an ACTIVE/PAUSED template only name,
 * description, a higher totalQuantity and a later claimEndsAt.
 */
export class UpdateCouponTemplateDto extends PartialType(CreateCouponTemplateDto) {
  @ApiPropertyOptional({
    description: 'Optimistic lock: the version you read; 409 if the template changed since',
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
