import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ROWS, MAX_LIMIT, PageSource, RETRY_AFTER, type PageAt } from './page-source.js';

interface Row {
  n: number;
}

/** A list endpoint over `size` rows: cursor pages (the cursor is the next row's position) and offset pages. */
function server(size: number) {
  const calls: ({ limit: number } & PageAt)[] = [];
  let rows = Array.from({ length: size }, (_, n) => ({ n }));
  let fail = false;
  let hold: Promise<void> | undefined;
  return {
    calls,
    shrink: (to: number) => (rows = rows.slice(0, to)),
    failNext: (on = true) => (fail = on),
    holdUntil: (p: Promise<void>) => (hold = p),
    fetch: async (request: { limit: number } & PageAt, signal: AbortSignal) => {
      calls.push(request);
      if (hold) await hold;
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      if (fail) {
        fail = false;
        throw new Error('network');
      }
      const from = request.cursor ? Number(request.cursor) : (request.offset ?? 0);
      const items = rows.slice(from, from + request.limit);
      const next = from + items.length;
      return { items, total: rows.length, nextCursor: next < rows.length ? String(next) : null };
    },
  };
}

function setup(size: number, pageSize = 50, visible = 10) {
  const api = server(size);
  const view = { start: 0 };
  const loaded = vi.fn<(total: number, gen: number) => void>();
  const failed = vi.fn<(gen: number) => void>();
  const changed = vi.fn();
  const source: PageSource<Row> = new PageSource<Row>({
    fetch: api.fetch,
    view: () => ({ start: view.start, end: Math.min(source.total, view.start + visible) }),
    changed,
    loaded,
    failed,
  });
  source.reset(pageSize, true);
  const scrollTo = async (start: number) => {
    view.start = start;
    await source.run();
  };
  return { api, source, view, loaded, failed, changed, scrollTo };
}

