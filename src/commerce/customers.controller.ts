import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth, Roles } from '../auth';
import { CommerceService } from './commerce.service';
import { BULK_LIMIT, BulkRequestDto } from './dto/bulk-request.dto';
import { CustomerRowDto } from './dto/bulk-rows.dto';
import { CustomerListQueryDto } from './dto/list-query.dto';
import { CustomerFieldsDto } from './dto/customer-fields.dto';
import { ApiBulkBody } from './bulk-body.decorator';
import { ExternalIdPipe } from './external-id.pipe';
import { IngestionService } from './ingestion.service';

@ApiTags('commerce')
@Controller('api/customers')
export class CustomersController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly commerce: CommerceService,
  ) {}

  @Put(':externalId')
  @ApiKeyAuth()
  @ApiOperation({ summary: 'Create or replace a customer by the shop’s id (API key).' })
  @ApiOkResponse({ description: '{ externalId, created }' })
  upsert(@Param('externalId', ExternalIdPipe) externalId: string, @Body() body: CustomerFieldsDto) {
    return this.ingestion.upsertCustomer(externalId, body);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiKeyAuth()
  @ApiOperation({
    summary: `Create or replace up to ${BULK_LIMIT} customers, all or nothing (API key).`,
    description: `Each item is a customer with its externalId (schema CustomerRowDto). A bad row fails the whole request with its index in error.details.index.`,
  })
  @ApiOkResponse({ description: '{ created, updated }' })
  @ApiPayloadTooLargeResponse({ description: `BULK_TOO_LARGE: more than ${BULK_LIMIT} items` })
  @ApiBulkBody(CustomerRowDto)
  bulk(@Body() body: BulkRequestDto) {
    return this.ingestion.bulkCustomers(body.items);
  }

  @Get()
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({
    summary: 'Customers, optionally matched by name/email/external id, newest first (staff).',
  })
  list(@Query() query: CustomerListQueryDto) {
    return this.commerce.listCustomers(query);
  }

  @Get(':id')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'One customer with their 50 most recent orders (staff).' })
  get(@Param('id') id: string) {
    return this.commerce.customerWithOrders(id);
  }
}
