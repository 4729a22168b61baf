import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CustomerFieldsDto } from './customer-fields.dto';
import { OrderFieldsDto } from './order-fields.dto';
import { ProductFieldsDto } from './product-fields.dto';

/** Bulk rows carry their external id in the body (single upserts take it from the path). */
export class ProductRowDto extends ProductFieldsDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId: string;
}

export class CustomerRowDto extends CustomerFieldsDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId: string;
}

export class OrderRowDto extends OrderFieldsDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId: string;
}
