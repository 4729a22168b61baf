import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** One body of a template; `requires` names the slots it needs (another variant covers their absence). */
export class TemplateVariantDto {
  @ApiProperty({ example: 'Your order {{order.number}} is {{order.status}}.', maxLength: 4000 })
  @MaxLength(4000)
  @Matches(/\S/, { message: 'body must not be blank' })
  @IsString()
  body: string;

  @ApiPropertyOptional({ type: [String], example: ['order.number', 'order.status'] })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  requires?: string[];
}
