import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/access.decorators';
import { NoStore } from '../../common/http/cache-headers';
import { HOME_DOCUMENT, HOME_HTML, HomeDocument } from './home-page';

/** `GET /`: a signpost instead of a 404; HTML for browsers, JSON for API clients (the default). */
@ApiExcludeController()
@Public()
// The body depends on Accept, and the response cache keys on the URL alone; the page is tiny anyway.
@NoStore()
@Controller()
export class HomeController {
  @Get()
  home(@Req() req: Request, @Res({ passthrough: true }) res: Response): HomeDocument | string {
    res.vary('Accept');
    // With no Accept header or */*, the first type wins: API clients get JSON unless they ask for HTML.
    if (req.accepts(['json', 'html']) === 'html') {
      res.type('html');
      return HOME_HTML;
    }
    return HOME_DOCUMENT;
  }
}
