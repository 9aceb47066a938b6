import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/access.decorators';
import { ExpensiveRead } from '../../common/http/rate-limit.guard';
import { toConnection } from '../../common/graphql/connection.mapper';
import { SearchArgs } from './dto/search.args';
import { SearchConnection, SearchHitModel } from './models/search-hit.model';
import { SearchService } from './search.service';

@Resolver(() => SearchHitModel)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Public()
  @ExpensiveRead() // its own rate-limit budget
  @Query(() => SearchConnection, {
    description: 'Full-text search over published posts and pages (each hit has a type), best match first. Web-search syntax: "exact phrase", -exclude, or.',
  })
  async search(@Args() args: SearchArgs) {
    const result = await this.service.search({ query: args.query, limit: args.first, cursor: args.after, cursorField: 'after' });
    return toConnection(result, (hit) => this.service.cursorFor(args.query, hit));
  }
}
