import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
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
export class DatabaseModule {
  static forRoot(options: { url: string; embedded: RunningDatabase | null }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: options.url },
        { provide: EMBEDDED_DATABASE, useValue: options.embedded },
        PrismaService,
        EmbeddedDatabaseLifecycle,
      ],
      exports: [PrismaService, DATABASE_URL],
    };
  }
}
