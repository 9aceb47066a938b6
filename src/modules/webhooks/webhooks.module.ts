import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookPayloadsService } from './webhook-payloads.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * Outgoing webhooks. Events are queued by a database trigger on audit_log (see the webhooks
 * migration), so every write path emits them in its own transaction; the dispatcher sends them.
 */
@Module({
  imports: [PostsModule],
  controllers: [WebhooksController],
  providers: [WebhooksRepository, WebhookDeliveriesRepository, WebhooksService, WebhookDispatcherService, WebhookPayloadsService],
  exports: [WebhookDispatcherService],
})
export class WebhooksModule {}
