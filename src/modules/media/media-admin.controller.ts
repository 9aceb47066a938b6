import {
  Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, SetMetadata, UploadedFile, UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiNoContentResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { list, one } from '../../common/http/envelopes';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { PageQuery } from '../../common/pagination/page.query';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { DeleteMediaQuery } from './dto/delete-media.query';
import { MAX_ALT, MAX_CAPTION, UpdateMediaInput } from './dto/update-media.input';
import { FOCAL_POINT_PATTERN, UploadMediaBody } from './dto/upload-media.body';
import { MediaLibraryService, type UploadedFile as Upload } from './media-library.service';
import { MediaItemModel } from './models/media-item.model';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag from the last read or write (428 without it, 412 when stale).' };

@ApiTags('admin: media')
@ApiBearerAuth()
@Controller('api/admin/media')
@SetMetadata(PRIVATE_RESPONSE, true)
export class MediaAdminController {
  constructor(private readonly media: MediaLibraryService) {}

  @Get()
  @RequireScopes('media:read')
  @ApiOperation({ summary: 'The media library, newest first, each item with its ETag.' })
  @ApiListResponse(MediaItemModel, 'page')
  async list(@Query() query: PageQuery) {
    return list(await this.media.list(query));
  }

  @Get(':id')
  @RequireScopes('media:read')
  @ApiOperation({ summary: 'One media item; the ETag header is what PATCH expects in If-Match.' })
  @ApiDataResponse(MediaItemModel)
  async get(@Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.media.get(id));
  }

  @Post()
  @RequireScopes('media:write')
  // Multer reads the body only after the guards passed, and stops at MEDIA_MAX_BYTES (413) while reading.
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The image: JPEG, PNG, WebP, AVIF or GIF (judged by content). SVG is refused.' },
        alt: { type: 'string', maxLength: MAX_ALT, description: 'Alternative text.' },
        caption: { type: 'string', maxLength: MAX_CAPTION, description: 'Caption.' },
        focalPoint: { type: 'string', pattern: FOCAL_POINT_PATTERN.source, example: '0.5,0.33', description: 'Focal point `x,y` as fractions (0..1) of width and height.' },
      },
    },
  })
  @ApiOperation({
    summary: 'Upload an image (multipart/form-data, part `file`, optional `alt`, `caption`, `focalPoint`).',
    description:
      'The type is judged by content: JPEG, PNG, WebP, AVIF and GIF are accepted; SVG and anything else is 415. ' +
      'The image is processed once: EXIF orientation applied, metadata (EXIF, GPS, XMP) stripped, variants at the ' +
      'configured widths (MEDIA_WIDTHS, never upscaled) in WebP, AVIF and the original format, a ThumbHash placeholder ' +
      'and the dominant colour. Bodies over MEDIA_MAX_BYTES are 413; images over MEDIA_MAX_PIXELS or corrupt data are 422. ' +
      'Animated GIF/WebP keep their first frame.',
  })
  @ApiDataResponse(MediaItemModel, { status: 201, description: 'Stored and processed.' })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE: the file is larger than MEDIA_MAX_BYTES.' })
  @ApiResponse({ status: 415, description: 'UNSUPPORTED_MEDIA_TYPE: not multipart/form-data, or the file is not a JPEG, PNG, WebP, AVIF or GIF (SVG is refused).' })
  @ApiResponse({ status: 422, description: 'UNPROCESSABLE: the image is corrupt or truncated, or has more pixels than MEDIA_MAX_PIXELS.' })
  async upload(
    @UploadedFile() file: Upload | undefined,
    @Body() body: UploadMediaBody,
    @Actor() actor: AuditActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const focalPoint = body.focalPoint ? parseFocalPoint(body.focalPoint) : undefined;
    return withEtag(res, await this.media.upload(file, { alt: body.alt, caption: body.caption, focalPoint }, actor));
  }

  @Patch(':id')
  @RequireScopes('media:write')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change alt text, caption or focal point (null clears one). Requires If-Match.' })
  @ApiDataResponse(MediaItemModel)
  @ApiResponse({ status: 412, description: 'PRECONDITION_FAILED: If-Match is not the current ETag.' })
  @ApiResponse({ status: 428, description: 'PRECONDITION_REQUIRED: send If-Match with the current ETag.' })
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateMediaInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: AuditActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.media.update(id, body, ifMatch, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes('media:write')
  @ApiHeader({ ...IF_MATCH, required: false, description: 'Optional: when given, the delete happens only if it is the current ETag (412 otherwise).' })
  @ApiOperation({
    summary: 'Delete a media item and its stored files.',
    description: 'Refused with 409 (naming the posts) while a published post uses the image, as feature image or in its body, unless `force=true`; forcing clears those references.',
  })
  @ApiNoContentResponse({ description: 'Deleted, files removed.' })
  @ApiResponse({ status: 409, description: 'CONFLICT: published posts use this image (`errors` names each one); retry with force=true to delete anyway.' })
  @ApiResponse({ status: 412, description: 'PRECONDITION_FAILED: If-Match is not the current ETag.' })
  async delete(
    @Param('id', UuidPipe) id: string,
    @Query() query: DeleteMediaQuery,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: AuditActor,
  ) {
    await this.media.delete(id, { force: query.force, ifMatch }, actor);
  }
}

function withEtag(res: Response, item: MediaItemModel) {
  res.setHeader('ETag', item.etag);
  return one(item);
}

function parseFocalPoint(value: string): { x: number; y: number } {
  const [x, y] = value.split(',').map(Number);
  return { x, y };
}
