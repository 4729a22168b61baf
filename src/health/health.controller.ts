import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthRegistry } from './health-registry';

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('health')
  @ApiOperation({ summary: 'Readiness: database, queue and models. 503 when any is not ready.' })
  async health(@Res({ passthrough: true }) res: Response) {
    const { ok, checks } = await this.registry.run();
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
