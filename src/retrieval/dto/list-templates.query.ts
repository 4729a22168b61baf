import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TEMPLATE_LOCALES, type TemplateLocale } from '../faq-csv';

export const TEMPLATE_SOURCES = ['shipped', 'staff', 'faq'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

export class ListTemplatesQuery {
  @ApiPropertyOptional({ description: 'Templates of this intent (FAQ entries: source=faq).' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  intent?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_LOCALES })
  @IsOptional()
  @IsIn(TEMPLATE_LOCALES)
  locale?: TemplateLocale;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: TEMPLATE_SOURCES })
  @IsOptional()
  @IsIn(TEMPLATE_SOURCES)
  source?: TemplateSource;

  @ApiPropertyOptional({ description: 'Text in the title, a body or an example question.' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @Max(500)
  @Min(1)
  @IsInt()
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @IsInt()
  offset?: number;
}
