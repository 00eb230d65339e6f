import * as fs from 'node:fs';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ServiceDescriptor } from './service-descriptor';

export type OpenApi = OpenAPIObject;

/** A service's OpenAPI document as its app would serve it, built from its modules' metadata alone. */
export function openApiDocument(app: NestFastifyApplication, descriptor: ServiceDescriptor): OpenApi {
  return SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(descriptor.title).setDescription(descriptor.description).setVersion('1').build(), {
    // Unique across the platform's merged document (every service has a JobsController.get).
    operationIdFactory: (controller, method) => `${descriptor.name}_${controller.replace(/Controller$/, '')}_${method}`,
  });
}

/**
 * Writes a service's OpenAPI document to `file` and exits, without a database, a broker or a port
 * (Nest's preview mode instantiates nothing): how the build learns the platform's API, as island.is
 * does, so the portal's types come from code, never from a running platform.
 */
export async function writeOpenApiDocument(descriptor: ServiceDescriptor, rootModule: DynamicModule, routePrefix: string, file: string): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, new FastifyAdapter(), { preview: true, logger: false });
  app.setGlobalPrefix(routePrefix, { exclude: ['health/live', 'health/ready'] });
  fs.writeFileSync(file, JSON.stringify(openApiDocument(app, descriptor)));
  await app.close();
}

/** The gateway's own document with every service's merged in: one document for the whole platform. */
export function mergeOpenApiDocuments(own: OpenApi, services: OpenApi[], description: string): OpenApi {
  const merged: OpenApi = {
    ...own,
    paths: { ...own.paths },
    components: { ...own.components, schemas: { ...own.components?.schemas } },
    tags: [...(own.tags ?? [])],
  };
  for (const doc of services) {
    Object.assign(merged.paths, doc.paths);
    Object.assign(merged.components!.schemas!, doc.components?.schemas);
    merged.tags!.push(...(doc.tags ?? []).filter((t) => !merged.tags!.some((m) => m.name === t.name)));
  }
  merged.info = { title: 'Sulteng ASN platform API', version: '1', description };
  merged.components = { ...merged.components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } };
  merged.security = [{ bearer: [] }];
  return merged;
}
