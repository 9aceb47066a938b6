import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies documented defaults for the zero-setup start', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.seedOnStart).toBe(true);
    expect(config.readingWordsPerMinute).toBe(200);
    expect(config.graphql.introspection).toBe(true);
    expect(config.database.embedded.dataDir).toMatch(/\.data\/postgres$/);
  });

  it('keeps idle database connections for 10 minutes unless told otherwise, within 1 s and 24 h', () => {
    expect(loadConfig({}).database.poolIdleMs).toBe(600_000);
    expect(loadConfig({ DATABASE_POOL_IDLE_MS: '30000' }).database.poolIdleMs).toBe(30_000);
    expect(() => loadConfig({ DATABASE_POOL_IDLE_MS: '10' })).toThrow(ConfigValidationError);
  });

  it('does not seed example content into a configured database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).seedOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', SEED_ON_START: 'true' }).seedOnStart).toBe(true);
  });

  it('turns introspection off in production unless configured on', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('reads TRUST_PROXY as Express expects it: off by default, a flag, a hop count or a list', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'yes please!' })).toThrow(ConfigValidationError);
  });

  it('reads CORS_ORIGINS as any origin by default, none, or a list of exact origins', () => {
    expect(loadConfig({}).http.corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'none' }).http.corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173/' }).http.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(() => loadConfig({ CORS_ORIGINS: 'a.example' })).toThrow(ConfigValidationError);
  });

  it('reads EMBED_HOSTS as the built-in list by default, none, or a list of hostnames', () => {
    expect(loadConfig({}).embedHosts).toBeUndefined();
    expect(loadConfig({ EMBED_HOSTS: 'none' }).embedHosts).toEqual([]);
    expect(loadConfig({ EMBED_HOSTS: 'www.YouTube.com, player.vimeo.com' }).embedHosts).toEqual(['www.youtube.com', 'player.vimeo.com']);
    expect(() => loadConfig({ EMBED_HOSTS: 'https://www.youtube.com/' })).toThrow(ConfigValidationError);
  });

  it('bounds the heap growth at 50% unless told otherwise, 0 leaving V8 its own', () => {
    expect(loadConfig({}).heapGrowthPercent).toBe(50);
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '401' })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: 'lots' })).toThrow(ConfigValidationError);
  });

  it('sizes the response caches in MiB, 0 turning them off', () => {
    expect(loadConfig({}).cache.responseCacheBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ RESPONSE_CACHE_MB: '0' }).cache.responseCacheBytes).toBe(0);
    expect(() => loadConfig({ RESPONSE_CACHE_MB: '-1' })).toThrow(ConfigValidationError);
  });

  it('reads the rate-limit budgets and the trusted clients list, refusing what is not an address or range', () => {
    const limits = loadConfig({ NODE_ENV: 'production' }).rateLimit;
    expect(limits).toEqual({ anonymousPerMinute: 600, searchPerMinute: 120, authFailuresPerMinute: 30, tokenPerMinute: 1200, trustedClients: [] });
    expect(loadConfig({ RATE_LIMIT_TRUSTED_CLIENTS: '10.0.0.12, 10.1.0.0/16,::1' }).rateLimit.trustedClients).toEqual(['10.0.0.12', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ RATE_LIMIT_TRUSTED_CLIENTS: 'ssr.internal' })).toThrow(ConfigValidationError);
    expect(loadConfig({}).cache.staleIfErrorSeconds).toBe(86_400);
  });

  it('reads the site settings defaults, canonicalising locale and time zone and refusing invalid ones', () => {
    expect(loadConfig({}).site).toMatchObject({ description: '', locale: 'en', timezone: 'UTC' });
    expect(loadConfig({ SITE_DESCRIPTION: 'Long reads.', SITE_LOCALE: 'pt-br', SITE_TIMEZONE: 'europe/berlin' }).site).toMatchObject({
      description: 'Long reads.',
      locale: 'pt-BR',
      timezone: 'Europe/Berlin',
    });
    expect(() => loadConfig({ SITE_LOCALE: 'english please' })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ SITE_TIMEZONE: 'Mars/Olympus_Mons' })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ SITE_TIMEZONE: '+01:00' })).toThrow(ConfigValidationError);
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', READING_WPM: '0', DATABASE_URL: 'mysql://x', MIGRATE_ON_START: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems.map((p) => p.split('=')[0]).sort();
    expect(problems).toEqual(['DATABASE_URL', 'MIGRATE_ON_START', 'PORT', 'READING_WPM']);
    expect((error as Error).message).toContain('Invalid configuration');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).http.port).toBe(3000);
  });
});
