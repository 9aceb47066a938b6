import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../database/prisma.service';
import { Prisma } from '../../../generated/prisma/client';
import { bodyColumns, POST_COLUMNS, type PostIdsRow, type PostReadRow, relationColumns } from '../../posts/data/post-read-model';
import { PostRowsReader } from '../../posts/data/post-rows-read-model';
import type { DocumentKind } from '../../posts/domain/document-kind';
import type { BodyFormatName } from '../../posts/domain/post-listing';

/**
 * The one read that ignores the public visibility rule: the latest state of one document, whatever its
 * status, in the public read model's shape (so the posts mapper turns it into the public output).
 * Only the previews service calls it, and only for the document a valid preview token names.
 */
@Injectable()
export class PreviewReadsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly postRows: PostRowsReader,
  ) {}

  async findLatestById(id: string, formats: readonly BodyFormatName[], now = new Date()): Promise<PostReadRow | null> {
    const [row] = await this.postRows.read<PostIdsRow>(
      Prisma.sql`SELECT ${POST_COLUMNS}${bodyColumns(formats, true)}, ${relationColumns()} FROM posts p WHERE p.id = ${id}::uuid`,
      now,
    );
    return row ?? null;
  }

  /** Id, kind and current slug of a document of any status (preview links are created for drafts too). */
  findDocument(id: string): Promise<{ id: string; kind: DocumentKind; slug: string } | null> {
    return this.prisma.post.findUnique({ where: { id }, select: { id: true, kind: true, slug: true } });
  }
}
