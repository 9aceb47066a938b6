import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

@ArgsType()
export class RelatedArgs {
  @Field(() => Int, { defaultValue: 3, description: 'How many related posts (1–10).' })
  @IsInt() @Min(1) @Max(10)
  limit: number = 3;
}
