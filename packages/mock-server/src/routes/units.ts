import * as z from 'zod/mini';
import { normalizeDocument } from '@clientela/core/format';
import { UnitCreateSchema, UnitListQuerySchema, UnitListSchema, UnitPatchSchema, UnitSchema, unitIdFrom, type Unit } from '@clientela/core/schemas';
import { audit, etag, inTransaction, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { checkIfMatch } from './customers.js';

// Units (stores) of the business: one customer base, orders carry the unit they were placed at.

const IdParams = z.object({ id: z.string() });

async function unitOr404(ctx: ServerContext, id: string): Promise<Unit> {
  const unit = await ctx.store.getUnit(id);
  if (!unit) throw new HttpProblem('not_found', 404);
  return unit;
}

/** The id a new unit gets from its name: the slug, or the slug with `_2`, `_3`… when taken. */
async function freeIdFor(ctx: ServerContext, name: string): Promise<string> {
  const base = unitIdFrom(name);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}_${n}`;
    if (!(await ctx.store.getUnit(id))) return id;
  }
}

export function registerUnits(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/units',
    tag: 'units',
    summary: 'The units (stores) of the business, by name',
    access: 'secret',
    request: { query: UnitListQuerySchema },
    responses: { 200: { description: 'Units', schema: UnitListSchema } },
    handler: async (c, { query }) => {
      const items = (await ctx.store.listUnits()).filter((u) => !query.status || u.status === query.status).sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
      return c.json({ items });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/units',
    tag: 'units',
    summary: 'Create a unit (name unique ignoring case and accents; id given, or made from the name)',
    description:
      'The id is what orders (`unitId`) and filters (`unit-<id>`) name: letters without accents, digits and `_`, up to 40. Without one, the name gives it (`Loja Shopping Iguatemi` → `loja_shopping_iguatemi`, then `_2`… when taken). With `Idempotency-Key` a retry returns the first answer.',
    access: 'secret',
    request: { body: UnitCreateSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response.' }] },
    responses: {
      201: { description: 'Created', schema: UnitSchema, headers: ['ETag', 'Location'] },
      409: { description: 'Another unit holds the name or the id (code duplicate_unit, `existingId`)' },
      422: { description: 'Invalid id, name or CNPJ' },
    },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'units.create', async (t) => {
        const now = ctx.now().toISOString();
        const unit: Unit = {
          id: body.id ?? (await freeIdFor(t, body.name)),
          name: body.name,
          status: body.status ?? 'active',
          ...(body.cnpj !== undefined ? { cnpj: normalizeDocument(body.cnpj) } : {}),
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        // The store refuses a name or id another unit holds (StoreConflict → 409 duplicate_unit).
        await t.store.insertUnit(unit);
        await audit(t, c, { action: 'unit.create', target: unit.id, targetName: unit.name, count: 1 });
        return { status: 201, body: unit, headers: { ETag: etag(1), Location: `/v1/units/${unit.id}` } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/units/:id',
    tag: 'units',
    summary: 'One unit',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The unit', schema: UnitSchema, headers: ['ETag'] }, 404: { description: 'No such unit' } },
    handler: async (c, { params }) => {
      const unit = await unitOr404(ctx, params.id);
      return c.json(unit, 200, { ETag: etag(unit.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/units/:id',
    tag: 'units',
    summary: 'Rename, inactivate or reactivate a unit, set or clear its CNPJ (If-Match required)',
    description: 'An inactive unit takes no new orders (422 `unit_inactive` on `unitId`); its orders and the figures they make stay.',
    access: 'secret',
    request: {
      params: IdParams,
      body: UnitPatchSchema,
      headers: [
        { name: 'If-Match', required: true, description: 'The ETag read.' },
        { name: 'Idempotency-Key', description: 'A retry of a PATCH that succeeded returns the stored answer.' },
      ],
    },
    responses: {
      200: { description: 'The unit', schema: UnitSchema, headers: ['ETag'] },
      404: { description: 'No such unit' },
      409: { description: 'Another unit holds the name' },
      412: { description: 'Stale If-Match; `current` is the current unit' },
      428: { description: 'If-Match missing' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'units.update', async (t) => {
        const unit = await unitOr404(t, params.id);
        checkIfMatch(c.req.header('If-Match'), unit.version, unit);
        const next: Unit = {
          ...unit,
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.status !== undefined ? { status: body.status } : {}),
          updatedAt: ctx.now().toISOString(),
          version: unit.version + 1,
        };
        if (body.cnpj === null) delete next.cnpj;
        else if (body.cnpj !== undefined) next.cnpj = normalizeDocument(body.cnpj);
        if (!(await t.store.updateUnit(next, unit.version))) {
          const now = await t.store.getUnit(unit.id);
          throw new HttpProblem('precondition_failed', 412, { current: now }, { ETag: etag(now?.version ?? unit.version) });
        }
        const changes = (['name', 'status', 'cnpj'] as const).filter((k) => next[k] !== unit[k]);
        await audit(t, c, {
          action: 'unit.update',
          target: next.id,
          targetName: next.name,
          changes,
          ...(changes.includes('name') ? { previousName: unit.name } : {}),
          ...(changes.includes('status') ? { status: next.status } : {}),
          count: 1,
        });
        return { status: 200, body: next, headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'delete',
    path: '/v1/units/:id',
    tag: 'units',
    summary: 'Delete a unit that no order references (one with orders is inactivated instead: 409 unit_in_use)',
    access: 'secret',
    request: { params: IdParams, headers: [{ name: 'If-Match', description: 'Deletes only this version.' }] },
    responses: {
      204: { description: 'Deleted' },
      404: { description: 'No such unit' },
      409: { description: 'Orders reference the unit (code unit_in_use): inactivate it with PATCH' },
      412: { description: 'Stale If-Match' },
    },
    handler: async (c, { params }) => {
      const unit = await unitOr404(ctx, params.id);
      const header = c.req.header('If-Match');
      if (header !== undefined) checkIfMatch(header, unit.version, unit);
      // The delete and its audit entry commit together (a refused delete writes neither).
      await inTransaction(ctx, async (t) => {
        const outcome = await t.store.deleteUnit(unit.id);
        if (outcome === 'missing') throw new HttpProblem('not_found', 404);
        if (outcome === 'in_use') throw new HttpProblem('unit_in_use', 409);
        await audit(t, c, { action: 'unit.delete', target: unit.id, targetName: unit.name, count: 1 });
      });
      return c.body(null, 204);
    },
  });
}
