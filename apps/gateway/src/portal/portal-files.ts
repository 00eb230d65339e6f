import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Paths that belong to the API and the platform, never to the portal's client-side routes. */
const NOT_PORTAL = /^\/(api|health|metrics)(\/|$|\?)/;
/** Vite names every built asset by its content hash, so a file under assets/ never changes. */
const IMMUTABLE = /[\\/]assets[\\/]/;
/** A missing file (an old hashed asset, a typo) is a 404, not the app shell. */
const FILE_LIKE = /\.[a-z0-9]{1,12}$/i;

/**
 * The staff portal (apps/portal, built into its dist/ folder) at `/`: hashed assets cached for a
 * year, everything else (index.html, the service worker, the manifest) revalidated on every load so a
 * new release reaches phones at once; any other path that is not the API answers index.html, where
 * the portal's router takes over. Pre-compressed copies (.br, .gz, written by `npm run build`) are
 * served to browsers that accept them.
 */
export async function servePortal(fastify: FastifyInstance, portalDir: string, logger: Logger): Promise<void> {
  const root = path.resolve(portalDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    logger.warn({ portalDir: root }, 'portal not built; run `npm run build` to serve it at /');
    fastify.get('/', (_request, reply) => {
      void reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(
          '<!doctype html><html lang="id"><meta charset="utf-8"><title>Portal ASN Sulteng</title><p>Portal belum dibangun. Jalankan <code>npm run build</code>.</p></html>',
        );
    });
    return;
  }
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', IMMUTABLE.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  fastify.get('/*', (request, reply) => {
    const url = request.url.split('?')[0];
    if (NOT_PORTAL.test(url)) return reply.callNotFound();
    if (FILE_LIKE.test(url)) {
      // A file the portal gained after the gateway started (rebuilt while running), or a 404.
      const file = builtFile(root, url);
      return file ? reply.sendFile(file) : reply.callNotFound();
    }
    // A client-side route (/presensi, /pegawai/1966…): the app shell answers, its router shows the page.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

/** The path under `root` of a URL's file, if there is one there (never outside it). */
function builtFile(root: string, url: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return null;
  }
  const full = path.resolve(root, `.${decoded}`);
  if (!full.startsWith(root + path.sep) || !fs.existsSync(full) || !fs.statSync(full).isFile()) return null;
  return path.relative(root, full);
}
