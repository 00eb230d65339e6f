import Fastify from 'fastify';

/**
 * The bench's calibration: two bare pages from a bare Fastify app, the least a browser can do for the
 * same job. `/calibration` enables a "Presensi masuk" button once the position is known (the check-in
 * page's job without the portal); `/calibration-json` fetches a small JSON and notes when it arrived
 * (the recap's job without React, the chart or the recap's query).
 */
export async function startCalibrationPages(): Promise<{ origin: string; stop(): Promise<void> }> {
  const app = Fastify({ logger: false });
  const html = (script: string) =>
    `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Kalibrasi</title><main><h1>Kalibrasi</h1><button disabled>Presensi masuk</button></main><script>${script}</script></html>`;
  app.get('/calibration', (_request, reply) =>
    reply.type('text/html').send(html(`navigator.geolocation.getCurrentPosition(() => { document.querySelector('button').disabled = false; });`)),
  );
  app.get('/calibration-json', (_request, reply) =>
    reply.type('text/html').send(html(`fetch('/calibration-data').then((r) => r.json()).then(() => { window.fetchedAt = performance.now(); });`)),
  );
  app.get('/calibration-data', async () => ({ total: { employees: 36005, present: 30000 }, units: [] }));
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin, stop: () => app.close() };
}
