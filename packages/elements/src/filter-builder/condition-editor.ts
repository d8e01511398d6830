import type { Category, Unit } from '@clientela/core';
import { CUSTOMER_KIND_LABELS, CUSTOMER_SOURCE_LABELS, CUSTOMER_STATUS_LABELS, type Locale } from '@clientela/core/i18n';
import { CUSTOMER_KINDS, CUSTOMER_SOURCES, CUSTOMER_STATUSES, FILTER_CHANNELS, type FilterConditionType } from '@clientela/core/schemas';
import { UFS } from '@clientela/core/validation';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../internal/localize.js';
import { SHAPES, type ConditionDraft, type DraftError } from './condition-draft.js';
import type { MessageKey } from './filter-builder.messages.js';

// The fields of the condition editor, per condition type. Loaded on the first edit (a dynamic
// import from the builder), so a page that only shows chips does not download the form.

export interface EditorContext {
  type: FilterConditionType;
  draft: ConditionDraft;
  error: DraftError | undefined;
  locale: Locale;
  t: Translate<MessageKey>;
  categories: readonly Category[];
  /** The business's units, offered by name for the unit condition (none: their codes are typed). */
  units: readonly Unit[];
  /** Called with the draft changed by a field. */
  change(patch: Partial<ConditionDraft>): void;
}

const CHANNEL_NAMES: Record<string, string> = { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp' };

/** The message for the field an error is about. */
function errorText(ctx: EditorContext, field: string): string | undefined {
  const e = ctx.error;
  if (!e || e.field !== field) return undefined;
  if (e.code === 'money') return ctx.t('errMoney');
  if (e.code === 'number') return ctx.t('errNumber');
  if (e.code === 'required' && (field === 'min' || field === 'from')) return ctx.t('errBound');
  if (e.code === 'invalid_value' && (field === 'min' || field === 'from')) return ctx.t('errOrder');
  if (field === 'values' || field === 'months' || field === 'cities' || field === 'units') return ctx.t('errChoose');
  return e.message;
}

function input(ctx: EditorContext, field: 'min' | 'max' | 'from' | 'to' | 'days' | 'cities' | 'units', label: string, type: 'text' | 'date' | 'number', extra: { inputmode?: string; hint?: string } = {}): TemplateResult {
  const error = errorText(ctx, field);
  const id = `f-${field}`;
  const described = [extra.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${extra.hint ? html`<span class="hint" id="${id}-hint">${extra.hint}</span>` : nothing}
    <input
      id=${id}
      name=${field}
      type=${type}
      inputmode=${extra.inputmode ?? nothing}
      min=${type === 'number' ? '0' : nothing}
      .value=${ctx.draft[field]}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      @input=${(e: Event) => ctx.change({ [field]: (e.target as HTMLInputElement).value })}
    />
    ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}

/** A group of checkboxes over `options` (value, label), writing `values` (or `months`, or the `units` list). */
function checks(ctx: EditorContext, legend: string, options: readonly (readonly [string, string])[], field: 'values' | 'months' | 'units'): TemplateResult {
  const selected = new Set(
    (field === 'months' ? ctx.draft.months.map(String) : field === 'units' ? ctx.draft.units.split(/[,;\s]+/).filter(Boolean) : ctx.draft.values) as string[],
  );
  const error = errorText(ctx, field);
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : [...selected].filter((v) => v !== value);
    // Keep the options' order, so the filter text (and the chip) does not depend on click order.
    const ordered = options.map(([v]) => v).filter((v) => next.includes(v));
    ctx.change(field === 'months' ? { months: ordered.map(Number) } : field === 'units' ? { units: ordered.join(', ') } : { values: ordered });
  };
  return html`<fieldset class="checks" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'f-checks-error' : nothing}>
    <legend>${legend}</legend>
    <div class="grid">
      ${options.map(
        ([value, label]) => html`<label class="check"
          ><input type="checkbox" name=${field} .value=${value} .checked=${selected.has(value)} @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} />
          ${label}</label
        >`,
      )}
    </div>
    ${error ? html`<span class="error" id="f-checks-error">${error}</span>` : nothing}
  </fieldset>`;
}

