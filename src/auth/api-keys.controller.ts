import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from './auth-principal';
import { CurrentStaff, Roles } from './auth.decorators';
import { ApiKeyService, ApiKeyView, CreatedApiKey } from './api-key.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@Roles('admin')
@Controller('api/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyService) {}

  @Post()
  @ApiOperation({ summary: 'Create a key for the shop backend (header x-api-key).' })
  @ApiCreatedResponse({ description: 'The `key` field is shown this once; store it now.' })
  create(
    @Body() body: CreateApiKeyDto,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CreatedApiKey> {
    return this.keys.create(body.name, staff.id);
  }

  @Get()
  @ApiOperation({ summary: 'All keys with prefix and last use; never the secrets.' })
  list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: calls with it fail with 401 from now on.' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}
