import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ORDER_STATUSES, OrderStatus } from '../entities/order.entity';
import { PostalAddressDto } from './postal-address.dto';

/** One order line; the product is named by its external id or, failing that, its SKU. */
export class OrderItemDto {
  @ApiPropertyOptional({ description: 'External id of an ingested product (or give sku).' })
  @ValidateIf(
    (item: OrderItemDto) => item.sku === undefined || item.productExternalId !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  productExternalId?: string;

  @ApiPropertyOptional({ description: 'SKU of an ingested product (when no productExternalId).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  sku?: string;

  @ApiPropertyOptional({ description: 'Line title; defaults to the product title.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;

  @ApiProperty({ minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  quantity: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Defaults to the product price.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  unitPrice?: number;
}

/** An order as the shop's backend sends it. PUT replaces the order and all of its lines. */
export class OrderFieldsDto {
  @ApiProperty({ description: 'External id of an ingested customer.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  customerExternalId: string;

  @ApiPropertyOptional({ description: 'Number the shopper sees; defaults to the external id.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number?: string;

  @ApiProperty({ enum: ORDER_STATUSES })
  @IsIn(ORDER_STATUSES)
  status: OrderStatus;

  @ApiPropertyOptional({ minimum: 0, description: 'Defaults to the sum of the lines.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  total?: number;

  @ApiPropertyOptional({ example: 'USD', default: 'USD' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code such as USD' })
  currency?: string;

  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  shippingAddress?: PostalAddressDto;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  carrier?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  trackingUrl?: string;

  @ApiProperty({ example: '2026-11-20T09:30:00Z' })
  @IsISO8601({ strict: true })
  placedAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  shippedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  deliveredAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  cancelledAt?: string;

  @ApiPropertyOptional({ example: '2026-11-25', description: 'Estimated delivery date.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'eta must be a date like 2026-11-25' })
  eta?: string;

  @ApiProperty({ type: [OrderItemDto], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items: OrderItemDto[];
}
