import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiKeyAuth, Roles } from '../auth';
import { CommerceService } from './commerce.service';
import { BULK_LIMIT, BulkRequestDto } from './dto/bulk-request.dto';
import { OrderRowDto } from './dto/bulk-rows.dto';
import { OrderListQueryDto } from './dto/list-query.dto';
import { OrderFieldsDto } from './dto/order-fields.dto';
import { ApiBulkBody } from './bulk-body.decorator';
import { ExternalIdPipe } from './external-id.pipe';
import { IngestionService } from './ingestion.service';

@ApiTags('commerce')
@Controller('api/orders')
export class OrdersController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly commerce: CommerceService,
  ) {}

  @Put(':externalId')
  @ApiKeyAuth()
  @ApiOperation({ summary: 'Create or replace an order and its lines by the shop’s id (API key).' })
  @ApiOkResponse({ description: '{ externalId, created }' })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_CUSTOMER or UNKNOWN_PRODUCT' })
  upsert(@Param('externalId', ExternalIdPipe) externalId: string, @Body() body: OrderFieldsDto) {
    return this.ingestion.upsertOrder(externalId, body);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiKeyAuth()
  @ApiOperation({
    summary: `Create or replace up to ${BULK_LIMIT} orders, all or nothing (API key).`,
    description: `Each item is an order with its externalId (schema OrderRowDto). A bad row fails the whole request with its index in error.details.index.`,
  })
  @ApiOkResponse({ description: '{ created, updated }' })
  @ApiPayloadTooLargeResponse({ description: `BULK_TOO_LARGE: more than ${BULK_LIMIT} items` })
  @ApiUnprocessableEntityResponse({ description: 'a row references an unknown id' })
  @ApiBulkBody(OrderRowDto)
  bulk(@Body() body: BulkRequestDto) {
    return this.ingestion.bulkOrders(body.items);
  }

  @Get()
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'Orders, filtered by customer and status, newest first (staff).' })
  list(@Query() query: OrderListQueryDto) {
    return this.commerce.listOrders(query);
  }

  @Get(':id')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'One order with its lines and customer (staff).' })
  get(@Param('id') id: string) {
    return this.commerce.getOrder(id);
  }
}
