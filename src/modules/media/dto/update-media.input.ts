import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { FocalPointInput } from './focal-point.input';

export const MAX_ALT = 1000;
export const MAX_CAPTION = 5000;

@InputType('UpdateMediaInput', { description: 'What to change of a media item; null clears a field.' })
export class UpdateMediaInput {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_ALT, description: 'Alternative text; null clears it.' })
  @Field(() => String, { nullable: true, description: 'Alternative text; null clears it.' })
  @IsOptional() @IsString() @MaxLength(MAX_ALT)
  alt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_CAPTION, description: 'Caption; null clears it.' })
  @Field(() => String, { nullable: true, description: 'Caption; null clears it.' })
  @IsOptional() @IsString() @MaxLength(MAX_CAPTION)
  caption?: string | null;

  @ApiPropertyOptional({ type: FocalPointInput, nullable: true, description: 'Focal point; null clears it.' })
  @Field(() => FocalPointInput, { nullable: true, description: 'Focal point; null clears it.' })
  @ValidateIf((_, value) => value !== null && value !== undefined) @IsObject() @ValidateNested() @Type(() => FocalPointInput)
  focalPoint?: FocalPointInput | null;
}
