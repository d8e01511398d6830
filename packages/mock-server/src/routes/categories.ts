import { categoryWritten } from '../service/events.js';
import * as z from 'zod/mini';
import { searchKey } from '@clientela/core/format';
import type { Locale } from '@clientela/core/i18n';
import {
  CategoryCreateSchema,
  CategoryFiguresListSchema,
  CategoryListQuerySchema,
  CategoryListSchema,
  CategoryPatchSchema,
  CategorySchema,
  encodeFilter,
  parseFilter,
  type Category,
} from '@clientela/core/schemas';
import { audit, categoriesWithCounts, etag, inTransaction, newId, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem, problem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { categoryFigures } from '../service/category-figures.js';
import { categoriesRead, ruleOf, runRuleJob, startRuleJob } from '../service/rules.js';
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

/**
 * The canonical text of a rule, checked against the categories: a rule reads only manual
 * categories that exist (`unknown_category`, `rule_references_rule`), and a category another rule
 * reads stays manual (`rule_referenced`).
 */
async function checkedRule(ctx: ServerContext, text: string, selfId: string | undefined, locale: Locale): Promise<string> {
  const parsed = parseFilter(text, locale);
  if (!parsed.success) fail422(parsed.issues.map((i) => ({ ...i, path: 'rule' })));
  const cats = await ctx.store.listCategories();
  const byId = new Map(cats.map((cat) => [cat.id, cat]));
  const issues = categoriesRead(parsed.data).flatMap((id) => {
    const cat = byId.get(id);
    if (!cat) return [fieldIssue('rule', 'unknown_category', locale)];
    return cat.rule || id === selfId ? [fieldIssue('rule', 'rule_references_rule', locale)] : [];
  });
  if (selfId && cats.some((cat) => cat.id !== selfId && cat.rule && categoriesRead(ruleOf(cat) ?? []).includes(selfId))) issues.push(fieldIssue('rule', 'rule_referenced', locale));
  if (issues.length) fail422(issues);
  return encodeFilter(parsed.data);
}

/** Walks a rule that was just written (after its transaction committed) and answers with the category as it then stands. */
async function afterRuleWrite(ctx: ServerContext, res: Response, categoryId: string | undefined): Promise<Response> {
  if (!res.ok || categoryId === undefined) return res;
  await runRuleJob(ctx, categoryId);
  const cat = await ctx.store.getCategory(categoryId);
  if (!cat) return res;
  const headers = new Headers(res.headers);
  headers.set('ETag', etag(cat.version));
  return new Response(JSON.stringify(await withCount(ctx, cat)), { status: res.status, headers });
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
    summary: 'Create a category (name unique ignoring case and accents), optionally automatic (a rule) and with a discount',
    description: 'With `rule` (a filter text), the category is automatic: the server keeps its members (see docs/http-contract.md, Automatic categories) and answers once the rule has been walked over every customer. A bad rule is a 422 at `rule`.',
    access: 'secret',
    request: { body: CategoryCreateSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response.' }] },
    responses: { 201: { description: 'Created', schema: CategorySchema, headers: ['ETag'] }, 409: { description: 'Name already used (code duplicate_name)' } },
    handler: async (c, { body }) => {
      let walk: string | undefined;
      const res = await idempotent(ctx, c, 'categories.create', async (t) => {
        await assertUniqueName(t, body.name, undefined, c.get('locale'));
        const rule = body.rule === undefined ? undefined : await checkedRule(t, body.rule, undefined, c.get('locale'));
        const now = ctx.now().toISOString();
        const cat: StoredCategory = {
          id: newId('cat'),
          name: body.name,
          color: body.color?.toLowerCase() ?? PALETTE[(await t.store.listCategories()).length % PALETTE.length]!,
          status: body.status ?? 'active',
          ...(rule !== undefined ? { rule } : {}),
          ...(body.discountPercent !== undefined ? { discountPercent: body.discountPercent } : {}),
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await t.store.putCategory(cat);
        if (rule !== undefined) {
          await startRuleJob(t, cat);
          walk = cat.id;
        }
        await categoryWritten(t, undefined, cat);
        await audit(t, c, { action: 'category.create', target: cat.id, targetName: cat.name, count: 1 });
        return { status: 201, body: { ...cat, customerCount: 0 }, headers: { ETag: etag(1), Location: `/v1/categories/${cat.id}` } };
      });
      return afterRuleWrite(ctx, res, walk);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/categories/figures',
    tag: 'categories',
    summary: "Every category's figures: members, total spent, average ticket, orders in the last 30 days and the 30 before",
    description: 'Computed from the stored customers and orders at the time of the request, in one request for all categories. Members are the live customers holding the category now (as `customerCount`: not deleted, anonymized or merged into another); orders returned or cancelled count nowhere; `trend` is `(last − previous) ÷ previous`, null when the previous 30 days had no order.',
    access: 'secret',
    responses: { 200: { description: 'Figures per category', schema: CategoryFiguresListSchema } },
    handler: async (c) => c.json(await categoryFigures(ctx)),
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
    summary: 'Rename, recolour, inactivate or reactivate; set or remove the rule and the discount (If-Match required)',
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
    handler: async (c, { params, body }) => {
      let walk: string | undefined;
      const res = await idempotent(ctx, c, 'categories.update', async (t) => {
        const cat = await t.store.getCategory(params.id);
        if (!cat) throw new HttpProblem('not_found', 404);
        checkIfMatch(c.req.header('If-Match'), cat.version, await withCount(t, cat));
        if (body.name !== undefined) await assertUniqueName(t, body.name, cat.id, c.get('locale'));
        const rule = typeof body.rule === 'string' ? await checkedRule(t, body.rule, cat.id, c.get('locale')) : body.rule;
        const { rule: _r, discountPercent: _d, ...rest } = cat;
        const next: StoredCategory = {
          ...rest,
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.color !== undefined ? { color: body.color.toLowerCase() } : {}),
          ...(body.status !== undefined ? { status: body.status } : {}),
          // null removes the rule (its members stay, as manual ones) or the discount.
          ...(rule === undefined ? (cat.rule !== undefined ? { rule: cat.rule } : {}) : rule === null ? {} : { rule }),
          ...(body.discountPercent === undefined ? (cat.discountPercent !== undefined ? { discountPercent: cat.discountPercent } : {}) : body.discountPercent === null ? {} : { discountPercent: body.discountPercent }),
          updatedAt: ctx.now().toISOString(),
          version: cat.version + 1,
        };
        if (!(await t.store.putCategory(next, cat.version))) {
          const now = await t.store.getCategory(cat.id);
          throw new HttpProblem('precondition_failed', 412, { current: now && (await withCount(t, now)) }, { ETag: etag(now?.version ?? cat.version) });
        }
        // A new or changed rule, or an automatic category made active again, is walked over every customer.
        if (next.rule !== cat.rule || (next.rule && next.status === 'active' && cat.status !== 'active')) {
          await startRuleJob(t, next);
          if (next.rule && next.status === 'active') walk = next.id;
        }
        const changes = (['name', 'color', 'status', 'rule', 'discountPercent'] as const).filter((k) => next[k] !== cat[k]);
        await categoryWritten(t, cat, next);
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
      });
      return afterRuleWrite(ctx, res, walk);
    },
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
