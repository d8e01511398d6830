/**
 * Which rows are selected, with no DOM: either these ids, or every row matching the query (the
 * server's filter says which, so rows never loaded are in it too). Unselecting one row of "all
 * matching" leaves the loaded rows but that one selected: bulk actions and exports take either
 * ids or a filter, not a filter with exceptions.
 */
export class Selection {
  #ids = new Set<string>();
  #all = false;

  /** True when every row matching the query is selected, loaded or not. */
  get all(): boolean {
    return this.#all;
  }

  /** Ids selected one by one (none while {@link all}). */
  get size(): number {
    return this.#ids.size;
  }

  /** Whether nothing is selected. */
  get empty(): boolean {
    return !this.#all && this.#ids.size === 0;
  }

  has(id: string): boolean {
    return this.#all || this.#ids.has(id);
  }

  /** How many rows are selected, out of `total` matching. */
  count(total: number): number {
    return this.#all ? total : this.#ids.size;
  }

  /** The selected ids; while "all matching", the loaded ones (`loaded`). */
  ids(loaded: Iterable<string>): string[] {
    return this.#all ? [...loaded] : [...this.#ids];
  }

  /** Selects or unselects one row; out of "all matching", the other loaded rows stay selected. */
  toggle(id: string, loaded: Iterable<string>): void {
    if (this.#all) {
      this.#all = false;
      this.#ids = new Set(loaded);
    }
    if (this.#ids.has(id)) this.#ids.delete(id);
    else this.#ids.add(id);
  }

  /** Selects every loaded row (`on`), or clears the selection. */
  setLoaded(on: boolean, loaded: Iterable<string>): void {
    this.#all = false;
    if (on) for (const id of loaded) this.#ids.add(id);
    else this.#ids.clear();
  }

  /** Every loaded row is selected (and at least one is loaded). */
  allLoaded(loaded: Iterable<string>): boolean {
    if (this.#all) return true;
    let any = false;
    for (const id of loaded) {
      any = true;
      if (!this.#ids.has(id)) return false;
    }
    return any;
  }

  selectAll(): void {
    this.#all = true;
  }

  clear(): void {
    this.#all = false;
    this.#ids.clear();
  }

  /** What a bulk action or an export applies to: these ids, or the query's `filter`. */
  target<F>(filter: () => F): { ids: string[] } | { filter: F } {
    return this.#all ? { filter: filter() } : { ids: [...this.#ids] };
  }
}
