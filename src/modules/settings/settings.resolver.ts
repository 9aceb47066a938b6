import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, RequireScopes } from '../../common/auth/access.decorators';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { UpdateSettingsInput } from './dto/update-settings.input';
import { AdminSettingsModel, SettingsModel } from './models/settings.model';
import { SettingsService } from './settings.service';

@Resolver(() => SettingsModel)
export class SettingsResolver {
  constructor(private readonly service: SettingsService) {}

  @Public()
  @Query(() => SettingsModel, { description: 'Site settings and navigation; menu entries whose document is not published are left out.' })
  settings() {
    return this.service.getPublic();
  }

  @RequireScopes('settings:write')
  @Query(() => AdminSettingsModel, { description: 'The settings as editors see them, with the etag to update with (settings:write).' })
  adminSettings() {
    return this.service.getForEditor();
  }

  @RequireScopes('settings:write')
  @Mutation(() => AdminSettingsModel, { description: 'Change some settings (settings:write); requires the current etag as `ifMatch`.' })
  updateSettings(
    @Args('input') input: UpdateSettingsInput,
    @Args('ifMatch', { type: () => String, nullable: true, description: 'The current `etag` (required; PRECONDITION_FAILED when stale).' })
    ifMatch: string | null,
    @Actor() actor: AuditActor,
  ) {
    return this.service.update(input, ifMatch, actor);
  }
}
