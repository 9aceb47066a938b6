import { Field, Float, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

@InputType('FocalPointInput', { description: 'Where the subject is, as fractions (0..1) of width and height.' })
export class FocalPointInput {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.5 })
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  x: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.33 })
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  y: number;
}
