import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TEMPLATE_LOCALES, type TemplateLocale } from '../faq-csv';
import { TemplateVariantDto } from './template-variant.dto';

export class CreateTemplateDto {
  @ApiProperty({
    nullable: true,
    example: 'track_order',
    description: 'An intent of the running model, or null for an FAQ entry (found by meaning).',
  })
  @ValidateIf((_, v) => v !== null)
  @MaxLength(100)
  @IsString()
  intent: string | null;

  @ApiProperty({ enum: TEMPLATE_LOCALES })
  @IsIn(TEMPLATE_LOCALES)
  locale: TemplateLocale;

  @ApiProperty({ maxLength: 200 })
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  @IsString()
  title: string;

  @ApiProperty({ type: [TemplateVariantDto], minItems: 1 })
  @ValidateNested({ each: true })
  @Type(() => TemplateVariantDto)
  @ArrayMaxSize(20)
  @ArrayMinSize(1)
  @IsArray()
  variants: TemplateVariantDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Questions this template answers; each becomes a vector in the index.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(500, { each: true })
  @Matches(/\S/, { each: true, message: 'example questions must not be blank' })
  @IsString({ each: true })
  exampleQuestions?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Buttons offered with the answer.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @MaxLength(80, { each: true })
  @Matches(/\S/, { each: true, message: 'quick replies must not be blank' })
  @IsString({ each: true })
  quickReplies?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
