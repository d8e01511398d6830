import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call } from './helpers.js';

// docs/http-contract.md is the contract a person reads; /openapi.json is the one the server
// generates. This keeps the page's route table and the document naming the same routes, so a
// route added, renamed or removed without its line in the page fails here.

const page = readFileSync(new URL('../../../docs/http-contract.md', import.meta.url), 'utf8');
let s: MockServer;
let served: string[];

beforeAll(async () => {
  s = app({ seed: 5 });
  const doc = (await call(s, 'GET', '/openapi.json', { key: null })).json as { paths: Record<string, Record<string, unknown>> };
  served = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
});
afterAll(() => s.close());

/** `| GET | `/v1/customers` | …` rows of the page's route table. */
function documented(): string[] {
  return [...page.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \|/gm)].map((m) => `${m[1]} ${m[2]}`);
}

describe('docs/http-contract.md', () => {
  it('lists every route the server serves, and no other', () => {
    expect(served.length).toBeGreaterThan(20);
    expect([...documented()].sort()).toEqual([...served].sort());
  });
});
