import type { Customer } from '@clientela/core';
import type { Client } from '../internal/clientela-element.js';

/** The part of a client the row buttons call. */
type RowClient = Pick<Client, 'customers'>;

export interface RowActionsOptions {
  api(): RowClient | undefined;
  /** The row's look changed (a document shown or hidden). */
  changed(): void;
  /** Says how a copy or a reveal went (`copied`, `copyFailed`, or the reveal's error). */
  report(outcome: { copied: true } | { copied: false } | { failed: string }): void;
}

/**
 * The buttons inside a row's cells: reveal (or hide) the full document — `retrieve`, which the
 * server audits — and copy the id, phone or document to the clipboard.
 */
export class RowActions {
  /** Full documents revealed, by customer id (the rest show masked). */
  readonly revealed = new Map<string, string>();
  #o: RowActionsOptions;

  constructor(options: RowActionsOptions) {
    this.#o = options;
  }

  /** Reveals the full document, or hides it again. */
  async toggleReveal(c: Customer): Promise<void> {
    if (this.revealed.delete(c.id)) return this.#o.changed();
    const full = await this.fullDocument(c);
    if (full) {
      this.revealed.set(c.id, full);
      this.#o.changed();
    }
  }

  /** The full document (read once, audited by the server); undefined when it could not be read. */
  async fullDocument(c: Customer): Promise<string | undefined> {
    const known = this.revealed.get(c.id);
    if (known) return known;
    try {
      return (await this.#o.api()!.customers.retrieve(c.id)).document;
    } catch (error) {
      this.#o.report({ failed: (error as Error).message });
      return undefined;
    }
  }

  /** Copies `text` (or what it resolves to; nothing when it resolves to nothing). */
  async copy(text: string | Promise<string | undefined>): Promise<void> {
    try {
      const value = await text;
      if (!value) return;
      await navigator.clipboard.writeText(value);
      this.#o.report({ copied: true });
    } catch {
      this.#o.report({ copied: false });
    }
  }
}
