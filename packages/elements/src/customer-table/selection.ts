/**
 * Which rows are selected, with no DOM: either these ids, or every row matching the query (the
 * server's filter says which, so rows never loaded are in it too) except the ones unticked since.
 * A bulk action or an export then sends the filter with those `exceptIds`, and the ids of the
 * rest are never fetched.
 */
export class Selection {
  #ids = new Set<string>();
  #all = false;
  /** While {@link all}: the rows unticked out of it. */
  #except = new Set<string>();

  /** True when every row matching the query is selected, loaded or not (less {@link exceptIds}). */
  get all(): boolean {
    return this.#all;
  }

  /** Ids selected one by one (none while {@link all}). */
  get size(): number {
    return this.#ids.size;
  }

  /** While {@link all}: the ids unticked out of it (none otherwise). */
  get exceptIds(): string[] {
    return [...this.#except];
  }

  /** Whether nothing is selected. */
  get empty(): boolean {
    return !this.#all && this.#ids.size === 0;
  }

  has(id: string): boolean {
    return this.#all ? !this.#except.has(id) : this.#ids.has(id);
  }

  /** How many rows are selected, out of `total` matching. */
  count(total: number): number {
    return this.#all ? Math.max(0, total - this.#except.size) : this.#ids.size;
  }

  /** The selected ids; while "all matching", the loaded ones (`loaded`) not unticked. */
  ids(loaded: Iterable<string>): string[] {
    if (!this.#all) return [...this.#ids];
    const out: string[] = [];
    for (const id of loaded) if (!this.#except.has(id)) out.push(id);
    return out;
  }

  /** Selects or unselects one row; out of "all matching", it becomes (or stops being) an exception. */
  toggle(id: string): void {
    const set = this.#all ? this.#except : this.#ids;
    if (set.has(id)) set.delete(id);
    else set.add(id);
  }

  /** Selects every loaded row (`on`), or clears the selection. */
  setLoaded(on: boolean, loaded: Iterable<string>): void {
    this.#all = false;
    this.#except.clear();
    if (on) for (const id of loaded) this.#ids.add(id);
    else this.#ids.clear();
  }

  /** Every loaded row is selected (and at least one is loaded). */
  allLoaded(loaded: Iterable<string>): boolean {
    let any = false;
    for (const id of loaded) {
      any = true;
      if (!this.has(id)) return false;
    }
    return any;
  }

  /** Selects every row matching the query, with no exception. */
  selectAll(): void {
    this.#all = true;
    this.#ids.clear();
    this.#except.clear();
  }

  clear(): void {
    this.#all = false;
    this.#ids.clear();
    this.#except.clear();
  }

  /** What a bulk action or an export applies to: these ids, or the query's `filter` less the unticked ids. */
  target<F>(filter: () => F): { ids: string[] } | { filter: F; exceptIds?: string[] } {
    if (!this.#all) return { ids: [...this.#ids] };
    return this.#except.size ? { filter: filter(), exceptIds: [...this.#except] } : { filter: filter() };
  }
}
