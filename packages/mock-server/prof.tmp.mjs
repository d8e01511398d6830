import { createApp } from './dist/index.js';
import { rmSync } from 'node:fs';
for (const f of ['', '-wal', '-shm']) rmSync('/tmp/p100k.sqlite' + f, { force: true });
for (const db of [undefined, '/tmp/p100k.sqlite']) {
  const s = createApp({ seed: 100000, db });
  const req = (u) => new Request(u, { headers: { Authorization: 'Bearer sk_test_clientela' } });
  for (const [label, urls] of [['page', ['/v1/customers?limit=50']], ['name', ['silva', 'santos', 'oliveira', 'souza', 'maria', 'joao', 'lima', 'costa'].map((q) => `/v1/customers?limit=50&q=${q}`)], ['cpf', ['453921', '127834', '998123', '300451'].map((q) => `/v1/customers?limit=50&q=${q}`)]]) {
    const times = [];
    for (let i = 0; i < 240; i++) {
      const c0 = process.cpuUsage();
      await (await s.fetch(req('http://x' + urls[i % urls.length]))).arrayBuffer();
      const c = process.cpuUsage(c0);
      if (i >= 40) times.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    console.log(db ? 'sqlite' : 'memory', label, 'cpu p50', times[100].toFixed(2), 'p99', times[197].toFixed(2));
  }
  s.close();
}
