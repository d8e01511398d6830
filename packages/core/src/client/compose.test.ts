import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { isPreconditionFailedError, isResponseValidationError, isValidationError, type PreconditionFailedError } from '../errors/errors.js';
import { ProblemSchema } from '../schemas/problem.js';
import { categoriesResource, settingsResource } from './client.js';
import { composeClient } from './compose.js';
import { problemOf } from './request.js';
import { checkResponse } from './responses.js';

const category = { id: 'cat_1', name: 'VIP', color: '#7c3aed', status: 'active', customerCount: 2, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 4 };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function scripted(answer: () => Response, check?: typeof checkResponse) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return answer();
  };
  const client = composeClient({ baseUrl: 'http://api.test', apiKey: 'sk_test', fetch, retry: 0, ...(check && { check }) }, { categories: categoriesResource });
  return { client, requests };
}

describe('composeClient', () => {
  it('has only the resources asked for, and the change feed', async () => {
    const { client, requests } = scripted(() => json({ items: [category] }));
    expect(Object.keys(client).sort()).toEqual(['categories', 'changes']);
    const changes: string[] = [];
    client.changes.subscribe((c) => changes.push(c.type));
    expect(await client.categories.list({ status: 'active' })).toEqual([category]);
    expect(requests[0]!.url).toBe('http://api.test/v1/categories?status=active');
    await client.categories.create({ name: 'VIP', color: '#7c3aed' }).catch(() => undefined);
    expect(changes).toEqual(['category.created']);
  });

  it('trusts the contract without a check, and checks answers with checkResponse', async () => {
    const wrong = { items: [{ ...category, color: 42 }] };
    expect(await scripted(() => json(wrong)).client.categories.list()).toEqual(wrong.items);
    const error = await scripted(() => json(wrong), checkResponse).client.categories.list().catch((e: unknown) => e);
    expect(isResponseValidationError(error)).toBe(true);
  });

  it('maps problems to the typed errors, a stale write with its current record', async () => {
    const stale = scripted(() => json({ type: 'about:blank', title: 'Stale', status: 412, current: { ...category, version: 5 } }, 412));
    const error = await stale.client.categories.update(category as never, { name: 'Ouro' }).catch((e: unknown) => e);
    expect(isPreconditionFailedError(error)).toBe(true);
    expect((error as PreconditionFailedError<typeof category>).current).toMatchObject({ version: 5 });
    const invalid = scripted(() => json({ type: 'about:blank', title: 'Invalid', status: 422, errors: [{ path: 'name', code: 'required', message: 'Campo obrigatório.' }] }, 422));
    const v = await invalid.client.categories.create({ name: '', color: '#000000' }).catch((e: unknown) => e);
    expect(isValidationError(v) && v.fieldErrors['name']).toEqual(['Campo obrigatório.']);
  });

  it('takes any resource set', () => {
    const client = composeClient({ baseUrl: 'http://api.test', apiKey: 'pk_test' }, { settings: settingsResource, categories: categoriesResource });
    expect(typeof client.settings.retrievePublic).toBe('function');
  });
});

describe('problemOf', () => {
  const member = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.boolean());
  const fieldError = fc.record({ path: member, code: member, message: member }, { requiredKeys: [] });
  const body = fc.oneof(
    fc.record(
      { type: member, title: member, status: fc.oneof(fc.integer(), fc.double(), fc.string()), detail: member, instance: member, errors: fc.oneof(fc.array(fieldError, { maxLength: 3 }), member) },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  it('accepts exactly the bodies ProblemSchema accepts', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(problemOf(b) !== undefined).toBe(z.safeParse(ProblemSchema, b).success);
      }),
      { numRuns: 2000 },
    );
    expect(problemOf({ type: 'about:blank', title: 'x', status: 422, errors: [{ path: 'a', code: 'b', message: 'c' }], existingId: 'cus_1' })).toMatchObject({ existingId: 'cus_1' });
  });
});
