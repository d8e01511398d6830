// `npm start`: the mock server with seeded data and the example pages, URLs printed.
import { startExamples, startMockServer, PUBLISHABLE_KEY, SECRET_KEY } from './examples-harness.mjs';

const port = Number(process.env.PORT ?? 4010);
const seed = Number(process.env.CLIENTELA_SEED ?? 5000);

const api = await startMockServer({ port, seed, db: process.env.CLIENTELA_DB });
const pages = await startExamples({ apiUrl: api.url, port: Number(process.env.EXAMPLES_PORT ?? 5173) });

console.log(`
Clientela is running.

  Mock server      ${api.url}   (OpenAPI: ${api.url}/openapi.json)
  Secret key       ${SECRET_KEY}
  Publishable key  ${PUBLISHABLE_KEY}
  Seeded           ${seed} customers

  Admin panel      ${pages.adminUrl}
  Storefront       ${pages.storefrontUrl}
  Element docs     ${pages.docsUrl}   (live demos on a mock server inside the page)
  React example    ${pages.reactUrl}

Press Ctrl+C to stop.`);

const shutdown = async () => {
  await Promise.allSettled([pages.close(), api.close()]);
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
