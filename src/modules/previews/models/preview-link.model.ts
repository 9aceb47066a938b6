import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

const LINK_DESCRIPTION = 'A draft preview link of one document, as listed: never its token.';

@ApiSchema({ name: 'PreviewLink', description: LINK_DESCRIPTION })
@ObjectType('PreviewLink', { description: LINK_DESCRIPTION })
export class PreviewLinkModel {
  @ApiProperty({ format: 'uuid' }) @Field(() => ID)
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The document (post or page) the link previews.' })
  @Field(() => ID, { description: 'The document (post or page) the link previews.' })
  documentId: string;

  @ApiProperty({ example: 'bylp_3kq9XzT0', description: 'The first characters of the token, to recognise it.' })
  @Field({ description: 'The first characters of the token, to recognise it.' })
  prefix: string;

  @ApiProperty({ format: 'date-time' }) @Field()
  expiresAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true }) @Field(() => String, { nullable: true })
  revokedAt: string | null;

  @ApiProperty({ format: 'date-time' }) @Field()
  createdAt: string;

  @ApiProperty({ description: 'Neither expired nor revoked.' }) @Field({ description: 'Neither expired nor revoked.' })
  active: boolean;
}

const CREATED_DESCRIPTION = 'A preview link just created, with its token (shown once; only its hash is stored).';

@ApiSchema({ name: 'CreatedPreviewLink', description: CREATED_DESCRIPTION })
@ObjectType('CreatedPreviewLink', { description: CREATED_DESCRIPTION })
export class CreatedPreviewLinkModel extends PreviewLinkModel {
  @ApiProperty({ example: 'bylp_…', description: 'Send as `X-Preview-Token` (or `?preview=`) to the public single-document reads of its kind.' })
  @Field({ description: 'Send as `X-Preview-Token` (or `?preview=`) to the public single-document reads of its kind. Shown once.' })
  token: string;

  @ApiProperty({ example: 'https://blog.example/a-draft/?preview=bylp_…', description: 'The document on the website, with the token as `?preview=`.' })
  @Field({ description: 'The document on the website, with the token as `?preview=`.' })
  url: string;
}
