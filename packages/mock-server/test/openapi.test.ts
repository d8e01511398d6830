import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call, COMPANY, PERSON } from './helpers.js';
import { validate } from './json-schema.js';

let s: MockServer;
let doc: any;

beforeAll(async () => {
  s = app({ seed: 200 });
  doc = (await call(s, 'GET', '/openapi.json', { key: null })).json;
});
afterAll(() => s.close());

function toTemplate(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** Checks a real response against the document's schema for that route and status. */
function check(method: string, template: string, r: { status: number; headers: Headers; json: unknown }): void {
  const op = doc.paths[template]?.[method.toLowerCase()];
  expect(op, `${method} ${template} is documented`).toBeDefined();
  const res = op.responses[String(r.status)];
  expect(res, `${method} ${template} documents status ${r.status}`).toBeDefined();
  const type = (r.headers.get('content-type') ?? '').split(';')[0]!;
  if (type.includes('json')) {
    const schema = res.content?.[type]?.schema;
    expect(schema, `${method} ${template} ${r.status} documents ${type}`).toBeDefined();
    expect(validate(schema, r.json, doc), `${method} ${template} ${r.status}`).toEqual([]);
  } else {
    expect(Object.keys(res.content ?? {})).toContain(type);
  }
}

describe('OpenAPI document', () => {
  it('documents every route the app serves, and nothing else', () => {
    const served = new Set(
      s.app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${toTemplate(r.path)}`),
    );
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m} ${path}`)));
    expect([...served].sort()).toEqual([...documented].sort());
    expect(served.size).toBeGreaterThanOrEqual(25);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/customers'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'kind', 'status', 'categoryId', 'filter', 'sort', 'unit', 'cursor', 'limit', 'offset']);
    expect(doc.paths['/v1/customers/{id}'].patch.parameters.find((p: { name: string }) => p.name === 'If-Match').required).toBe(true);
    expect(doc.paths['/v1/cep/{cep}'].get.security).toEqual([{ publishableKey: [] }, { secretKey: [] }]);
  });

  it('its schemas are real: a wrong body fails them', async () => {
    const schema = doc.paths['/v1/customers'].get.responses['200'].content['application/json'].schema;
    const good = (await call(s, 'GET', '/v1/customers?limit=2')).json;
    expect(validate(schema, good, doc)).toEqual([]);
    expect(validate(schema, { ...good, total: -1 }, doc)).not.toEqual([]);
    expect(validate(schema, { ...good, items: [{ ...good.items[0], kind: 'robot' }] }, doc)).not.toEqual([]);
    expect(validate(schema, { ...good, items: [{ ...good.items[0], extra: 1 }] }, doc)).not.toEqual([]);
  });

  it('responses of a seeded run validate against it', async () => {
    const pk = s.keys.publishable;
    const list = await call(s, 'GET', '/v1/customers?limit=20&sort=-totalSpent');
    check('GET', '/v1/customers', list);
    const id = list.json.items[0].id;
    const calls: [string, string, string, Parameters<typeof call>[3]?][] = [
      ['GET', '/healthz', '/healthz', { key: null }],
      ['GET', `/v1/customers?q=silva&kind=person`, '/v1/customers'],
      ['GET', '/v1/customers?limit=999', '/v1/customers'],
      ['GET', `/v1/customers/${id}`, '/v1/customers/{id}'],
      ['GET', '/v1/customers/cus_nope', '/v1/customers/{id}'],
      ['GET', `/v1/customers/${id}/orders?limit=5`, '/v1/customers/{id}/orders'],
      ['GET', `/v1/customers/${id}/credits`, '/v1/customers/{id}/credits'],
      ['POST', '/v1/customers', '/v1/customers', { body: PERSON }],
      ['POST', '/v1/customers', '/v1/customers', { body: PERSON }],
      ['POST', '/v1/customers', '/v1/customers', { body: { kind: 'alien' } }],
      ['PATCH', `/v1/customers/${id}`, '/v1/customers/{id}', { body: { notes: 'n' } }],
      ['PATCH', `/v1/customers/${id}`, '/v1/customers/{id}', { body: { notes: 'n' }, headers: { 'If-Match': '"1"' } }],
      ['PATCH', `/v1/customers/${id}`, '/v1/customers/{id}', { body: { notes: 'n' }, headers: { 'If-Match': '"1"' } }],
      ['POST', '/v1/customers/bulk', '/v1/customers/bulk', { body: { ids: [id], action: 'setStatus', status: 'inactive' } }],
      ['GET', '/v1/categories', '/v1/categories'],
      ['POST', '/v1/categories', '/v1/categories', { body: { name: 'Nova' } }],
      ['GET', '/v1/categories/cat_0001', '/v1/categories/{id}'],
      ['PATCH', '/v1/categories/cat_0001', '/v1/categories/{id}', { body: { color: '#000000' }, headers: { 'If-Match': '"1"' } }],
      ['DELETE', '/v1/categories/cat_0001', '/v1/categories/{id}'],
      ['GET', '/v1/settings/registration', '/v1/settings/registration'],
      ['GET', '/v1/public/settings/registration', '/v1/public/settings/registration', { key: pk }],
      ['GET', '/v1/audit', '/v1/audit'],
      ['GET', '/v1/credits?status=active', '/v1/credits'],
      ['GET', '/v1/cep/01001000', '/v1/cep/{cep}', { key: pk }],
      ['GET', '/v1/cep/01001000', '/v1/cep/{cep}', { key: null }],
      ['GET', '/v1/cep/01001000', '/v1/customers', { key: pk }],
      ['POST', '/v1/public/registrations', '/v1/public/registrations', { key: pk, body: { ...COMPANY, password: 'senha-segura' } }],
      ['POST', '/v1/public/sessions', '/v1/public/sessions', { key: pk, body: { email: COMPANY.email, password: 'senha-segura' } }],
      ['POST', '/v1/public/sessions', '/v1/public/sessions', { key: pk, body: { email: COMPANY.email, password: 'errada-123' } }],
      ['POST', `/v1/customers/${id}/invitations`, '/v1/customers/{id}/invitations'],
      ['POST', '/v1/public/password', '/v1/public/password', { key: pk, body: { token: 'x', password: 'senha-segura' } }],
      ['GET', '/v1/imports/template', '/v1/imports/template'],
      ['POST', '/v1/imports?dryRun=true', '/v1/imports', { raw: 'CPF/CNPJ,Nome,E-mail\n52998224725,Ana Lima,ana@x.com\n', headers: { 'Content-Type': 'text/csv' } }],
      ['POST', '/v1/exports', '/v1/exports', { body: { format: 'csv', ids: [id] } }],
    ];
    for (const [method, url, template, opts] of calls) {
      const r = await call(s, method, url, opts);
      if (template === '/v1/customers' && url.startsWith('/v1/cep')) {
        // a publishable key is fine on a public route: it answered 200 above
        expect(r.status).toBe(200);
        continue;
      }
      check(method, template, r);
    }
  });
});
