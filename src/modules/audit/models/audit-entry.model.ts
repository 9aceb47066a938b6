import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** One recorded mutation. */
@ApiSchema({ name: 'AuditEntry', description: 'One recorded mutation.' })
export class AuditEntryModel {
  @ApiProperty({ description: 'Sequence number (as a string: it is a 64-bit integer).' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The token that made the change; null for the command line.' })
  tokenId: string | null;

  @ApiProperty({ example: 'token.created' })
  action: string;

  @ApiProperty({ example: 'api_token' })
  targetType: string;

  @ApiProperty({ type: String, nullable: true })
  targetId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The X-Request-Id of the request that made the change.' })
  requestId: string | null;

  @ApiProperty({ type: Object, nullable: true })
  details: unknown;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}
