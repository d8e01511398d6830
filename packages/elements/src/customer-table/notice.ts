import { html, nothing, type TemplateResult } from 'lit';

/** What the table's notice bar shows: an action running (with progress), or how it ended. */
export interface Notice {
  origin: 'bulk' | 'export';
  state: 'running' | 'done' | 'failed';
  text: string;
  /** Progress: rows done so far, out of `max` (no `value`: indeterminate). */
  value?: number;
  max?: number;
  retry?: () => void;
  cancel?: () => void;
}

/**
 * The outcome of the last action, visible (not only announced): a progress bar while it runs,
 * then the result, or the reason it failed with "Tentar novamente".
 */
export function renderNotice(n: Notice | undefined, labels: { retry: string; cancel: string; dismiss: string }, dismiss: () => void): TemplateResult | typeof nothing {
  if (!n) return nothing;
  return html`<div class="notice ${n.state}" part="notice notice-${n.state}" data-origin=${n.origin}>
    ${n.state === 'running'
      ? html`<progress aria-label=${n.text} max=${n.max || nothing} value=${n.value ?? nothing}></progress>`
      : html`<span class="notice-icon" aria-hidden="true">${n.state === 'failed' ? '!' : '✓'}</span>`}
    <span class="notice-text">${n.text}</span>
    ${n.retry ? html`<button type="button" class="notice-retry" @click=${n.retry}>${labels.retry}</button>` : nothing}
    ${n.cancel && n.state === 'running' ? html`<button type="button" class="notice-cancel" @click=${n.cancel}>${labels.cancel}</button>` : nothing}
    ${n.state !== 'running' ? html`<button type="button" class="notice-dismiss" aria-label=${labels.dismiss} @click=${dismiss}><span aria-hidden="true">×</span></button>` : nothing}
  </div>`;
}
