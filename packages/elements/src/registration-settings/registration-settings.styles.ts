import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h2 { font-size: 1.125rem; margin: 0 0 0.25rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
  p { margin: 0 0 0.75rem; color: var(--_muted); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: middle; }
  select { min-width: 10rem; }
  .locked { color: var(--_muted); }
  .sections { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
  .actions { display: flex; gap: 0.75rem; align-items: center; margin-top: 1rem; }
  button { min-height: var(--_target); }
  .error { color: var(--_danger); }
  .ok { color: var(--_success); }
`;
