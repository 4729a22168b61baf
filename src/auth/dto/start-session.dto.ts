import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** All optional: an empty body starts an anonymous visitor. */
export class StartSessionDto {
  @ApiPropertyOptional({ description: 'A previous visitor token: keeps the same visitorId.' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  visitorToken?: string;

  @ApiPropertyOptional({ description: 'The storefront (widget site key) the shopper is on.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'siteKey must be 1–100 letters, digits, _ or -' })
  siteKey?: string;

  @ApiPropertyOptional({
    description: "The shop's own customer id of a signed-in shopper; needs identitySignature.",
  })
  @ValidateIf(
    (o: StartSessionDto) => o.customerId !== undefined || o.identitySignature !== undefined,
  )
  @MaxLength(200)
  @Matches(/\S/, { message: 'customerId must not be blank' })
  @IsString()
  customerId?: string;

  @ApiPropertyOptional({
    description: 'hex(HMAC-SHA256(IDENTITY_SECRET, customerId)), computed by the shop backend.',
  })
  @ValidateIf(
    (o: StartSessionDto) => o.customerId !== undefined || o.identitySignature !== undefined,
  )
  @MaxLength(128)
  @IsString()
  identitySignature?: string;
}
