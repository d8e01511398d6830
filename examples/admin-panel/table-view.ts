// The customer list: <cl-filter-builder> above <cl-customer-table> in #main. The whole view lives
// in the page URL — the query (`?q=…&kind=…&status=…&source=…&category-ids=…`), the filter
// (`filter=last-notwithin-90.uf-SP`), the sort, the unit whose figures it shows
// (`unit=loja_centro`) and the columns shown and pinned
// (`columns=name,email,totalSpent&pinned=name`) — so a view can be bookmarked or shared by link,
// and survives a reload. Saved views (the builder's "Visões" menu) apply a filter, sort and
// columns at once. A row opens the customer (customer-view.ts, or the card view when it is
// loaded). A customer saved or created anywhere on the page reaches the rows through the shared
// client's change feed.
import '@clientela/elements/customer-table';
import '@clientela/elements/filter-builder';
import { adminClient } from '../admin-client.js';
import './customer-view.js';

const QUERY_ATTRIBUTES = ['q', 'kind', 'status', 'source', 'category-ids', 'filter', 'sort', 'unit'] as const;

const main = document.querySelector<HTMLElement>('#main')!;
const client = adminClient();
const table = document.createElement('cl-customer-table');
table.client = client;
table.storageKey = 'clientela-admin-columns';
table.id = 'customers';
const builder = document.createElement('cl-filter-builder');
builder.client = client;
builder.for = 'customers';

// Deep link in: the URL's parameters become the table's attributes (and the builder's filter)
// before the table first loads; its columns become the table's layout.
const params = new URLSearchParams(location.search);
for (const name of QUERY_ATTRIBUTES) {
  const value = params.get(name);
  if (value) table.setAttribute(name, value);
}
builder.value = params.get('filter') ?? '';
const listed = (name: string) => params.get(name)?.split(',').filter(Boolean);
const columns = listed('columns');
if (columns) {
  const { order } = table.columnLayout;
  table.columnLayout = { order: [...columns, ...order.filter((k) => !columns.includes(k))], hidden: order.filter((k) => !columns.includes(k)), pinned: listed('pinned') ?? [] } as typeof table.columnLayout;
}

/** Writes the view to the URL: the table's reflected query and, when `withColumns`, its columns. */
function writeUrl(withColumns: boolean): void {
  const url = new URL(location.href);
  for (const name of QUERY_ATTRIBUTES) {
    const value = table.getAttribute(name);
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  if (withColumns) {
    const layout = table.columnLayout;
    url.searchParams.set('columns', layout.order.filter((k) => !layout.hidden.includes(k)).join(','));
    if (layout.pinned.length) url.searchParams.set('pinned', layout.pinned.join(','));
    else url.searchParams.delete('pinned');
  }
  if (url.href !== location.href) history.replaceState(null, '', url);
}

// Deep link out: the table reflects its query to attributes, so watch those; column changes and
// saved views come as events.
new MutationObserver(() => writeUrl(false)).observe(table, { attributes: true, attributeFilter: [...QUERY_ATTRIBUTES] });
table.addEventListener('cl-view-change', () => writeUrl(true));
builder.addEventListener('cl-view-select', (e) => writeUrl(!!e.detail.view.columns));

// The list fills the space under the page header and the filter bar.
const style = document.createElement('style');
style.textContent = `
  #main { padding: 1rem 1.5rem; }
  #main cl-filter-builder { margin-bottom: 0.75rem; }
  #main cl-customer-table { --cl-customer-table-height: calc(100dvh - var(--table-top, 80px) - 2rem); }
  @media (max-width: 640px) {
    #main { padding: 0.5rem; }
    /* On a phone every pixel above the list counts: the bar sits close to the table. */
    #main cl-filter-builder { margin-bottom: 0.25rem; }
    #main cl-customer-table { --cl-customer-table-height: calc(100dvh - var(--table-top, 60px) - 1rem); }
  }
`;
document.head.append(style);
main.replaceChildren(builder, table);
// The header's height changes with the width (its buttons fold into a menu on phones), the
// filter bar's with its chips.
const header = document.querySelector('.page-header');
const measure = () => {
  const top = (header?.getBoundingClientRect().height ?? 0) + builder.getBoundingClientRect().height + 12;
  main.style.setProperty('--table-top', `${Math.ceil(top)}px`);
};
const resizes = new ResizeObserver(measure);
if (header) resizes.observe(header);
resizes.observe(builder);
