import { css, unsafeCSS } from 'lit';

/** Icons as CSS masks: no extra DOM nodes per row, and they follow `currentColor`. */
const svg = (path: string) =>
  unsafeCSS(`url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'%3E${path}%3C/svg%3E")`);

export const styles = css`
  :host { --row-height: 44px; --head-height: 44px; display: flex; flex-direction: column; height: var(--cl-customer-table-height, 70vh); min-height: 320px; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); font-size: 0.875rem; position: relative; }
  .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--_border); }
  .toolbar .spacer { flex: 1; }
  /* When the toolbar wraps, the column button keeps to the right, so its menu (anchored right)
  opens on screen. */
  .toolbar > .menu:last-child { margin-left: auto; }
  .search input { font: inherit; min-height: 32px; width: min(24rem, 60vw); padding: 0 0.5rem; border: 1px solid var(--_control-border); border-radius: var(--_radius); background: var(--_surface); color: var(--_text); }
  .field { display: inline-flex; align-items: center; gap: 0.35rem; color: var(--_muted); }
  select,
  .field input { font: inherit; min-height: 32px; border: 1px solid var(--_control-border); border-radius: var(--_radius); background: var(--_surface); color: var(--_text); }
  .menu { position: relative; }
  summary { cursor: pointer; min-height: 32px; display: inline-flex; align-items: center; padding: 0 0.5rem; border: 1px solid var(--_border); border-radius: var(--_radius); }
  .popover { position: absolute; z-index: 5; top: calc(100% + 4px); min-width: 14rem; max-height: 60vh; overflow: auto; margin: 0; padding: 0.5rem; background: var(--_surface); color: var(--_text); border: 1px solid var(--_border); border-radius: var(--_radius); box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); }
  .check { display: flex; align-items: center; gap: 0.4rem; min-height: 32px; }
  .grow { flex: 1; }
  button.link { border: none; background: none; color: var(--_accent); text-decoration: underline; padding: 0 0.25rem; }
  .tabs { display: flex; gap: 0.25rem; padding: 0 0.75rem; border-bottom: 1px solid var(--_border); }
  .tabs [role='tab'] { border: none; border-bottom: 3px solid transparent; border-radius: 0; background: none; min-height: 40px; }
  .tabs [aria-selected='true'] { border-bottom-color: var(--_accent); font-weight: 600; }
  /* The virtual rows need a sized scrolling parent: the flex child below is that parent. */
  .scroller { flex: 1; min-height: 0; overflow: auto; position: relative; overscroll-behavior: contain; overflow-anchor: none; }
  [role='grid'] { position: relative; min-width: 100%; }
  [role='grid']:focus-visible { outline-offset: -2px; }
  .head { position: sticky; top: 0; z-index: 3; }
  .body { position: relative; }
  /* The layer stays in view (sticky); rows move inside it by one transform per scroll. overflow: clip,
  not hidden: hidden would make a scroll container and break the pinned cells' sticky left. */
  .layer { position: sticky; top: var(--head-height); overflow: clip; }
  .rows { will-change: transform; }
  .row { display: grid; grid-template-columns: var(--cols); height: var(--row-height); box-sizing: border-box; border-bottom: 1px solid var(--_border); background: var(--_surface); contain: layout style; }
  .row:not(.header):not(.skeleton) { cursor: pointer; }
  .row:not(.header):hover .cell { background: var(--_surface-alt); }
  .row.selected .cell { background: color-mix(in srgb, var(--_accent) 12%, var(--_surface)); }
  .row.header { height: var(--head-height); }
  .header .cell { background: var(--_surface-alt); font-weight: 600; color: var(--_text); user-select: none; }
  .header .sortable { cursor: pointer; }
  .arrow { margin-left: 0.25rem; color: var(--_muted); }
  [aria-sort] .arrow { color: var(--_accent); }
  .cell { display: flex; align-items: center; gap: 0.35rem; min-width: 0; padding: 0 0.6rem; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; background: var(--_surface); }
  .cell:focus-visible,
  .cell:focus { outline: 2px solid var(--_focus); outline-offset: -2px; }
  .cell.num { justify-content: flex-end; font-variant-numeric: tabular-nums; }
  .cell.pinned { position: sticky; z-index: 1; }
  .cell.pin-edge { box-shadow: 2px 0 0 var(--_border); }
  .select { justify-content: center; padding: 0; }
  .select input { width: 18px; height: 18px; margin: 0; accent-color: var(--_accent); }
  .avatar { flex: none; display: inline-grid; place-items: center; width: 30px; height: 30px; border-radius: 50%; background: var(--_surface-alt); border: 1px solid var(--_border); color: var(--_text); font-size: 0.75rem; font-weight: 600; }
  .stack { display: flex; flex-direction: column; min-width: 0; line-height: 1.15; }
  .name { overflow: hidden; text-overflow: ellipsis; font-weight: 500; }
  .id { display: flex; align-items: center; color: var(--_muted); font-size: 0.75rem; }
  .doc { font-family: var(--cl-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace); font-variant-numeric: tabular-nums; }
  .icon-btn { flex: none; display: inline-grid; place-items: center; width: 24px; height: 24px; min-width: 24px; min-height: 24px; padding: 0; border: none; background: none; color: var(--_muted); cursor: pointer; }
  .icon-btn::before,
  .icon::before { content: ''; display: block; width: 16px; height: 16px; background: currentColor; mask: var(--icon) center / contain no-repeat; }
  .icon { display: inline-block; vertical-align: middle; margin-right: 0.25rem; }
  .icon-btn[aria-pressed='true'] { color: var(--_accent); background: color-mix(in srgb, var(--_accent) 14%, transparent); border-radius: 50%; }
  .icon-btn:hover { color: var(--_accent); }
  .icon-copy { --icon: ${svg("%3Crect x='9' y='9' width='12' height='12' rx='2'/%3E%3Cpath d='M5 15V5a2 2 0 0 1 2-2h10'/%3E")}; }
  .icon-eye { --icon: ${svg("%3Cpath d='M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z'/%3E%3Ccircle cx='12' cy='12' r='3'/%3E")}; }
  .icon-whatsapp { color: var(--cl-color-whatsapp, #0a7d38); --icon: ${svg("%3Cpath d='M3 21l1.7-5A8.5 8.5 0 1 1 8 19.3z'/%3E%3Cpath d='M9 9.5c0 3 2.5 5.5 5.5 5.5l1-1.5-2-1-1 .8a4 4 0 0 1-2-2l.8-1-1-2z'/%3E")}; }
  .chip { flex: none; display: inline-flex; align-items: center; gap: 0.3rem; padding: 0.1rem 0.5rem; border-radius: 999px; border: 1px solid var(--_border); font-size: 0.75rem; }
  .chip::before,
  .dot { content: ''; width: 8px; height: 8px; border-radius: 50%; background: var(--chip); display: inline-block; }
  .chip.inactive { border-style: dashed; color: var(--_muted); }
  .badge { padding: 0.1rem 0.5rem; border-radius: 999px; border: 1px solid currentColor; font-size: 0.75rem; font-weight: 600; }
  .badge.active { color: var(--_success); }
  .badge.inactive { color: var(--_muted); }
  .badge.blocked { color: var(--_warning); }
  .badge.deleted { color: var(--_danger); }
  .bone { display: block; width: 70%; height: 0.7rem; border-radius: 4px; background: var(--_surface-alt); }
  .state { position: absolute; inset: var(--head-height) 0 auto 0; padding: 2rem 1rem; text-align: center; }
  .page-error { position: sticky; left: 0; bottom: 0; z-index: 4; display: flex; gap: 0.5rem; align-items: center; justify-content: center; padding: 0.5rem; background: var(--_surface); color: var(--_danger); border-top: 1px solid var(--_border); }
  .notice { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--_border); background: var(--_surface-alt); color: var(--_text); }
  .notice.failed { background: color-mix(in srgb, var(--_danger) 10%, var(--_surface)); border-left: 4px solid var(--_danger); }
  .notice.done { border-left: 4px solid var(--_success); }
  .notice-text { flex: 1; min-width: 12rem; }
  .notice-icon { display: inline-grid; place-items: center; width: 1.25rem; height: 1.25rem; border-radius: 50%; font-weight: 700; font-size: 0.75rem; color: var(--_surface); background: var(--_success); }
  .notice.failed .notice-icon { background: var(--_danger); }
  .notice progress { width: 8rem; }
  .notice-dismiss { min-width: 32px; min-height: 32px; padding: 0; border: none; background: none; color: var(--_muted); font-size: 1.25rem; line-height: 1; cursor: pointer; }
  .state-title { font-size: 1rem; font-weight: 600; }
  /* The list layout (the element is narrower than 600px): one customer per row, name on top, then
  the masked document and the phone, each with its buttons; the rest is in the customer's card. */
  .toolbar.list { flex-wrap: nowrap; }
  .toolbar.list .search { flex: 1; min-width: 0; }
  .toolbar.list .search input { width: 100%; box-sizing: border-box; min-height: 44px; }
  .toolbar.list summary { min-height: 44px; white-space: nowrap; }
  .more-panel { right: 0; width: min(20rem, calc(100vw - 2rem)); max-height: 75vh; box-sizing: border-box; display: grid; gap: 0.75rem; }
  .more-panel .field { display: grid; gap: 0.25rem; }
  .more-panel select { min-height: 44px; width: 100%; }
  .more-panel .check { min-height: 44px; }
  .categories-list { margin: 0; padding: 0.25rem 0.5rem; border: 1px solid var(--_border); border-radius: var(--_radius); max-height: 28vh; overflow: auto; }
  .more-actions { display: grid; gap: 0.5rem; }
  .more-actions button { min-height: 44px; }
  .dot-badge { display: inline-block; width: 8px; height: 8px; border-radius: 50%; background: var(--_accent); margin-left: 0.25rem; }
  [role='grid'].list { width: 100%; }
  .list .row.header { grid-template-columns: 48px minmax(0, 1.3fr) minmax(0, 1fr) minmax(0, 1fr); }
  .list .row:not(.header) { grid-template-columns: 48px minmax(0, 1fr); grid-template-rows: 44px 22px 22px; align-content: center; }
  .list .row:not(.header) .select { grid-row: 1 / span 3; }
  .list .row:not(.header) .cell[data-key] { grid-column: 2; padding: 0 0.5rem 0 0.25rem; }
  .list .row:not(.header) .cell[data-key='name'] { padding-top: 0.25rem; }
  .list .header .cell { padding: 0 0.4rem; }
  .tabs.list [role='tab'] { padding: 0 0.5rem; font-size: 0.8125rem; flex: 1; }
  @media (prefers-reduced-motion: no-preference) { .bone { animation: pulse 1.2s ease-in-out infinite alternate; } @keyframes pulse { to { opacity: 0.45; } } }
`;
