import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { OPENAPI_EXTRA_MODELS } from './problem-details.schema';
import { toOpenApi31 } from './openapi-31';
import { addStandardResponses, BEARER_SCHEME } from './standard-responses';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const DOCS_PATH = 'api/docs';

const DESCRIPTION = [
  'Byline delivers published posts, tags and authors (public, cacheable) and an editor API (bearer token with scopes).',
  'Success bodies are `{ data }` or `{ data, meta: { pagination } }`; errors are RFC 9457 problem details',
  '(`application/problem+json`, schema `ProblemDetails`). GraphQL is served at `/graphql`.',
].join(' ');

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Byline API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (`npm run token:create`).' }, BEARER_SCHEME)
    .build();
  const document = addStandardResponses(SwaggerModule.createDocument(app, config, { extraModels: OPENAPI_EXTRA_MODELS }));
  // Relative: the document is valid wherever the API is mounted (behind a proxy, on any port).
  return toOpenApi31(document, [{ url: '/', description: 'The server that serves this document.' }]);
}

/**
 * True for the routes SwaggerModule mounts straight on Express (the document and the docs UI's static
 * files). They are public by design and never touch content, so they carry no access declaration.
 */
export function isDocumentationRoute(path: string): boolean {
  return path === `/${OPENAPI_JSON_PATH}` || path === `/${DOCS_PATH}` || path.startsWith(`/${DOCS_PATH}/`);
}

/**
 * `/api/openapi.json` and the Swagger UI at `/api/docs`, served from swagger-ui-dist in node_modules:
 * no CDN, so the docs work offline. The document is built on first request (all controllers known by then).
 */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Byline API',
    // The default validator badge would call validator.swagger.io.
    swaggerOptions: { validatorUrl: null },
  });
}
