import { expect, expectStatus } from '../assert.js';
import type { Session } from '../session.js';

export async function systemChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('system', 'health and the OpenAPI document');
  await runner.check('GET /healthz answers 200 without a key', async () => {
    expectStatus(await http.get('/healthz', { key: 'none' }), 200);
  });
  await runner.check('GET /openapi.json is an OpenAPI 3.1 document that declares the customer routes', async () => {
    const r = await http.get('/openapi.json', { key: 'none' });
    expectStatus(r, 200);
    expect(typeof r.json?.openapi === 'string' && r.json.openapi.startsWith('3.1'), `openapi is ${JSON.stringify(r.json?.openapi)}, expected 3.1.x`);
    for (const path of ['/v1/customers', '/v1/customers/{id}', '/v1/categories', '/v1/public/registrations']) {
      expect(r.json.paths?.[path], `the document declares no ${path}`);
    }
  });
}
