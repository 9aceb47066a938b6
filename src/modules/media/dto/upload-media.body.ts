import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_ALT, MAX_CAPTION } from './update-media.input';

/** `x,y` with both in 0..1, e.g. `0.5,0.33`. */
export const FOCAL_POINT_PATTERN = /^(0(\.\d+)?|1(\.0+)?),(0(\.\d+)?|1(\.0+)?)$/;

/**
 * The text fields of the multipart upload. The file itself is the `file` part, read by multer (the
 * OpenAPI schema adds it; a class field here would be an unknown body field to the ValidationPipe).
 */
export class UploadMediaBody {
  @ApiPropertyOptional({ maxLength: MAX_ALT, description: 'Alternative text.' })
  @IsOptional() @IsString() @MaxLength(MAX_ALT)
  alt?: string;

  @ApiPropertyOptional({ maxLength: MAX_CAPTION, description: 'Caption.' })
  @IsOptional() @IsString() @MaxLength(MAX_CAPTION)
  caption?: string;

  @ApiPropertyOptional({ example: '0.5,0.33', pattern: FOCAL_POINT_PATTERN.source, description: 'Focal point `x,y` as fractions (0..1) of width and height.' })
  @IsOptional() @IsString() @Matches(FOCAL_POINT_PATTERN, { message: 'focalPoint must be "x,y" with both between 0 and 1, e.g. 0.5,0.33' })
  focalPoint?: string;
}
