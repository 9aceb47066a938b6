// Lints an OpenAPI document (path in argv[2]) with Redocly's recommended rules, fully offline, and prints
// the problems as JSON. A child process because @redocly/openapi-core is ESM-only (jest runs CommonJS).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';

const file = process.argv[2];
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: readFileSync(file, 'utf8'), absoluteRef: pathToFileURL(file).href, config });
const out = problems.map((p) => ({ rule: p.ruleId, severity: p.severity, message: p.message, at: p.location?.[0]?.pointer }));
process.stdout.write(JSON.stringify(out));
