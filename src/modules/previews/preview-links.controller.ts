import { Body, Controller, Delete, Get, HttpCode, Param, Post, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { one, whole } from '../../common/http/envelopes';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { CreatePreviewLinkInput } from './dto/create-preview-link.input';
import { CreatedPreviewLinkModel, PreviewLinkModel } from './models/preview-link.model';
import { PreviewsService } from './previews.service';

@ApiTags('admin: previews')
@ApiBearerAuth()
@Controller('api/admin')
@RequireScopes('content:read')
@SetMetadata(PRIVATE_RESPONSE, true)
export class PreviewLinksController {
  constructor(private readonly previews: PreviewsService) {}

  @Post('posts/:id/preview-links')
  @ApiOperation({
    summary: 'Create a draft preview link for one post: its token shows the latest state of that post alone through ' +
      'GET /api/posts/:id, /api/posts/slug/:slug and GraphQL post(), until it expires or is revoked. The token is shown once.',
  })
  @ApiDataResponse(CreatedPreviewLinkModel, { status: 201, description: 'The link, with its token and the website URL (POST_URL_PATTERN) to open.' })
  async createForPost(@Param('id', UuidPipe) id: string, @Body() body: CreatePreviewLinkInput, @Actor() actor: AuditActor) {
    return one(await this.previews.create(id, 'post', body.expiresIn, actor));
  }

  @Get('posts/:id/preview-links')
  @ApiOperation({ summary: 'The preview links of a post, newest first (never their tokens).' })
  @ApiListResponse(PreviewLinkModel, 'total', 'Every preview link of the post.')
  async listForPost(@Param('id', UuidPipe) id: string) {
    return whole(await this.previews.list(id, 'post'));
  }

  @Post('pages/:id/preview-links')
  @ApiOperation({
    summary: 'Create a draft preview link for one page: its token shows the latest state of that page alone through ' +
      'GET /api/pages/:id, /api/pages/slug/:slug and GraphQL page(), until it expires or is revoked. The token is shown once.',
  })
  @ApiDataResponse(CreatedPreviewLinkModel, { status: 201, description: 'The link, with its token and the website URL (PAGE_URL_PATTERN) to open.' })
  async createForPage(@Param('id', UuidPipe) id: string, @Body() body: CreatePreviewLinkInput, @Actor() actor: AuditActor) {
    return one(await this.previews.create(id, 'page', body.expiresIn, actor));
  }

  @Get('pages/:id/preview-links')
  @ApiOperation({ summary: 'The preview links of a page, newest first (never their tokens).' })
  @ApiListResponse(PreviewLinkModel, 'total', 'Every preview link of the page.')
  async listForPage(@Param('id', UuidPipe) id: string) {
    return whole(await this.previews.list(id, 'page'));
  }

  @Delete('preview-links/:id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a preview link; its token is refused from the next request on. Revoking twice is harmless.' })
  @ApiDataResponse(PreviewLinkModel, { description: 'The link, now revoked.' })
  async revoke(@Param('id', UuidPipe) id: string, @Actor() actor: AuditActor) {
    return one(await this.previews.revoke(id, actor));
  }
}
