import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AuthorModel } from '../../authors/models/author.model';
import { TagModel } from '../../tags/models/tag.model';
import { PageModel, PostModel } from './post.model';

// REST shapes of a post: the shared model plus its ordered tags and authors. Only the OpenAPI document
// uses these classes; GraphQL resolves the same relations as fields of `Post`.

const FIELDS_NOTE = 'With `fields=`, only the named keys (and `id`) are present.';

@ApiSchema({ name: 'PostSummary', description: `A published post as listed. Body fields appear only when asked for with \`formats\`. ${FIELDS_NOTE}` })
export class PostSummaryResource extends PostModel {
  @ApiProperty({ type: [TagModel], description: 'In the order the editor gave; the first is the primary tag.' }) tags: TagModel[];
  @ApiProperty({ type: TagModel, nullable: true }) primaryTag: TagModel | null;
  @ApiProperty({ type: [AuthorModel], description: 'In the order the editor gave; the first is the primary author.' }) authors: AuthorModel[];
  @ApiProperty({ type: AuthorModel, nullable: true }) primaryAuthor: AuthorModel | null;
}

@ApiSchema({ name: 'Post', description: `A published post. \`html\` is present by default; \`formats\` picks the body formats. ${FIELDS_NOTE}` })
export class PostResource extends PostSummaryResource {}

@ApiSchema({ name: 'AdminPost', description: `A post of any status as the editor API sees it; single reads carry html and markdown by default. ${FIELDS_NOTE}` })
export class AdminPostResource extends PostResource {}

@ApiSchema({ name: 'PageSummary', description: `A published page as listed (no tags or authors). Body fields appear only when asked for with \`formats\`. ${FIELDS_NOTE}` })
export class PageSummaryResource extends PageModel {}

@ApiSchema({ name: 'Page', description: `A published page. \`html\` is present by default; \`formats\` picks the body formats. ${FIELDS_NOTE}` })
export class PageResource extends PageSummaryResource {}

@ApiSchema({ name: 'AdminPage', description: `A page of any status as the editor API sees it; single reads carry html and markdown by default. ${FIELDS_NOTE}` })
export class AdminPageResource extends PageResource {}
