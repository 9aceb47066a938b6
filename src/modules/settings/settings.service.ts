import { Inject, Injectable } from '@nestjs/common';
import { assertIfMatch, missingIfMatch, staleEtag, updatedAtEtag } from '../../common/concurrency/updated-at-etag';
import { DomainError, FieldError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { AuditActor } from '../audit/audit.service';
import type { Image } from '../media/domain/image';
import { MediaImagesService } from '../media/media-images.service';
import { PostsService } from '../posts/posts.service';
import {
  canonicalLocale,
  canonicalTimezone,
  duplicateNetworks,
  normalizeAccentColor,
  SettingsDefaults,
  StoredNavigationItem,
  StoredSocialAccount,
  toStoredNavigation,
} from './domain/site-settings';
import { UpdateSettingsInput } from './dto/update-settings.input';
import { AdminSettingsModel, NavigationItemModel, SettingsModel } from './models/settings.model';
import { SettingsRepository, SettingsRow, SettingsWrite } from './settings.repository';

/** Audit actions of this module (the database maps settings.updated to the webhook event of that name). */
export type SettingsAuditAction = 'settings.updated';
const WHAT = 'settings';
const ETAG_ID = 'settings';

export type SiteIdentity = Pick<SettingsModel, 'title' | 'description' | 'locale'>;

/** Site settings: the public read, the editor's read and the update, shared by REST and GraphQL. */
@Injectable()
export class SettingsService {
  private readonly defaults: SettingsDefaults;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly media: MediaImagesService,
    private readonly posts: PostsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { title, description, locale, timezone } = config.site;
    this.defaults = { title, description, locale, timezone };
  }

  /** What everyone sees: menu entries whose document is not public are left out. */
  async getPublic(): Promise<SettingsModel> {
    return this.toModel(await this.settings.find(), false);
  }

  /** Title, description and locale of the site as edited, else as configured (one statement; feeds use it). */
  async identity(): Promise<SiteIdentity> {
    const row = await this.settings.findIdentity();
    return {
      title: row.title ?? this.defaults.title,
      description: row.description ?? this.defaults.description,
      locale: row.locale ?? this.defaults.locale,
    };
  }

  /** What editors see: every menu entry (unpublished targets with url null) and the ETag. */
  async getForEditor(): Promise<AdminSettingsModel> {
    const row = await this.settings.find();
    return { ...(await this.toModel(row, true)), etag: updatedAtEtag(ETAG_ID, row.updatedAt) };
  }

  /** A partial update against the current ETag (428 without, 412 when stale). */
  async update(input: UpdateSettingsInput, ifMatch: string | null | undefined, actor: AuditActor): Promise<AdminSettingsModel> {
    if (!ifMatch?.trim()) throw missingIfMatch(WHAT);
    const data = await this.toWrite(input);
    if (Object.keys(data).length === 0) throw DomainError.validation('Give at least one setting to change.');
    const current = await this.settings.find();
    assertIfMatch(ifMatch, ETAG_ID, current.updatedAt, WHAT);
    const action: SettingsAuditAction = 'settings.updated';
    const row = await this.settings.update(current.updatedAt, data, {
      ...actor,
      action,
      targetType: 'settings',
      targetId: null,
      details: { changed: Object.keys(data) },
    });
    if (!row) throw staleEtag(WHAT);
    return { ...(await this.toModel(row, true)), etag: updatedAtEtag(ETAG_ID, row.updatedAt) };
  }

  /** Checks what class-validator cannot (Intl, media and documents that exist) and builds the column values. */
  private async toWrite(input: UpdateSettingsInput): Promise<SettingsWrite> {
    const errors: FieldError[] = [];
    const data: SettingsWrite = {};
    if (input.title !== undefined) data.title = input.title === null ? null : input.title.trim();
    if (input.title !== undefined && input.title !== null && data.title === '') errors.push({ field: 'title', message: 'must not be blank' });
    if (input.description !== undefined) data.description = input.description;
    if (input.accentColor !== undefined) data.accentColor = input.accentColor === null ? null : normalizeAccentColor(input.accentColor);
    if (input.locale !== undefined) {
      data.locale = input.locale === null ? null : canonicalLocale(input.locale);
      if (input.locale !== null && data.locale === null) errors.push({ field: 'locale', message: 'must be a BCP 47 language tag such as "en" or "pt-BR"' });
    }
    if (input.timezone !== undefined) {
      data.timezone = input.timezone === null ? null : canonicalTimezone(input.timezone);
      if (input.timezone !== null && data.timezone === null) errors.push({ field: 'timezone', message: 'must be an IANA time zone such as "Europe/Berlin"' });
    }

    const mediaIds = { logoMediaId: input.logoMediaId, iconMediaId: input.iconMediaId };
    const wanted = Object.values(mediaIds).filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase());
    const found = wanted.length ? await this.media.byIds(wanted) : new Map<string, Image>();
    for (const [field, id] of Object.entries(mediaIds) as Array<['logoMediaId' | 'iconMediaId', string | null | undefined]>) {
      if (id === undefined) continue;
      if (id !== null && !found.has(id.toLowerCase())) errors.push({ field, message: 'is not a media library item' });
      else data[field] = id === null ? null : id.toLowerCase();
    }

    if (input.social !== undefined) {
      const duplicates = duplicateNetworks(input.social);
      if (duplicates.length) errors.push({ field: 'social', message: `lists ${duplicates.join(', ')} more than once` });
      data.social = input.social.map(
        (a): StoredSocialAccount => ({ network: a.network as StoredSocialAccount['network'], url: a.url, handle: a.handle?.trim() || null }),
      ) as unknown as SettingsWrite['social'];
    }

    const menus = { primaryNavigation: input.primaryNavigation, secondaryNavigation: input.secondaryNavigation };
    const linked: Array<{ field: string; documentId: string }> = [];
    for (const [field, items] of Object.entries(menus) as Array<['primaryNavigation' | 'secondaryNavigation', typeof input.primaryNavigation]>) {
      if (items === undefined) continue;
      const checked = toStoredNavigation(field, items);
      errors.push(...checked.errors);
      checked.items.forEach((item, index) => 'documentId' in item && linked.push({ field: `${field}[${index}].documentId`, documentId: item.documentId }));
      data[field] = checked.items as unknown as SettingsWrite['primaryNavigation'];
    }
    if (linked.length) {
      const existing = await this.settings.existingDocumentIds(linked.map((l) => l.documentId));
      for (const { field, documentId } of linked) if (!existing.has(documentId)) errors.push({ field, message: 'is not a document' });
    }

    if (errors.length) {
      throw DomainError.validation(`Cannot update the settings, invalid: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
    }
    return data;
  }

  private async toModel(row: SettingsRow, editor: boolean): Promise<SettingsModel> {
    const primary = asNavigation(row.primaryNavigation);
    const secondary = asNavigation(row.secondaryNavigation);
    const documentIds = [...primary, ...secondary].flatMap((item) => ('documentId' in item ? [item.documentId] : []));
    const imageIds = [row.logoMediaId, row.iconMediaId].filter((id): id is string => id !== null);
    const [slugs, images] = await Promise.all([
      this.settings.publicSlugsOf([...new Set(documentIds)]),
      imageIds.length ? this.media.byIds(imageIds) : Promise.resolve(new Map<string, Image>()),
    ]);
    // Each document's URL by its kind (POST_URL_PATTERN, PAGE_URL_PATTERN).
    const urls = new Map(slugs.map(({ id, kind, slug }) => [id, this.posts.urlOf(slug, kind)]));
    const menu = (items: StoredNavigationItem[]): NavigationItemModel[] =>
      items.flatMap((item): NavigationItemModel[] => {
        if ('url' in item) return [{ label: item.label, url: item.url, documentId: null }];
        const url = urls.get(item.documentId) ?? null;
        return url !== null || editor ? [{ label: item.label, url, documentId: item.documentId }] : [];
      });
    return {
      title: row.title ?? this.defaults.title,
      description: row.description ?? this.defaults.description,
      logo: (row.logoMediaId && images.get(row.logoMediaId)) || null,
      icon: (row.iconMediaId && images.get(row.iconMediaId)) || null,
      accentColor: row.accentColor,
      locale: row.locale ?? this.defaults.locale,
      timezone: row.timezone ?? this.defaults.timezone,
      social: (Array.isArray(row.social) ? row.social : []) as unknown as StoredSocialAccount[],
      primaryNavigation: menu(primary),
      secondaryNavigation: menu(secondary),
      siteUrl: this.config.site.url,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

function asNavigation(value: unknown): StoredNavigationItem[] {
  return Array.isArray(value) ? (value as StoredNavigationItem[]) : [];
}
