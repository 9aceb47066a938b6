import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { FeedQuery } from './dto/feed.query';
import { NoQueryPipe } from './dto/no-query.pipe';
import { FEED_SIZE, FeedsService } from './feeds.service';

const text = (mediaType: string, description: string) => ({ description, content: { [mediaType]: { schema: { type: 'string' } } } });

// Handlers return strings so the global cache headers and Express's strong ETag apply.
@ApiTags('feeds')
@Public()
@Controller('api')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('feed.xml')
  @Header('Content-Type', 'application/rss+xml; charset=utf-8')
  @ApiOperation({ summary: `RSS 2.0 feed of the latest ${FEED_SIZE} published posts (full HTML in content:encoded).` })
  @ApiProduces('application/rss+xml')
  @ApiOkResponse(text('application/rss+xml', 'An RSS 2.0 document.'))
  @ApiNotFoundResponse({ description: 'NOT_FOUND: `tag` names no tag.' })
  rss(@Query() query: FeedQuery): Promise<string> {
    return this.feeds.rss(query.tag);
  }

  @Get('feed.json')
  @Header('Content-Type', 'application/feed+json; charset=utf-8')
  @ApiOperation({ summary: `JSON Feed 1.1 of the latest ${FEED_SIZE} published posts.` })
  @ApiProduces('application/feed+json')
  @ApiOkResponse({ description: 'A JSON Feed 1.1 document.', content: { 'application/feed+json': { schema: { type: 'object' } } } })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: `tag` names no tag.' })
  async json(@Query() query: FeedQuery): Promise<string> {
    return JSON.stringify(await this.feeds.jsonFeed(query.tag));
  }

  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiOperation({ summary: 'Sitemap (sitemaps.org) of the home page and every published post, with lastmod = updatedAt.' })
  @ApiProduces('application/xml')
  @ApiOkResponse(text('application/xml', 'A sitemaps.org urlset.'))
  sitemap(@Query(NoQueryPipe) _query: Record<string, unknown>): Promise<string> {
    return this.feeds.sitemap();
  }
}
