import type { ConsentRecord } from '@clientela/core';
import type { ClientelaClient } from '@clientela/core/client';
import { CONSENT_CHANNEL_LABELS, CONSENT_PURPOSE_LABELS, CONSENT_SOURCE_LABELS, type Locale } from '@clientela/core/i18n';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { errorText } from '../internal/error-text.js';
import { formatDateTime } from '../internal/localize.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { tokens } from '../internal/tokens.js';
import { catalog } from './consent-history.messages.js';

/**
 * @summary A customer's consent history (LGPD): every record, newest first — when, channel and
 * purpose, given or revoked, the source, the text the person saw (its version and words), who
 * recorded it and the evidence of a consent given elsewhere. Read again when `revision` changes
 * (the card passes the customer's version, so a switch flipped on the card shows at once).
 *
 * @internal Part of `<cl-customer-card>`.
 * @csspart table - The history.
 */
export class ConsentHistoryView extends LitElement {
  static override styles = [
    tokens,
    css`
      :host { display: block; }
      h4 { margin: 0.75rem 0 0.25rem; font-size: 1rem; }
      .wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 0.875em; }
      th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
      .revoked { color: var(--_danger); }
      .muted { color: var(--_muted); }
    `,
  ];
  static override properties = {
    client: { attribute: false },
    customerId: { attribute: 'customer-id' },
    revision: { type: Number },
    locale: { type: String },
    items: { state: true },
    error: { state: true },
  };

  declare client: Pick<ClientelaClient, 'consents'> | undefined;
  declare customerId: string | undefined;
  /** Bump to read again (the customer's version). */
  declare revision: number | undefined;
  declare locale: Locale;
  declare protected items: ConsentRecord[] | undefined;
  declare protected error: string;

  constructor() {
    super();
    this.locale = 'pt-BR';
    this.error = '';
  }

  get resolvedLocale(): Locale {
    return this.locale;
  }

  readonly #l10n = new LocalizeController(this, catalog);

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('customerId') || changed.has('revision') || changed.has('client')) && this.client && this.customerId) void this.#load();
  }

  async #load(): Promise<void> {
    const id = this.customerId!;
    try {
      const h = await this.client!.consents.history(id);
      if (id === this.customerId) this.items = h.items;
    } catch (e) {
      this.error = errorText(e, this.locale);
    }
  }

  override render() {
    const t = this.#l10n.t;
    const loc = this.locale;
    const items = this.items;
    return html`<h4 id="h">${t('title')}</h4>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${items === undefined
        ? html`<p class="muted">${t('loading')}</p>`
        : !items.length
          ? html`<p class="muted">${t('empty')}</p>`
          : html`<div class="wrap" part="table" tabindex="0" role="region" aria-labelledby="h">
              <table aria-labelledby="h">
                <thead>
                  <tr>${[t('when'), t('channel'), t('state'), t('source'), t('text'), t('by'), t('evidence')].map((x) => html`<th scope="col">${x}</th>`)}</tr>
                </thead>
                <tbody>
                  ${items.map(
                    (r) => html`<tr data-record=${r.id}>
                      <td>${formatDateTime(r.at, loc)}</td>
                      <td>${CONSENT_CHANNEL_LABELS[loc][r.channel]} · ${CONSENT_PURPOSE_LABELS[loc][r.purpose]}</td>
                      <td class=${r.granted ? '' : 'revoked'}>${r.granted ? t('granted') : t('revoked')}</td>
                      <td>${CONSENT_SOURCE_LABELS[loc][r.source]}</td>
                      <td>${r.text ? html`“${r.text}” <span class="muted">(${t('version', { n: r.textVersion ?? '' })})</span>` : '—'}</td>
                      <td>${'customer' in r.recordedBy ? t('shopper') : (r.recordedBy.name ?? r.recordedBy.keyId)}</td>
                      <td>${[r.evidence?.note, r.evidence?.attachment].filter(Boolean).join(' · ') || '—'}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}`;
  }
}
