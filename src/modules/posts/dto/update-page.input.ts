import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { DocumentFieldsInput } from './post-fields.input';

/** A partial page update: absent fields stay as they are. */
@InputType('UpdatePageInput')
export class UpdatePageInput extends DocumentFieldsInput {
  @ApiPropertyOptional({ maxLength: 255 })
  @Field(() => String, { nullable: true, description: 'At most 255 characters.' })
  @ValidateIf((_o: unknown, value: unknown) => value !== undefined) @IsString() @IsNotEmpty() @MaxLength(255)
  title?: string;
}
