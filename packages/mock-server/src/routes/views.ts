import type { Context } from 'hono';
import * as z from 'zod/mini';
import { builtInViewNames } from '@clientela/core/i18n';
import { builtInViews, ViewCreateSchema, ViewListSchema, ViewPatchSchema, ViewSchema, type View, type ViewOwner } from '@clientela/core/schemas';
import { etag, newId, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { HttpProblem } from '../http/problem.js';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { checkIfMatch } from './customers.js';

const IdParams = z.object({ id: z.string() });

/** The owner a personal view gets, and is listed for: the key and `X-Actor`, as the data log names the actor. */
function ownerOf(c: Context<AppEnv>): ViewOwner {
  const name = c.get('actorName');
  return { keyId: c.get('keyId'), ...(name ? { name } : {}) };
}

/** A view this request may see: built in, shared, or its own. */
function visible(view: View, me: ViewOwner): boolean {
  return view.builtIn || view.shared || (view.owner?.keyId === me.keyId && view.owner.name === me.name);
}

function builtIns(ctx: ServerContext, c: Context<AppEnv>): View[] {
  return builtInViews(ctx.now(), builtInViewNames(c.get('locale')));
}

/** The view with `id` this request may see, else 404 (another person's personal view does not exist for it). */
async function find(ctx: ServerContext, c: Context<AppEnv>, id: string): Promise<View> {
  const view = builtIns(ctx, c).find((v) => v.id === id) ?? (await ctx.store.getView(id));
  if (!view || !visible(view, ownerOf(c))) throw new HttpProblem('not_found', 404);
  return view;
}

const refuseBuiltIn = (view: View) => {
  if (view.builtIn) throw new HttpProblem('view_built_in', 405, {}, { Allow: 'GET' });
};

export function registerViews(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/views',
    tag: 'views',
    summary: 'Saved views of the customer list: the built-in ones, then shared and own personal views by name',
    access: 'secret',
    responses: { 200: { description: 'Views', schema: ViewListSchema } },
    handler: async (c) => {
      const me = ownerOf(c);
      const saved = (await ctx.store.listViews()).filter((v) => visible(v, me)).sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
      return c.json({ items: [...builtIns(ctx, c), ...saved] });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/views',
    tag: 'views',
    summary: 'Save a view (personal unless shared); the filter is checked like the list’s',
    access: 'secret',
    request: { body: ViewCreateSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response.' }] },
    responses: { 201: { description: 'Saved', schema: ViewSchema, headers: ['ETag', 'Location'] }, 422: { description: 'Invalid name, filter, sort or columns' } },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'views.create', async (t) => {
        const now = ctx.now().toISOString();
        const view: View = {
          id: newId('view'),
          name: body.name,
          filter: body.filter,
          ...(body.sort !== undefined ? { sort: body.sort } : {}),
          ...(body.columns !== undefined ? { columns: body.columns } : {}),
          ...(body.pinned !== undefined ? { pinned: body.pinned } : {}),
          shared: body.shared ?? false,
          builtIn: false,
          owner: ownerOf(c),
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await t.store.putView(view);
        return { status: 201, body: view, headers: { ETag: etag(1), Location: `/v1/views/${view.id}` } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/views/:id',
    tag: 'views',
    summary: 'One view',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The view', schema: ViewSchema, headers: ['ETag'] }, 404: { description: 'No such view (or another person’s personal view)' } },
    handler: async (c, { params }) => {
      const view = await find(ctx, c, params.id);
      return c.json(view, 200, { ETag: etag(view.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/views/:id',
    tag: 'views',
    summary: 'Rename a view or change what it shows (If-Match required; built-in views cannot change)',
    access: 'secret',
    request: {
      params: IdParams,
      body: ViewPatchSchema,
      headers: [
        { name: 'If-Match', required: true, description: 'The ETag read.' },
        { name: 'Idempotency-Key', description: 'A retry of a PATCH that succeeded returns the stored answer.' },
      ],
    },
    responses: {
      200: { description: 'The view', schema: ViewSchema, headers: ['ETag'] },
      404: { description: 'No such view' },
      405: { description: 'A built-in view (code view_built_in)', headers: ['Allow'] },
      412: { description: 'Stale If-Match; `current` is the current view' },
      428: { description: 'If-Match missing' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'views.update', async (t) => {
        const view = await find(t, c, params.id);
        refuseBuiltIn(view);
        checkIfMatch(c.req.header('If-Match'), view.version, view);
        const next: View = { ...view, updatedAt: ctx.now().toISOString(), version: view.version + 1 };
        if (body.name !== undefined) next.name = body.name;
        if (body.filter !== undefined) next.filter = body.filter;
        if (body.shared !== undefined) next.shared = body.shared;
        for (const key of ['sort', 'columns', 'pinned'] as const) {
          const value = body[key];
          if (value === null) delete next[key];
          else if (value !== undefined) (next as Record<string, unknown>)[key] = value;
        }
        if (!(await t.store.putView(next, view.version))) {
          const now = await t.store.getView(view.id);
          throw new HttpProblem('precondition_failed', 412, { current: now }, { ETag: etag(now?.version ?? view.version) });
        }
        return { status: 200, body: next, headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'delete',
    path: '/v1/views/:id',
    tag: 'views',
    summary: 'Delete a saved view (If-Match optional; built-in views cannot be deleted)',
    access: 'secret',
    request: { params: IdParams, headers: [{ name: 'If-Match', description: 'Deletes only this version.' }] },
    responses: {
      204: { description: 'Deleted' },
      404: { description: 'No such view' },
      405: { description: 'A built-in view (code view_built_in)', headers: ['Allow'] },
      412: { description: 'Stale If-Match' },
    },
    handler: async (c, { params }) => {
      const view = await find(ctx, c, params.id);
      refuseBuiltIn(view);
      const header = c.req.header('If-Match');
      if (header !== undefined) checkIfMatch(header, view.version, view);
      if (!(await ctx.store.deleteView(view.id, header === undefined ? undefined : view.version))) {
        const now = await ctx.store.getView(view.id);
        if (!now) throw new HttpProblem('not_found', 404);
        throw new HttpProblem('precondition_failed', 412, { current: now }, { ETag: etag(now.version) });
      }
      return c.body(null, 204);
    },
  });
}
