import { Module } from '@nestjs/common';
import { PostSchedulerRepository } from './post-scheduler.repository';
import { PostSchedulerService } from './post-scheduler.service';

/** Background publishing of scheduled posts (SCHEDULER_ENABLED, SCHEDULER_INTERVAL_MS). */
@Module({
  providers: [PostSchedulerRepository, PostSchedulerService],
  exports: [PostSchedulerService],
})
export class SchedulerModule {}
