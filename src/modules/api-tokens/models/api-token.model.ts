import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { SCOPES, type Scope } from '../../../common/auth/access.decorators';

/** A token as listed: never its plaintext or its hash. */
@ApiSchema({ name: 'ApiToken', description: 'An API token as listed: never its plaintext or its hash.' })
export class ApiTokenModel {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'What the token is for.' })
  name: string;

  @ApiProperty({ description: 'The first characters of the token, to recognise it.', example: 'byl_3kq9XzT0' })
  prefix: string;

  @ApiProperty({ enum: SCOPES, isArray: true })
  scopes: Scope[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Updated at most once a minute.' })
  lastUsedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

/** The answer to a create: the only time the plaintext token is ever shown. */
@ApiSchema({ name: 'CreatedApiToken', description: 'A token just minted, with its plaintext (shown once).' })
export class CreatedApiTokenModel extends ApiTokenModel {
  @ApiProperty({ description: 'The bearer token. Shown once; store it now.', example: 'byl_…' })
  token: string;
}
