import { describe, expect, it } from 'vitest';
import { parseLayout } from '../customer-table/columns.js';
import { layoutOfView, viewColumns } from './view-layout.js';

describe('a view’s columns and the table’s layout', () => {
  it('a layout saved as a view and applied again gives the same columns shown and pinned', () => {
    const layout = parseLayout(JSON.stringify({ order: ['email', 'name', 'totalSpent'], hidden: ['document', 'phone'], pinned: ['email'] }));
    const saved = viewColumns(layout);
    expect(saved.columns.slice(0, 3)).toEqual(['email', 'name', 'totalSpent']);
    expect(saved.columns).not.toContain('document');
    expect(saved.pinned).toEqual(['email']);
    const applied = layoutOfView(saved)!;
    expect(viewColumns(applied)).toEqual(saved);
  });

  it('drops columns it does not know and pins only shown ones; no columns leaves the layout alone', () => {
    const applied = layoutOfView({ columns: ['name', 'shoeSize', 'email'], pinned: ['email', 'status'] })!;
    expect(viewColumns(applied)).toEqual({ columns: ['name', 'email'], pinned: ['email'] });
    expect(layoutOfView({})).toBeUndefined();
  });
});
