import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PostFieldsInput } from './post-fields.input';

/** A partial update: absent fields stay as they are; lists and nested objects given are replaced whole. */
@InputType('UpdatePostInput')
export class UpdatePostInput extends PostFieldsInput {
  @ApiPropertyOptional({ maxLength: 255 })
  @Field(() => String, { nullable: true, description: 'At most 255 characters.' })
  @ValidateIf((_o: unknown, value: unknown) => value !== undefined) @IsString() @IsNotEmpty() @MaxLength(255)
  title?: string;
}
