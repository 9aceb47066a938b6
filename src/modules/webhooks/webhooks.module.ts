import { Module } from '@nestjs/common';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * Outgoing webhooks. Events are queued by a database trigger on audit_log (see the webhooks
 * migration), so every write path emits them in its own transaction; the dispatcher sends them.
 */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhookDeliveriesRepository, WebhooksService, WebhookDispatcherService],
  exports: [WebhookDispatcherService],
})
export class WebhooksModule {}
