import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { StoredKey } from './domain/idempotency';

/** One request's hold on a key: the row it inserted, told apart from a later holder by its creation time. */
export interface IdempotencyClaim {
  tokenId: string;
  key: string;
  createdAt: Date;
}

const STORED_KEY_SELECT = {
  requestHash: true,
  completed: true,
  responseStatus: true,
  responseBody: true,
  resultId: true,
  createdAt: true,
  owner: true,
  leaseUntil: true,
} satisfies Prisma.IdempotencyKeySelect;

/** Idempotency-Key records, per token. Expired ones are ignored and removed when the token next uses a key. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records an in-flight key held by `owner` until `leaseUntil`; returns the claim when this call owns it,
   * else the existing (unexpired) record.
   */
  async claim(tokenId: string, key: string, requestHash: string, now: Date, expiresAt: Date, owner: string, leaseUntil: Date): Promise<IdempotencyClaim | StoredKey> {
    await this.prisma.idempotencyKey.deleteMany({ where: { tokenId, expiresAt: { lte: now } } });
    const { count } = await this.prisma.idempotencyKey.createMany({
      data: [{ tokenId, key, requestHash, expiresAt, createdAt: now, owner, leaseUntil }],
      skipDuplicates: true,
    });
    if (count === 1) return { tokenId, key, createdAt: now };
    const existing = await this.prisma.idempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } }, select: STORED_KEY_SELECT });
    // Removed between our insert and read (expired and cleaned): try once more.
    return existing ?? this.claim(tokenId, key, requestHash, now, expiresAt, owner, leaseUntil);
  }

  /**
   * Replaces the abandoned claim `previous` (still unfinished, nothing created) with a new one: a
   * compare-and-swap on its creation time. Null when it changed meanwhile (completed, recorded a
   * result, or another request took it over first).
   */
  async takeOver(
    previous: IdempotencyClaim,
    requestHash: string,
    now: Date,
    expiresAt: Date,
    owner: string,
    leaseUntil: Date,
  ): Promise<IdempotencyClaim | null> {
    const { tokenId, key } = previous;
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.idempotencyKey.deleteMany({
        where: { tokenId, key, completed: false, resultId: null, createdAt: previous.createdAt },
      });
      if (count !== 1) return null;
      await tx.idempotencyKey.create({ data: { tokenId, key, requestHash, expiresAt, createdAt: now, owner, leaseUntil }, select: { key: true } });
      return { tokenId, key, createdAt: now };
    });
  }

  /** The owner's heartbeat: extends an unfinished claim's lease. */
  async renewLease(claim: IdempotencyClaim, leaseUntil: Date): Promise<void> {
    await this.prisma.idempotencyKey.updateMany({
      where: { tokenId: claim.tokenId, key: claim.key, createdAt: claim.createdAt, completed: false },
      data: { leaseUntil },
    });
  }

  /**
   * Inside the creating transaction: ties what was created to the claim. False when the claim is no
   * longer this request's (taken over after a stall), in which case the creation must roll back.
   */
  async recordResult(tx: Prisma.TransactionClient, claim: IdempotencyClaim, resultId: string): Promise<boolean> {
    const { count } = await tx.idempotencyKey.updateMany({
      where: { tokenId: claim.tokenId, key: claim.key, createdAt: claim.createdAt, resultId: null },
      data: { resultId },
    });
    return count === 1;
  }

  async complete(tokenId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.prisma.idempotencyKey.update({
      where: { tokenId_key: { tokenId, key } },
      data: { completed: true, responseStatus: status, responseBody: body as Prisma.InputJsonValue, owner: null, leaseUntil: null },
    });
  }

  /**
   * A failed first attempt frees its key, so a corrected retry can use it. Never a key with a result: the
   * creating transaction may have committed although its connection failed before the answer arrived,
   * and a retry must then be answered from that result, not create again.
   */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.prisma.idempotencyKey.deleteMany({
      where: { tokenId: claim.tokenId, key: claim.key, createdAt: claim.createdAt, completed: false, resultId: null },
    });
  }
}
