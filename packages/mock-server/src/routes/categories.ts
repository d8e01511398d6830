import * as z from 'zod/mini';
import { searchKey } from '@clientela/core/format';
import type { Locale } from '@clientela/core/i18n';
import {
  CategoryCreateSchema,
  CategoryListQuerySchema,
  CategoryListSchema,
  CategoryPatchSchema,
  CategorySchema,
  type Category,
} from '@clientela/core/schemas';
import { audit, categoriesWithCounts, etag, inTransaction, newId, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { fieldIssue, HttpProblem, problem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import type { StoredCategory } from '../store/types.js';
import { checkIfMatch } from './customers.js';

const IdParams = z.object({ id: z.string() });

const PALETTE = ['#1e6fd9', '#2e9d57', '#8e44ad', '#e6a100', '#16a3b8', '#c0392b', '#d35400', '#7f8c8d'];

/**
 * Names are unique ignoring case and accents ("Atacado" = "ATACADO" = "Atacadó"). A clash is a
 * 409 Conflict (code `duplicate_name` on `name`): the body is well-formed, it conflicts with the
 * state of another resource, as a duplicate document does.
 */
async function assertUniqueName(ctx: ServerContext, name: string, selfId: string | undefined, locale: Locale): Promise<void> {
  const key = searchKey(name);
  const clash = (await ctx.store.listCategories()).find((cat) => cat.id !== selfId && searchKey(cat.name) === key);
  if (clash) throw new HttpProblem('duplicate_name', 409, { existingId: clash.id, errors: [fieldIssue('name', 'duplicate_name', locale)] });
}

async function withCount(ctx: ServerContext, cat: StoredCategory): Promise<Category> {
  return { ...cat, customerCount: (await ctx.store.categoryCounts()).get(cat.id) ?? 0 };
}

export function registerCategories(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/categories',
    tag: 'categories',
    summary: 'List categories (with customerCount), by name',
    access: 'secret',
    request: { query: CategoryListQuerySchema },
    responses: { 200: { description: 'Categories', schema: CategoryListSchema } },
    handler: async (c, { query }) => {
      const items = (await categoriesWithCounts(ctx))
        .filter((cat) => !query.status || cat.status === query.status)
        .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
      return c.json({ items });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/categories',
    tag: 'categories',
    summary: 'Create a category (name unique ignoring case and accents)',
    access: 'secret',
    request: { body: CategoryCreateSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response.' }] },
    responses: { 201: { description: 'Created', schema: CategorySchema, headers: ['ETag'] }, 409: { description: 'Name already used (code duplicate_name)' } },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'categories.create', async (t) => {
        await assertUniqueName(t, body.name, undefined, c.get('locale'));
        const now = ctx.now().toISOString();
        const cat: StoredCategory = {
          id: newId('cat'),
          name: body.name,
          color: body.color?.toLowerCase() ?? PALETTE[(await t.store.listCategories()).length % PALETTE.length]!,
          status: body.status ?? 'active',
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await t.store.putCategory(cat);
        await audit(t, c, { action: 'category.create', target: cat.id, targetName: cat.name, count: 1 });
        return { status: 201, body: { ...cat, customerCount: 0 }, headers: { ETag: etag(1), Location: `/v1/categories/${cat.id}` } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/categories/:id',
    tag: 'categories',
    summary: 'One category',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The category', schema: CategorySchema, headers: ['ETag'] }, 404: { description: 'No such category' } },
    handler: async (c, { params }) => {
      const cat = await ctx.store.getCategory(params.id);
      if (!cat) throw new HttpProblem('not_found', 404);
      return c.json(await withCount(ctx, cat), 200, { ETag: etag(cat.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/categories/:id',
    tag: 'categories',
    summary: 'Rename, recolour, inactivate or reactivate (If-Match required)',
    access: 'secret',
    request: {
      params: IdParams,
      body: CategoryPatchSchema,
      headers: [
        { name: 'If-Match', required: true, description: 'The ETag read.' },
        { name: 'Idempotency-Key', description: 'A retry of a PATCH that succeeded returns the stored answer.' },
      ],
    },
    responses: {
      200: { description: 'The category', schema: CategorySchema, headers: ['ETag'] },
      404: { description: 'No such category' },
      409: { description: 'Name already used' },
      412: { description: 'Stale If-Match; `current` is the current category' },
      428: { description: 'If-Match missing' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'categories.update', async (t) => {
        const cat = await t.store.getCategory(params.id);
        if (!cat) throw new HttpProblem('not_found', 404);
        checkIfMatch(c.req.header('If-Match'), cat.version, await withCount(t, cat));
        if (body.name !== undefined) await assertUniqueName(t, body.name, cat.id, c.get('locale'));
        const next: StoredCategory = {
          ...cat,
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.color !== undefined ? { color: body.color.toLowerCase() } : {}),
          ...(body.status !== undefined ? { status: body.status } : {}),
          updatedAt: ctx.now().toISOString(),
          version: cat.version + 1,
        };
        if (!(await t.store.putCategory(next, cat.version))) {
          const now = await t.store.getCategory(cat.id);
          throw new HttpProblem('precondition_failed', 412, { current: now && (await withCount(t, now)) }, { ETag: etag(now?.version ?? cat.version) });
        }
        const changes = (['name', 'color', 'status'] as const).filter((k) => next[k] !== cat[k]);
        await audit(t, c, {
          action: 'category.update',
          target: cat.id,
          targetName: next.name,
          ...(next.name !== cat.name ? { previousName: cat.name } : {}),
          changes,
          ...(changes.includes('status') ? { status: next.status } : {}),
          count: 1,
        });
        return { status: 200, body: await withCount(t, next), headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'delete',
    path: '/v1/categories/:id',
    tag: 'categories',
    summary: 'Not allowed: categories are inactivated, never deleted',
    access: 'secret',
    request: { params: IdParams },
    responses: { 405: { description: 'Explains inactivation; Allow lists the methods', headers: ['Allow'] } },
    handler: (c) => problem(c, 'category_delete', 405, {}, { Allow: 'GET, PATCH' }),
  });
}
