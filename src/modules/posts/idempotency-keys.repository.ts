import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { StoredKey } from './domain/idempotency';

/** Idempotency-Key records, per token. Expired ones are ignored and removed when the token next uses a key. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Records an in-flight key; returns null when this call owns it, else the existing (unexpired) record. */
  async claim(tokenId: string, key: string, requestHash: string, now: Date, expiresAt: Date): Promise<StoredKey | null> {
    await this.prisma.idempotencyKey.deleteMany({ where: { tokenId, expiresAt: { lte: now } } });
    const { count } = await this.prisma.idempotencyKey.createMany({
      data: [{ tokenId, key, requestHash, expiresAt }],
      skipDuplicates: true,
    });
    if (count === 1) return null;
    const existing = await this.prisma.idempotencyKey.findUnique({
      where: { tokenId_key: { tokenId, key } },
      select: { requestHash: true, completed: true, responseStatus: true, responseBody: true },
    });
    // Removed between our insert and read (expired and cleaned): try once more.
    return existing ?? this.claim(tokenId, key, requestHash, now, expiresAt);
  }

  async complete(tokenId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.prisma.idempotencyKey.update({
      where: { tokenId_key: { tokenId, key } },
      data: { completed: true, responseStatus: status, responseBody: body as Prisma.InputJsonValue },
    });
  }

  /** A failed first attempt frees its key, so a corrected retry can use it. */
  async release(tokenId: string, key: string): Promise<void> {
    await this.prisma.idempotencyKey.deleteMany({ where: { tokenId, key, completed: false } });
  }
}
