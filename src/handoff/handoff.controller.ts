import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth';
import { NotFoundError } from '../common/domain-error';
import { HandoffStore } from './handoff.store';

/** Staff read side of the handoff: follow-up tickets and per-conversation timings. */
@ApiTags('handoff')
@Controller('api/handoff')
export class HandoffController {
  constructor(private readonly store: HandoffStore) {}

  @Get('queue')
  @Roles('admin', 'manager', 'agent')
  async queue() {
    return { items: await this.store.queue() };
  }

  /** E-mails shoppers left while no agent was online. */
  @Get('tickets')
  @Roles('admin', 'manager', 'agent')
  async tickets(@Query('status') status?: string) {
    return { items: await this.store.tickets(status === 'closed' ? 'closed' : 'open') };
  }

  @Get('conversations/:id/timings')
  @Roles('admin', 'manager', 'agent')
  async timings(@Param('id', new ParseUUIDPipe()) id: string) {
    const timings = await this.store.timings(id);
    if (!timings) throw new NotFoundError('conversation', id);
    return timings;
  }
}
