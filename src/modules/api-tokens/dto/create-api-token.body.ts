import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SCOPES, type Scope } from '../../../common/auth/access.decorators';

export class CreateApiTokenBody {
  @ApiProperty({ description: 'What the token is for, e.g. "CI deploy".', maxLength: 120 })
  @IsString() @MinLength(1) @MaxLength(120)
  name: string;

  @ApiProperty({ enum: SCOPES, isArray: true, description: 'What the token may do.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(SCOPES.length) @IsIn(SCOPES, { each: true })
  scopes: Scope[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Absolute expiry (exclusive with expiresIn). Omit both for a token that never expires.' })
  @IsOptional() @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ example: '90d', description: 'Lifetime: a number followed by m, h, d or w (exclusive with expiresAt).' })
  @IsOptional() @IsString() @Matches(/^\d{1,6}[mhdw]$/, { message: 'expiresIn must be a number followed by m, h, d or w, e.g. 90d' })
  expiresIn?: string;
}
