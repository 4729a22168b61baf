import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { NotFoundError, ValidationError } from '../common/domain-error';
import type { ApiKeyPrincipal } from './auth-principal';
import { ApiKey } from './entities/api-key.entity';

const KEY_PREFIX = 'ck_live_';
/** Shown in listings: the fixed prefix plus 6 characters, enough to tell keys apart. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;
/** last_used_at is advisory: one write per key per minute keeps hot ingestion off the row lock. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeyView {
  /** The secret itself; returned once, only its SHA-256 is stored. */
  key: string;
}

function sha256(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function toView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** Keys for the shop's backend: 32 random bytes, stored as SHA-256, revocable. */
@Injectable()
export class ApiKeyService {
  private readonly lastTouched = new Map<string, number>();

  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  async create(name: string, createdBy: string | null): Promise<CreatedApiKey> {
    const trimmed = name.trim();
    if (!trimmed) throw new ValidationError('name must not be empty');
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const saved = await this.keys.save(
      this.keys.create({
        name: trimmed,
        prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
        keyHash: sha256(key),
        createdBy,
      }),
    );
    return { ...toView(saved), key };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.find({ order: { createdAt: 'DESC' } })).map(toView);
  }

  /** Revoking twice is harmless; an unknown id is a 404. */
  async revoke(id: string): Promise<void> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw new NotFoundError('API key', id);
    if (!key.revokedAt) await this.keys.update({ id }, { revokedAt: new Date() });
    this.lastTouched.delete(id);
  }

  /** The live key matching `presented`, or null (unknown, malformed or revoked). */
  async authenticate(presented: string): Promise<ApiKeyPrincipal | null> {
    if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return null;
    // Lookup by hash: comparing hashes of equal length leaks nothing useful about the secret.
    const key = await this.keys.findOneBy({ keyHash: sha256(presented), revokedAt: IsNull() });
    if (!key) return null;
    await this.touch(key.id);
    return { id: key.id, name: key.name };
  }

  private async touch(id: string): Promise<void> {
    const now = Date.now();
    const last = this.lastTouched.get(id);
    if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(id, now);
    // The WHERE clause keeps several instances from each writing within the same minute.
    await this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere("(last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
      .execute();
  }
}
