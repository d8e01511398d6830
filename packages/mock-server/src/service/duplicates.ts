import { CUSTOMER_STATUSES, type Customer, type DuplicatePair, type DuplicateRebuild } from '@clientela/core/schemas';
import { inTransaction, newId, type ServerContext } from '../context.js';
import type { StoredDuplicatePair } from '../store/duplicate-rows.js';
import type { KeysetPosition } from '../store/types.js';
import { listItem } from './customers.js';

// The full recomputation of duplicate candidates (the incremental one is the stores' own, on
// every customer write). It walks every customer by creation date a page at a time, each page in
// one transaction that also records how far the run got, so a run that stops (a crash, a
// restart) is taken up where it stopped. One process runs it at a time: the run is leased, and a
// lease not renewed lapses, so another process may take it over.

const STATE_KEY = 'duplicates:rebuild';
const LEASE_KEY = 'duplicates:rebuild:lease';
/** A lease not renewed for this long lapses (a page takes well under a second). */
const LEASE_MS = 30_000;
const PAGE = 500;

interface RunState {
  status: 'running' | 'done';
  processed: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  /** The last customer done (creation date and id). */
  cursor?: KeysetPosition;
}

function publicState(state: RunState | undefined): DuplicateRebuild {
  if (!state) return { status: 'idle', processed: 0, total: 0 };
  return { status: state.status, processed: state.processed, total: state.total, startedAt: state.startedAt, ...(state.finishedAt ? { finishedAt: state.finishedAt } : {}) };
}

export async function rebuildState(ctx: ServerContext): Promise<DuplicateRebuild> {
  return publicState(await ctx.store.getMeta<RunState>(STATE_KEY));
}

/**
 * Starts a full run, or takes up one whose process stopped, and returns its state; while another
 * process holds a live run, returns that run's state and starts nothing. `done` settles when this
 * process's part of the run ends (tests await it; the route does not).
 */
export async function startRebuild(ctx: ServerContext): Promise<{ state: DuplicateRebuild; done: Promise<void> }> {
  const owner = newId('run');
  const now = ctx.now();
  if (!(await ctx.store.claimMeta(LEASE_KEY, owner, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()))) {
    return { state: await rebuildState(ctx), done: Promise.resolve() };
  }
  let state = await ctx.store.getMeta<RunState>(STATE_KEY);
  if (!state || state.status === 'done') {
    state = { status: 'running', processed: 0, total: await ctx.store.customerCount(), startedAt: now.toISOString() };
    await ctx.store.setMeta(STATE_KEY, state);
  }
  const done = runPages(ctx, owner).catch(async (e: unknown) => {
    // The lease lapses by itself; dropping it now lets the next request resume at once.
    await ctx.store.deleteMeta(LEASE_KEY).catch(() => undefined);
    throw e;
  });
  done.catch(() => undefined);
  return { state: publicState(state), done };
}

async function runPages(ctx: ServerContext, owner: string): Promise<void> {
  for (;;) {
    const finished = await inTransaction(ctx, async (t) => {
      // Another process took over a lapsed lease: this one stops.
      if ((await t.store.getMeta<string>(LEASE_KEY)) !== owner) return true;
      const state = await t.store.getMeta<RunState>(STATE_KEY);
      if (!state || state.status !== 'running') return true;
      const page = await t.store.listCustomers({
        query: { statuses: [...CUSTOMER_STATUSES] },
        sort: { field: 'createdAt', desc: false },
        after: state.cursor,
        limit: PAGE,
      });
      await t.store.refreshDuplicates(page.items);
      const last = page.items.at(-1);
      const now = ctx.now();
      const next: RunState = {
        ...state,
        processed: state.processed + page.items.length,
        ...(last ? { cursor: { key: last.createdAt, id: last.id } } : {}),
        ...(page.hasMore ? {} : { status: 'done', finishedAt: now.toISOString(), total: Math.max(state.total, state.processed + page.items.length) }),
      };
      await t.store.setMeta(STATE_KEY, next);
      await t.store.setMeta(LEASE_KEY, owner, new Date(now.getTime() + LEASE_MS).toISOString());
      return !page.hasMore;
    });
    if (finished) break;
  }
  if ((await ctx.store.getMeta<string>(LEASE_KEY)) === owner) await ctx.store.deleteMeta(LEASE_KEY);
}

/** A stored pair as the API shows it: both customers as list items (documents masked), lower id first. */
export async function publicPair(ctx: ServerContext, p: StoredDuplicatePair, known = new Map<string, Customer>()): Promise<DuplicatePair | undefined> {
  const read = async (id: string) => known.get(id) ?? (await ctx.store.getCustomer(id));
  const [a, b] = [await read(p.a), await read(p.b)];
  if (!a || !b) return undefined;
  return { customers: [listItem(a), listItem(b)], score: p.score, reasons: p.reasons, updatedAt: p.updatedAt, ...(p.dismissedAt ? { dismissedAt: p.dismissedAt } : {}) } as DuplicatePair;
}
