import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PostFieldsInput } from './post-fields.input';

/** A new post (always a DRAFT). Give exactly one of `markdown` or `html`. */
@InputType('CreatePostInput')
export class CreatePostInput extends PostFieldsInput {
  @ApiProperty({ maxLength: 255 })
  @Field({ description: 'At most 255 characters.' })
  @IsString() @IsNotEmpty() @MaxLength(255)
  title: string;
}
