import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DocumentFieldsInput } from './post-fields.input';

/** A new page (always a DRAFT): the post fields without tags and authors. */
@InputType('CreatePageInput')
export class CreatePageInput extends DocumentFieldsInput {
  @ApiProperty({ maxLength: 255 })
  @Field({ description: 'At most 255 characters.' })
  @IsString() @IsNotEmpty() @MaxLength(255)
  title: string;
}
