import {
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth';
import { ValidationError } from '../common/domain-error';
import { QUEUE_DRIVER, QueueDriver } from './queue-driver';

const QUEUE_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** Operations view of the queues: backlog per queue, failed jobs, and retrying one. */
@ApiTags('operations')
@Roles('admin')
@Controller('api/queues')
export class QueueController {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  @Get()
  @ApiOperation({ summary: 'Waiting, active, delayed and failed jobs per queue.' })
  async list() {
    const queues = await Promise.all(
      this.driver
        .queueNames()
        .map(async (queue) => ({ queue, ...(await this.driver.counts(queue)) })),
    );
    return { driver: this.driver.kind, queues };
  }

  @Get(':queue/failed')
  @ApiOperation({ summary: 'Jobs that exhausted their retries, newest first, with their error.' })
  listFailed(
    @Param('queue') queue: string,
    @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number,
  ) {
    if (limit < 1 || limit > 1000) throw new ValidationError('limit must be between 1 and 1000');
    return this.driver.listFailed(checkQueue(queue), limit);
  }

  @Post(':queue/failed/:id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Runs a failed job again with its full retry budget.' })
  async retry(@Param('queue') queue: string, @Param('id') id: string) {
    await this.driver.retryFailed(checkQueue(queue), id);
    return { queue, id, status: 'retrying' };
  }
}

function checkQueue(queue: string): string {
  if (!QUEUE_NAME.test(queue)) throw new ValidationError('queue name is not valid');
  return queue;
}
