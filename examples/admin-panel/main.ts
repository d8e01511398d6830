// The admin customer panel. Each view registers itself from its own module; this file only
// wires them together (one import per view).
import '../shared.js';
import './page-menu.js';
import './dialogs.js';
import './card-view.js';
// After card-view: its cl-customer-open listener must run before customer-view's fallback panel.
import './table-view.js';
import './tools-view.js';
import './registrations-view.js';
import './webhooks-view.js';
// After table-view: it points the table's message composer at this view's address.
import './messages-view.js';
import './automations-view.js';
import './privacy-view.js';
import './duplicates-view.js';
