import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

import { mergeOpenApiDocuments, type OpenApi } from '@app/service-kit';

/**
 * One OpenAPI document for the whole platform at /api/docs: the gateway's own routes and every
 * service's, fetched from the services on request (so it is always current) and merged. A service that
 * does not answer is listed in the description instead of failing the page.
 */
export function registerPlatformDocs(fastify: FastifyInstance, upstreams: Record<string, string>, logger: Logger): void {
  fastify.get('/api/docs/json', async () => {
    const own = JSON.parse((await fastify.inject({ method: 'GET', url: '/api/v1/gateway/docs/json' })).body) as OpenApi;
    const missing: string[] = [];
    const docs = await Promise.all(
      Object.entries(upstreams).map(async ([name, url]) => {
        try {
          const response = await fetch(`${url}/api/v1/${name}/docs/json`, { signal: AbortSignal.timeout(2000) });
          if (!response.ok) throw new Error(`status ${response.status}`);
          return (await response.json()) as OpenApi;
        } catch (error) {
          logger.warn({ service: name, err: (error as Error).message }, 'service API document unavailable');
          missing.push(name);
          return null;
        }
      }),
    );
    const description = `Every route through the gateway; send the access token from POST /api/v1/auth/login as a Bearer token.${missing.length ? ` Unavailable now: ${missing.join(', ')}.` : ''}`;
    const merged = mergeOpenApiDocuments(
      own,
      docs.filter((d): d is OpenApi => d !== null),
      description,
    );
    return merged;
  });

  // Swagger UI from the assets @nestjs/swagger already serves for the gateway's own document.
  fastify.get('/api/docs', async (_request, reply) => {
    const assets = '/api/v1/gateway/docs';
    void reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>API Platform ASN Sulteng</title>
<link rel="stylesheet" href="${assets}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="${assets}/swagger-ui-bundle.js"></script><script src="${assets}/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/docs/json', dom_id: '#swagger-ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });</script>
</body></html>`);
  });
}
