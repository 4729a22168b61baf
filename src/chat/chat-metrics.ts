import { Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';

/** How a shopper message's turn ended, as `chat_turn_duration_seconds` labels it. */
export type TurnOutcome = 'answered' | 'escalated' | 'silent' | 'failed';

/**
 * The chat's Prometheus metrics (scraped at GET /metrics): what an operator watches to see
 * whether shoppers get their answers in time and how much load the instance carries.
 */
@Injectable()
export class ChatMetrics {
  private readonly turnSeconds: Histogram<string>;
  private readonly messages: Counter<string>;
  private readonly writeBatch: Histogram<string>;

  constructor(metrics: MetricsService) {
    this.turnSeconds = metrics.histogram(
      'chat_turn_duration_seconds',
      "From a shopper's message arriving to the bot's reply being sent (silent: a person has the chat)",
      ['outcome'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    );
    this.messages = metrics.counter(
      'chat_shopper_messages_total',
      'Shopper messages accepted (stored), and resends of an already stored one (duplicate)',
      ['result'],
    );
    this.writeBatch = metrics.histogram(
      'chat_write_batch_size',
      'Chat writes carried by one database statement (concurrent writes share one)',
      ['write'],
      [1, 2, 4, 8, 16, 32, 64],
    );
  }

  turn(outcome: TurnOutcome, startedAt: number): void {
    this.turnSeconds.observe({ outcome }, (performance.now() - startedAt) / 1000);
  }

  message(duplicate: boolean): void {
    this.messages.inc({ result: duplicate ? 'duplicate' : 'accepted' });
  }

  batch(write: 'first_message' | 'shopper_message' | 'bot_turn', size: number): void {
    this.writeBatch.observe({ write }, size);
  }
}
