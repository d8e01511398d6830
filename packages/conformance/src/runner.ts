import { CheckFailure } from './assert.js';

/** The outcome of one check. */
export interface CheckResult {
  area: string;
  /** The contract clause the check tests, in the contract's own words. */
  clause: string;
  ok: boolean;
  /** Why it failed. */
  error?: string;
  ms: number;
}

export interface Report {
  results: CheckResult[];
  passed: number;
  failed: number;
  ms: number;
}

/**
 * Runs checks one after another and prints one line per check as it ends. A check that throws
 * fails with the thrown message; anything but a {@link CheckFailure} is shown with its name,
 * since it usually means the backend answered something the suite could not even read.
 */
export class Runner {
  readonly results: CheckResult[] = [];
  readonly #print: (line: string) => void;
  readonly #only: ReadonlySet<string> | undefined;
  #area = '';

  constructor(print: (line: string) => void, only?: readonly string[]) {
    this.#print = print;
    this.#only = only?.length ? new Set(only) : undefined;
  }

  /** Whether an area runs (all of them unless `--only` named some). */
  wants(area: string): boolean {
    return !this.#only || this.#only.has(area);
  }

  begin(area: string, title: string): void {
    this.#area = area;
    this.#print('');
    this.#print(`${area} — ${title}`);
  }

  async check(clause: string, fn: () => Promise<void> | void): Promise<boolean> {
    const started = performance.now();
    let error: string | undefined;
    try {
      await fn();
    } catch (e) {
      error = e instanceof CheckFailure ? e.message : `${(e as Error)?.name ?? 'Error'}: ${(e as Error)?.message ?? String(e)}`;
    }
    const ms = Math.round(performance.now() - started);
    const result: CheckResult = { area: this.#area, clause, ok: error === undefined, ms, ...(error ? { error } : {}) };
    this.results.push(result);
    this.#print(`  ${result.ok ? 'ok  ' : 'FAIL'} ${clause}${result.ok ? '' : `\n         ${error}`}`);
    return result.ok;
  }

  report(ms: number): Report {
    const failed = this.results.filter((r) => !r.ok).length;
    return { results: this.results, passed: this.results.length - failed, failed, ms };
  }
}
