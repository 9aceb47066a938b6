import { Controller, Get, Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { APP_GUARD, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ACCESS_METADATA, AccessRule, Public, RequireScopes } from '../../../src/common/auth/access.decorators';
import { AccessGuard } from '../../../src/common/auth/access.guard';
import { TOKEN_VERIFIER } from '../../../src/common/auth/token-verifier';
import { AllExceptionsFilter } from '../../../src/common/errors/all-exceptions.filter';
import { isDocumentationRoute } from '../../../src/common/openapi/openapi.setup';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

interface Handler {
  name: string;
  /** REST only: "GET /api/posts/:id", as Express registers it. */
  route?: string;
  kind: 'rest' | 'graphql';
  rule: AccessRule | undefined;
}

/** Every REST route and GraphQL root field that Nest knows, with the access rule the guard will read. */
function enumerateHandlers(modules: ModulesContainer): Handler[] {
  const scanner = new MetadataScanner();
  const handlers: Handler[] = [];
  const ruleOf = (cls: object, method: object) =>
    (Reflect.getMetadata(ACCESS_METADATA, method) ?? Reflect.getMetadata(ACCESS_METADATA, cls)) as AccessRule | undefined;
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as (new () => object) | null;
      if (!cls?.prototype) continue;
      for (const methodName of scanner.getAllMethodNames(cls.prototype)) {
        const method = (cls.prototype as Record<string, object>)[methodName];
        const path = Reflect.getMetadata(PATH_METADATA, method) as string | string[] | undefined;
        if (path === undefined) continue;
        const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, method) as number];
        const base = Reflect.getMetadata(PATH_METADATA, cls) as string;
        const route = `${verb} ${`/${base}/${String(path)}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')}`;
        handlers.push({ name: `${route} (${cls.name}.${methodName})`, route, kind: 'rest', rule: ruleOf(cls, method) });
      }
    }
    for (const wrapper of module.providers.values()) {
      const cls = wrapper.metatype as (new () => object) | null;
      if (typeof cls !== 'function' || !cls.prototype) continue;
      for (const methodName of scanner.getAllMethodNames(cls.prototype)) {
        const method = (cls.prototype as Record<string, object>)[methodName];
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
        const field = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? methodName;
        handlers.push({ name: `${type}.${field}`, kind: 'graphql', rule: ruleOf(cls, method) });
      }
    }
  }
  return handlers;
}

const undeclared = (handlers: Handler[]) => handlers.filter((h) => !h.rule).map((h) => h.name);

describe('access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds a declaration on every REST route and every GraphQL query and mutation', () => {
    const handlers = enumerateHandlers(t.app.get(ModulesContainer));
    expect(handlers.filter((h) => h.kind === 'rest').map((h) => h.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('GET /api/posts'), expect.stringContaining('POST /api/admin/tokens')]),
    );
    expect(undeclared(handlers)).toEqual([]);
  });

  it('has walked every root field of the served schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : [],
    );
    const walked = enumerateHandlers(t.app.get(ModulesContainer))
      .filter((h) => h.kind === 'graphql')
      .map((h) => h.name);
    expect(fields.length).toBeGreaterThan(0);
    expect(walked).toEqual(expect.arrayContaining(fields));
  });

  it('has walked every route the HTTP server serves', () => {
    type Layer = { route?: { path: string; methods: Record<string, boolean> } };
    const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router;
    const served = router.stack
      .filter((l) => l.route && l.route.path !== '/graphql')
      // app.all() catch-alls (unknown routes → 404/405) answer with errors, never content.
      .filter((l) => Object.keys(l.route!.methods).length < 10)
      // SwaggerModule's document and static UI files: public by design, declared in one place.
      .filter((l) => !isDocumentationRoute(l.route!.path))
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`));
    const walked = enumerateHandlers(t.app.get(ModulesContainer))
      .filter((h) => h.kind === 'rest')
      .map((h) => h.route);
    expect(served.length).toBeGreaterThan(0);
    expect(walked).toEqual(expect.arrayContaining(served));
  });
});

@Controller('probe')
class ProbeController {
  @Get('undeclared')
  undeclared() {
    return { ok: true };
  }

  @Public()
  @Get('public')
  open() {
    return { ok: true };
  }
}

@Controller('probe-scoped')
@RequireScopes('content:read')
class ScopedProbeController {
  @Get()
  read() {
    return { ok: true };
  }
}

@Injectable()
class NoTokens {
  verify(): Promise<never> {
    return Promise.reject(new Error('not called in these tests'));
  }
}

describe('the enumeration and the guard on an undeclared route', () => {
  it('reports the undeclared handler and nothing else', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeController, ScopedProbeController] }).compile();
    expect(undeclared(enumerateHandlers(moduleRef.get(ModulesContainer)))).toEqual([
      'GET /probe/undeclared (ProbeController.undeclared)',
    ]);
    await moduleRef.close();
  });

  it('refuses an undeclared route (fail closed) while serving a declared public one', async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ProbeController],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }, { provide: TOKEN_VERIFIER, useClass: NoTokens }],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    try {
      expect((await request(app.getHttpServer()).get('/probe/undeclared')).status).toBe(403);
      expect((await request(app.getHttpServer()).get('/probe/public')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
