import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { ToBool } from '../../../common/validation/query-transforms';

export class DeleteMediaQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Delete even while published posts use the image (their references are cleared).' })
  @IsOptional() @ToBool() @IsBoolean()
  force?: boolean;
}
