import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

const run = promisify(execFile);
// Linting takes seconds, or a minute on a busy machine: a generous deadline.
const DEADLINE_MS = 10 * 60_000;

interface Problem {
  rule: string;
  severity: 'error' | 'warn';
  message: string;
  at?: string;
}

/**
 * Redocly's recommended rules, offline (@redocly/openapi-core's lint API: no telemetry, no network).
 * Errors fail. Warnings are allowed only where they describe the API as it is, each with its reason.
 */
const ACCEPTED_WARNINGS: { rule: string; at: RegExp; why: string }[] = [
  {
    rule: 'no-ambiguous-paths',
    at: /related/,
    why: '/api/posts/slug/{slug} and /api/posts/{id}/related both match /api/posts/slug/related; ids are UUIDs, so no real request is ambiguous.',
  },
  { rule: 'operation-4xx-response', at: /health/, why: 'health probes take no input and are never rate limited: they have no 4xx answer.' },
];

async function lint(document: string): Promise<Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'byline-lint-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), document);
    const { stdout } = await run(process.execPath, [join(__dirname, 'redocly-lint.mjs'), join(dir, 'openapi.json')]);
    return JSON.parse(stdout) as Problem[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the served OpenAPI document under Redocly lint', () => {
  let t: TestApp;
  let served: string;
  beforeAll(async () => {
    t = await createTestApp();
    served = (await request(t.http).get('/api/openapi.json').expect(200)).text;
  });
  afterAll(() => t.close());

  it('has no errors and no warnings beyond the documented ones under the recommended rules', async () => {
    const problems = await lint(served);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const unexpected = problems.filter((p) => !ACCEPTED_WARNINGS.some((w) => w.rule === p.rule && w.at.test(`${p.at} ${p.message}`)));
    expect(unexpected).toEqual([]);
  }, DEADLINE_MS);

  it('fails a document in the 3.0 style this one replaced', async () => {
    const broken = JSON.parse(served);
    broken.servers = [];
    delete broken.paths['/api/posts'].get.security;
    delete broken.paths['/api/posts'].get.responses['200'];
    broken.paths['/api/posts'].get.responses['400'].content['application/problem+json'].schema = { type: 'object', nullable: true };
    const errors = (await lint(JSON.stringify(broken))).filter((p) => p.severity === 'error').map((p) => p.rule);
    expect(errors).toEqual(expect.arrayContaining(['no-empty-servers', 'struct', 'security-defined']));
  }, DEADLINE_MS);
});
