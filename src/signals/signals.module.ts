import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { EventIngestService } from './event-ingest.service';
import { OutboxRelay } from './outbox-relay';
import { ProfileChangeHook } from './profile-change-hook';
import { ProfileProcessor } from './profile.processor';
import { ProfileService } from './profile.service';
import { SignalsController } from './signals.controller';

/**
 * Behaviour signals: event ingestion (batch API, storefront track), the outbox relay, the profile
 * processor and profile reads. Other features use `ProfileService.getProfile()`.
 */
@Module({
  imports: [AuthModule],
  controllers: [SignalsController],
  providers: [EventIngestService, OutboxRelay, ProfileChangeHook, ProfileProcessor, ProfileService],
  exports: [ProfileService, EventIngestService, OutboxRelay],
})
export class SignalsModule {}