const loadedRange = (source: PageSource<Row>, a: number, b: number) => {
  for (let i = a; i < b; i++) if (source.get(i)?.n !== i) return false;
  return true;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('PageSource', () => {
  it('loads the first page without a cursor, then the margin below the view by cursor', async () => {
    const { api, source, loaded } = setup(1000);
    expect(source.state).toBe('loading');
    await source.run();
    expect(api.calls[0]).toEqual({ limit: 50 });
    expect(source.state).toBe('ready');
    expect(source.total).toBe(1000);
    expect(loaded).toHaveBeenCalledWith(1000, source.gen);
    expect(loadedRange(source, 0, 50)).toBe(true);
    // Rows 0–9 in view want a margin of a page size below them: the next page, by the first's cursor.
    expect(api.calls).toEqual([{ limit: 50 }, { limit: MAX_LIMIT, cursor: '50' }]);
    expect(loadedRange(source, 0, 250)).toBe(true);
    // Everything wanted is here: running again fetches nothing.
    await source.run();
    expect(api.calls).toHaveLength(2);
  });

  it('walks a near gap by cursor and keeps every cursor it walked', async () => {
    const { api, source, scrollTo } = setup(10_000);
    await source.run();
    api.calls.length = 0;
    await scrollTo(600); // pages 2 (250–449) and 3 (450–649) are walked from page 1's cursor
    expect(api.calls).toEqual([
      { limit: MAX_LIMIT, cursor: '250' },
      { limit: MAX_LIMIT, cursor: '450' },
      { limit: MAX_LIMIT, cursor: '650' },
    ]);
    // Walked pages the view has left are not kept; their cursors are.
    expect(source.get(300)).toBeUndefined();
    expect(loadedRange(source, 450, 660)).toBe(true);
    api.calls.length = 0;
    await scrollTo(300);
    expect(api.calls).toEqual([{ limit: MAX_LIMIT, cursor: '250' }]);
    expect(loadedRange(source, 250, 360)).toBe(true);
  });

  it('fetches a far row by offset, and continues from that island by its cursor', async () => {
    const { api, source, scrollTo } = setup(1_000_000);
    await source.run();
    const far = 500_123;
    const k = source.pageOf(far);
    api.calls.length = 0;
    await scrollTo(far);
    expect(api.calls[0]).toEqual({ limit: MAX_LIMIT, offset: source.pageStart(k) });
    expect(loadedRange(source, far, far + 10)).toBe(true);
    // Rows between the first page and the island stay unknown.
    expect(source.get(1000)).toBeUndefined();
    // Scrolling down past the island's end walks on from its cursor, no new offset request.
    api.calls.length = 0;
    await scrollTo(source.pageStart(k + 1) + 5);
    expect(api.calls.every((c) => c.cursor !== undefined && c.offset === undefined)).toBe(true);
    expect(loadedRange(source, source.pageStart(k + 1), source.pageStart(k + 1) + 15)).toBe(true);
  });

  it('renders a jump once: the margin fetched after the rows in view arrive is kept without rendering again', async () => {
    const { api, source, changed, scrollTo } = setup(100_000);
    await source.run();
    const k = source.pageOf(50_000);
    // The jumped-to rows sit near the end of their page, so the margin below them is a second page.
    const row = source.pageStart(k + 1) - 30;
    changed.mockClear();
    api.calls.length = 0;
    await scrollTo(row);
    expect(loadedRange(source, row, row + 10)).toBe(true);
    // One page by offset for the view, one by cursor for the margin below it…
    expect(api.calls).toEqual([
      { limit: MAX_LIMIT, offset: source.pageStart(k) },
      { limit: MAX_LIMIT, cursor: String(source.pageStart(k + 1)) },
    ]);
    expect(source.get(source.pageStart(k + 1) + 40)?.n).toBe(source.pageStart(k + 1) + 40);
    // …and one render: the rows in view. The margin is not in view, so it changes nothing shown.
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('ignores the answer to a query that was replaced meanwhile', async () => {
    const { api, source, loaded, changed } = setup(1000);
    let release!: () => void;
    api.holdUntil(new Promise<void>((r) => (release = r)));
    const old = source.run();
    const oldGen = source.gen;
    source.reset(50, true);
    expect(source.isCurrent(oldGen)).toBe(false);
    changed.mockClear();
    release();
    await old;
    expect(source.total).toBe(0);
    expect(source.rows.size).toBe(0);
    expect(source.state).toBe('loading');
    expect(loaded).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
    // The new query loads on its own.
    await source.run();
    expect(loaded).toHaveBeenCalledWith(1000, source.gen);
    expect(source.gen).not.toBe(oldGen);
  });

  it('keeps the total of the query reloaded, unless told it is a new one', async () => {
    const { source } = setup(1000);
    await source.run();
    source.reset(50, false);
    expect(source.total).toBe(1000);
    expect(source.state).toBe('loading');
    source.reset(50, true);
    expect(source.total).toBe(0);
  });

  it('shows the error state when the first page fails', async () => {
    const { api, source, failed } = setup(1000);
    api.failNext();
    await source.run();
    expect(source.state).toBe('error');
    expect(failed).toHaveBeenCalledWith(source.gen);
    expect(source.pageFailed).toBe(false);
  });

  it('keeps the rows when a later page fails, and tries again on its own', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { api, source, scrollTo } = setup(10_000);
    await source.run();
    api.failNext();
    const walk = scrollTo(300);
    await vi.advanceTimersByTimeAsync(0);
    await walk;
    expect(source.state).toBe('ready');
    expect(source.pageFailed).toBe(true);
    expect(loadedRange(source, 0, 50)).toBe(true);
    expect(source.get(300)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(RETRY_AFTER);
    expect(source.pageFailed).toBe(false);
    expect(loadedRange(source, 250, 360)).toBe(true);
  });

  it('retries at once when asked, and not at all once the query changed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { api, source, scrollTo } = setup(10_000);
    await source.run();
    api.failNext();
    await scrollTo(300);
    source.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(loadedRange(source, 250, 360)).toBe(true);

    api.failNext();
    await scrollTo(5000);
    expect(source.pageFailed).toBe(true);
    source.reset(50, true);
    const before = api.calls.length;
    await vi.advanceTimersByTimeAsync(RETRY_AFTER * 2);
    expect(api.calls.length).toBe(before);
  });

  it('takes an empty page by offset as the end of rows that shrank', async () => {
    const { api, source, scrollTo } = setup(100_000);
    await source.run();
    api.shrink(20_000);
    await scrollTo(90_000);
    expect(source.total).toBe(20_000);
  });

  it('does not keep a page the view has moved away from', async () => {
    const { api, source, view } = setup(100_000);
    await source.run();
    view.start = 50_000;
    let release!: () => void;
    api.holdUntil(new Promise<void>((r) => (release = r)));
    const walk = source.run();
    // Before the page arrives, the view jumps elsewhere.
    view.start = 80_000;
    api.holdUntil(Promise.resolve());
    release();
    await walk;
    expect(source.get(50_000)).toBeUndefined();
    expect(loadedRange(source, 80_000, 80_010)).toBe(true);
  });

  it('keeps a bounded number of rows while scrolling through a million', async () => {
    const { source, scrollTo } = setup(1_000_000);
    await source.run();
    for (let start = 0; start < 30_000; start += 150) await scrollTo(start);
    expect(source.rows.size).toBeLessThanOrEqual(KEEP_ROWS + 2 * MAX_LIMIT);
    expect(loadedRange(source, 29_850, 29_860)).toBe(true);
  });

  it('replaces a loaded row in place', async () => {
    const { source } = setup(100);
    await source.run();
    expect(source.replace((r) => r.n === 3, { n: -3 })).toBe(true);
    expect(source.get(3)).toEqual({ n: -3 });
    expect(source.replace((r) => r.n === 999, { n: 0 })).toBe(false);
  });
});