function radios<T extends string>(legend: string, name: string, options: readonly (readonly [T, string])[], value: T, pick: (v: T) => void): TemplateResult {
  return html`<fieldset class="radios">
    <legend>${legend}</legend>
    ${options.map(
      ([v, label]) => html`<label class="check"><input type="radio" name=${name} .value=${v} .checked=${v === value} @change=${() => pick(v)} /> ${label}</label>`,
    )}
  </fieldset>`;
}

/**
 * The editor's fields for `ctx.type`.
 *
 * @example
 * html`<form>${renderConditionFields(ctx)}</form>`;
 */
export function renderConditionFields(ctx: EditorContext): TemplateResult | typeof nothing {
  const { t, locale, draft } = ctx;
  switch (SHAPES[ctx.type]) {
    case 'money':
      return html`<div class="pair">${input(ctx, 'min', t('minMoney'), 'text', { inputmode: 'decimal' })}${input(ctx, 'max', t('maxMoney'), 'text', { inputmode: 'decimal' })}</div>`;
    case 'count':
      return html`<div class="pair">${input(ctx, 'min', t('minCount'), 'number', { inputmode: 'numeric' })}${input(ctx, 'max', t('maxCount'), 'number', { inputmode: 'numeric' })}</div>`;
    case 'days-range':
      return html`<div class="pair">${input(ctx, 'from', t('from'), 'date')}${input(ctx, 'to', t('to'), 'date')}</div>`;
    case 'days':
      return input(ctx, 'days', t('days'), 'number', { inputmode: 'numeric' });
    case 'months': {
      const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
      const options = Array.from({ length: 12 }, (_, i) => [String(i + 1), month.format(new Date(Date.UTC(2026, i, 15)))] as const);
      return checks(ctx, t('months'), options, 'months');
    }
    case 'cities':
      return input(ctx, 'cities', t('cities'), 'text', { hint: t('citiesHint') });
    case 'units': {
      if (!ctx.units.length) return input(ctx, 'units', t('units'), 'text', { hint: t('unitsHint') });
      // By name; an inactive unit stays offered (its orders still count), marked. A code the
      // list does not know (a unit deleted since) stays chosen, shown by its code.
      const inactive = CUSTOMER_STATUS_LABELS[locale].inactive.toLowerCase();
      const known = new Set(ctx.units.map((u) => u.id));
      const unknown = ctx.draft.units.split(/[,;\s]+/).filter((id) => id && !known.has(id));
      const options = [...ctx.units.map((u) => [u.id, u.status === 'inactive' ? `${u.name} (${inactive})` : u.name] as const), ...unknown.map((id) => [id, id] as const)];
      return checks(ctx, t('units'), options, 'units');
    }
    case 'choices': {
      const options =
        ctx.type === 'state'
          ? UFS.map((uf) => [uf, uf] as const)
          : ctx.type === 'status'
            ? CUSTOMER_STATUSES.map((s) => [s, CUSTOMER_STATUS_LABELS[locale][s]] as const)
            : CUSTOMER_SOURCES.map((s) => [s, CUSTOMER_SOURCE_LABELS[locale][s]] as const);
      return checks(ctx, t('values'), options, 'values');
    }
    case 'kind':
      return radios(t('values'), 'kind', CUSTOMER_KINDS.map((k) => [k, CUSTOMER_KIND_LABELS[locale][k]] as const), draft.kind, (kind) => ctx.change({ kind }));
    case 'categories':
      return html`${radios(
          t('match'),
          'match',
          [
            ['any', t('matchAny')],
            ['all', t('matchAll')],
            ['none', t('matchNone')],
          ] as const,
          draft.match,
          (match) => ctx.change({ match }),
        )}
        ${ctx.categories.length
          ? checks(ctx, t('values'), ctx.categories.map((c) => [c.id, c.status === 'inactive' ? `${c.name} (${CUSTOMER_STATUS_LABELS[locale].inactive.toLowerCase()})` : c.name] as const), 'values')
          : html`<p class="hint">${t('noCategories')}</p>`}`;
    case 'consent':
      return html`${radios(t('channel'), 'channel', FILTER_CHANNELS.map((c) => [c, CHANNEL_NAMES[c]!] as const), draft.channel, (channel) => ctx.change({ channel }))}
      ${radios(
        t('answer'),
        'granted',
        [
          ['yes', t('granted')],
          ['no', t('refused')],
        ] as const,
        draft.granted ? 'yes' : 'no',
        (v) => ctx.change({ granted: v === 'yes' }),
      )}`;
    case 'none':
      return nothing;
  }
}
