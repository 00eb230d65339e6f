/**
 * The HTTP calibration's server (run by `startBareFastify`, not imported): Fastify with nothing on it,
 * answering every GET with 200 and every POST with 201 and the same small JSON, after parsing the body
 * as any route would. What it costs is what this machine charges for an HTTP round trip on Node.
 */
import Fastify from 'fastify';

const answer = { ok: true, service: 'calibration', at: '2026-01-01T00:00:00.000Z' };
const app = Fastify({ logger: false });
app.get('/*', async () => answer);
app.post('/*', async (_request, reply) => reply.code(201).send(answer));
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) }).then(
  (address) => console.log(`listening on ${address}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
