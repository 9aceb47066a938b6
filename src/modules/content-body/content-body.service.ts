import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { BodySource, RenderedBody } from './domain/body.types';
import { renderBody } from './domain/render-body';

/** Stored columns derived from a body, computed once at write time so reads never parse bodies. */
export interface DerivedBodyColumns {
  html: string;
  plaintext: string;
  toc: { id: string; text: string; level: number }[];
  excerpt: string;
  wordCount: number;
  imageCount: number;
  readingTimeSeconds: number;
  readingTimeMinutes: number;
}

@Injectable()
export class ContentBodyService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  render(source: BodySource, customExcerpt?: string | null): RenderedBody {
    const { readingWordsPerMinute: wordsPerMinute, embedHosts } = this.config;
    return renderBody(source, { wordsPerMinute, customExcerpt, embedHosts });
  }

  toColumns(rendered: RenderedBody): DerivedBodyColumns {
    return {
      html: rendered.html,
      plaintext: rendered.plaintext,
      toc: rendered.toc,
      excerpt: rendered.excerpt,
      wordCount: rendered.wordCount,
      imageCount: rendered.imageCount,
      readingTimeSeconds: rendered.readingTime.seconds,
      readingTimeMinutes: rendered.readingTime.minutes,
    };
  }
}
