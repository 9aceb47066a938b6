import { DynamicModule, Global, Inject, Injectable, MiddlewareConsumer, Module, NestModule, OnApplicationShutdown, Optional } from '@nestjs/common';
import { AvailabilityGateMiddleware, DatabaseAvailability } from './database-availability';
import { DATABASE_URL, EMBEDDED_DATABASE } from './database.tokens';
import { RunningDatabase } from './embedded-postgres';
import { PrismaService } from './prisma.service';

/** Stops the embedded server last: Nest runs shutdown hooks of dependents first. */
@Injectable()
class EmbeddedDatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly prisma: PrismaService,
    @Optional() @Inject(EMBEDDED_DATABASE) private readonly embedded: RunningDatabase | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.close();
    await this.embedded?.stop();
  }
}

@Global()
@Module({})
export class DatabaseModule implements NestModule {
  static forRoot(options: { url: string; embedded: RunningDatabase | null }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: options.url },
        { provide: EMBEDDED_DATABASE, useValue: options.embedded },
        PrismaService,
        DatabaseAvailability,
        EmbeddedDatabaseLifecycle,
      ],
      exports: [PrismaService, DATABASE_URL, DatabaseAvailability],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AvailabilityGateMiddleware).forRoutes('{*path}');
  }
}
