import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The table's polite live region: what a screen reader hears when results arrive, a copy is made
 * or an action ends. The text is set a moment after clearing it, so the same words are announced
 * again (a live region ignores unchanged content).
 */
export class AnnouncerController implements ReactiveController {
  /** The live region's text. */
  text = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Announces `text`; with `current`, only if it still holds when the text is set (the query it speaks of is still on screen). */
  announce(text: string, current?: () => boolean): void {
    this.clear();
    this.#timer = setTimeout(() => {
      if (current && !current()) return;
      this.text = text;
      this.#host.requestUpdate();
    }, 50);
  }

  /** Drops what is pending or shown (it spoke of a query being replaced). */
  clear(): void {
    clearTimeout(this.#timer);
    this.text = '';
    this.#host.requestUpdate();
  }
}
