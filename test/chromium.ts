export { CHROMIUM_ARGS, CHROMIUM_MISSING, chromiumPath } from './chromium.mjs';
