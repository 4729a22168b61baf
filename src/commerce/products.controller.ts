import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth, Roles } from '../auth';
import { CommerceService } from './commerce.service';
import { BULK_LIMIT, BulkRequestDto } from './dto/bulk-request.dto';
import { ProductRowDto } from './dto/bulk-rows.dto';
import { ProductListQueryDto } from './dto/list-query.dto';
import { ProductFieldsDto } from './dto/product-fields.dto';
import { ApiBulkBody } from './bulk-body.decorator';
import { ExternalIdPipe } from './external-id.pipe';
import { IngestionService } from './ingestion.service';

@ApiTags('commerce')
@Controller('api/products')
export class ProductsController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly commerce: CommerceService,
  ) {}

  @Put(':externalId')
  @ApiKeyAuth()
  @ApiOperation({ summary: 'Create or replace a product by the shop’s id (API key).' })
  @ApiOkResponse({ description: '{ externalId, created }' })
  upsert(@Param('externalId', ExternalIdPipe) externalId: string, @Body() body: ProductFieldsDto) {
    return this.ingestion.upsertProduct(externalId, body);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiKeyAuth()
  @ApiOperation({
    summary: `Create or replace up to ${BULK_LIMIT} products, all or nothing (API key).`,
    description: `Each item is a product with its externalId (schema ProductRowDto). A bad row fails the whole request with its index in error.details.index.`,
  })
  @ApiOkResponse({ description: '{ created, updated }' })
  @ApiPayloadTooLargeResponse({ description: `BULK_TOO_LARGE: more than ${BULK_LIMIT} items` })
  @ApiBulkBody(ProductRowDto)
  bulk(@Body() body: BulkRequestDto) {
    return this.ingestion.bulkProducts(body.items);
  }

  @Get()
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'Products, filtered by category and search words, paged (staff).' })
  list(@Query() query: ProductListQueryDto) {
    return this.commerce.listProducts(query);
  }

  @Get(':id')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'One product by its id (staff).' })
  get(@Param('id') id: string) {
    return this.commerce.getProduct(id);
  }
}
