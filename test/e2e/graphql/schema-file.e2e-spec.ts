import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaFilePath } from '../../../src/common/graphql/graphql-options';
import { projectRoot } from '../../../src/config/project-root';
import { createTestApp } from '../../helpers/create-test-app';

const COMMITTED = schemaFilePath(projectRoot());
// `npm run schema:gql` runs this file with GRAPHQL_SCHEMA_WRITE=1 to regenerate the committed schema.
const WRITE = process.env.GRAPHQL_SCHEMA_WRITE === '1';

/** The first differing line, so the failure says where the schema drifted. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? a.length : i;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '<end of file>')}, generated ${JSON.stringify(b[at] ?? '<end of file>')}`;
}

describe('committed GraphQL schema (schema.gql)', () => {
  it('matches the schema the application generates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'byline-schema-'));
    const target = WRITE ? COMMITTED : join(dir, 'schema.gql');
    try {
      const t = await createTestApp({ env: { GRAPHQL_SCHEMA_FILE: target } });
      await t.close();
      const generated = readFileSync(target, 'utf8');
      expect(generated).toMatch(/^type Query \{/m);
      const committed = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : '';
      if (committed !== generated) {
        throw new Error(
          `schema.gql is out of date with the resolvers (${firstDifference(committed, generated)}).\n` +
            'Regenerate it with `npm run schema:gql`, review the diff and commit schema.gql.',
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not written by a server that was not asked to', async () => {
    const before = existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : null;
    const t = await createTestApp();
    await t.close();
    expect(existsSync(COMMITTED) ? readFileSync(COMMITTED, 'utf8') : null).toBe(before);
  });
});
