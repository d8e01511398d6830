// The storefront Account page. Each catalog scenario lives in its own module.
import '../shared.js';
import './account-page.js';
import './account-view.js';
