import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ResolvedDatabase } from '../database/database-bootstrap';
import { ApiTokensModule } from '../modules/api-tokens/api-tokens.module';
import { SeedModule } from '../modules/seed/seed.module';

/** What command-line tasks need: config, database and the services they call; no HTTP, no GraphQL. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, database: ResolvedDatabase): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(database), SeedModule, ApiTokensModule],
    };
  }
}
