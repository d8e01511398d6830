import { css } from 'lit';

/**
 * Styles of the table's lazily loaded parts (column menu, bulk bar, delete dialog). The parts
 * render in the table's shadow root (so `aria-controls` and `::part()` reach them, and the table's
 * own rules for buttons and popovers apply); each adopts this sheet there, once, when it connects,
 * so the first chunk does not carry them.
 */
export const partStyles = css`
  cl-table-bulk-bar { display: block; }
  .column-menu { right: 0; min-width: 20rem; }
  .column-menu ul { list-style: none; margin: 0 0 0.5rem; padding: 0; }
  .column-menu li { display: flex; align-items: center; gap: 0.25rem; }
  .column-menu li button { padding: 0; }
  .hint { margin: 0 0 0.5rem; color: var(--_muted); }
  .bulk { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.5rem 0.75rem; background: var(--_surface-alt); border-bottom: 1px solid var(--_border); }
  .bulk .group { display: inline-flex; flex-wrap: wrap; gap: 0.25rem; max-width: 100%; }
  .bulk .group select { max-width: 100%; }
  .icon-pin { --icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'%3E%3Crect x='5' y='11' width='14' height='10' rx='2'/%3E%3Cpath d='M8 11V7a4 4 0 0 1 8 0v4'/%3E%3C/svg%3E"); }
  dialog { border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); color: var(--_text); max-width: 28rem; }
  dialog h2 { font-size: 1.1rem; margin-top: 0; }
  dialog .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 1rem; }
`;
