// The customer list: <cl-customer-table> in #main. Its query is mirrored in the page URL
// (`?q=…&kind=…&status=…&category-ids=…&sort=…`) so a filtered list can be bookmarked or shared,
// a row opens the customer (customer-view.ts, or the card view when it is loaded). A customer
// saved or created anywhere on the page reaches the rows through the shared client's change feed.
import '@clientela/elements/customer-table';
import { adminClient } from '../admin-client.js';
import './customer-view.js';

const QUERY_ATTRIBUTES = ['q', 'kind', 'status', 'category-ids', 'sort'] as const;

const main = document.querySelector<HTMLElement>('#main')!;
const table = document.createElement('cl-customer-table');
table.client = adminClient();
table.storageKey = 'clientela-admin-columns';
table.id = 'customers';

// Deep link in: the URL's parameters become the table's attributes before it first loads.
const params = new URLSearchParams(location.search);
for (const name of QUERY_ATTRIBUTES) {
  const value = params.get(name);
  if (value) table.setAttribute(name, value);
}

// Deep link out: the table reflects its query to attributes, so watch those.
new MutationObserver(() => {
  const url = new URL(location.href);
  for (const name of QUERY_ATTRIBUTES) {
    const value = table.getAttribute(name);
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  if (url.href !== location.href) history.replaceState(null, '', url);
}).observe(table, { attributes: true, attributeFilter: [...QUERY_ATTRIBUTES] });

// The list fills the space under the page header.
const style = document.createElement('style');
style.textContent = `
  #main { padding: 1rem 1.5rem; }
  #main cl-customer-table { --cl-customer-table-height: calc(100dvh - var(--table-top, 80px) - 2rem); }
  @media (max-width: 640px) {
    #main { padding: 0.5rem; }
    #main cl-customer-table { --cl-customer-table-height: calc(100dvh - var(--table-top, 60px) - 1rem); }
  }
`;
document.head.append(style);
main.replaceChildren(table);
// The header's height changes with the width (its buttons fold into a menu on phones).
const header = document.querySelector('.page-header');
if (header) new ResizeObserver(() => main.style.setProperty('--table-top', `${Math.ceil(header.getBoundingClientRect().height)}px`)).observe(header);

