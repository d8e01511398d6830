type Kind = 'person' | 'company';

export interface TabCountsOptions {
  /** How many customers of `kind` match `query` (the `total` of a one-row list). */
  count(query: Record<string, unknown>, kind: Kind, signal: AbortSignal): Promise<number>;
  /** The counts shown changed (cleared or arrived). */
  changed(): void;
  /** Waits before a failed count is tried again (attempt 0, 1, 2); default 2, 4, 6 s. */
  wait?(attempt: number): Promise<void>;
}

/** What the tabs show: a count per kind, and their sum; `undefined` while unknown. */
export interface Counts {
  person?: number;
  company?: number;
  all?: number;
}

const RETRIES = 3;

/**
 * The counts on the person / company tabs, with no DOM. They belong to one query (every filter but
 * the kind): counts of an earlier query are dropped at once, never shown while the new ones come.
 * A failed count shows no number and is tried again a little later (three times), unless the
 * query changed meanwhile.
 */
export class TabCounts {
  #o: TabCountsOptions;
  #key = '';
  #counts: Counts = {};
  #abort: AbortController | undefined;

  constructor(options: TabCountsOptions) {
    this.#o = options;
  }

  /** The counts of `query`: nothing unless they were counted for it. */
  for(query: Record<string, unknown>): Counts {
    return keyOf(query) === this.#key ? this.#counts : {};
  }

  /** Counts `query` (again: `refresh` after a write), replacing any count under way. */
  async load(query: Record<string, unknown>): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const key = keyOf(query);
    if (key !== this.#key) {
      this.#key = key;
      this.#counts = {};
      this.#o.changed();
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const [person, company] = await Promise.all((['person', 'company'] as const).map((kind) => this.#o.count(query, kind, abort.signal)));
        if (abort.signal.aborted) return;
        this.#counts = { person: person!, company: company!, all: person! + company! };
        this.#o.changed();
        return;
      } catch {
        // The tabs show no counts meanwhile; the list itself reports its own errors.
        if (abort.signal.aborted || attempt >= RETRIES) return;
        await (this.#o.wait ?? defaultWait)(attempt);
        if (abort.signal.aborted) return;
      }
    }
  }

  /** Stops a count under way (the element left the page). */
  dispose(): void {
    this.#abort?.abort();
  }
}

const keyOf = (query: Record<string, unknown>): string => JSON.stringify(query);
const defaultWait = (attempt: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2000 * (attempt + 1)));
