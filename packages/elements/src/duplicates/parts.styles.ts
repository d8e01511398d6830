import { css } from 'lit';

/** Styles of the dialogs, adopted into `<cl-duplicates>`'s shadow root when they first connect. */
export const partStyles = css`
  cl-duplicates-compare, cl-duplicates-bulk { display: contents; }
  input[type='radio'] { width: 24px; height: 24px; margin: 0; }
  label.choice { display: flex; gap: 0.5rem; align-items: center; min-height: 24px; }
  dialog { max-width: 48rem; width: calc(100% - 2rem); border: 1px solid var(--_border); border-radius: 8px; }
  dialog form { display: flex; flex-direction: column; gap: 0.75rem; }
  fieldset { border: 1px solid var(--_border); border-radius: 6px; display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; }
  legend { font-weight: 600; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin: 0; }
  dd { margin: 0; }
  .dialog-actions { display: flex; gap: 0.5rem; justify-content: flex-end; }
`;
