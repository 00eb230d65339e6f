import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { SERVICES } from '../../apps/registry';
import { generatedFiles } from '../../scripts/platform/generated-files';

const ROOT = path.join(__dirname, '../..');
const APPS = SERVICES.map((s) => s.name);
const REQUIRED_ENV = ['SERVICE', 'PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'INTERNAL_AUTH_SECRET'];

type Service = {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
};

describe('deployment descriptors (no Docker engine here: parsed and checked)', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };

  it.each(generatedFiles(SERVICES).map((f) => [f.path, f.content]))('%s is what the service descriptors generate (run `npm run generate`)', (file, content) => {
    expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toBe(content);
  });

  it('has a service for every app, its job worker where it has one, PostgreSQL and Apache Kafka', () => {
    const workers = SERVICES.filter((s) => s.workerReplicas).map((s) => `${s.name}-worker`);
    expect(Object.keys(compose.services).sort()).toEqual(['kafka', 'postgres', ...APPS, ...workers].sort());
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:/);
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
  });

  it.each(APPS)('runs %s from the image with its own database, Kafka and a readiness check', (app) => {
    const service = compose.services[app];
    expect(service.build).toBeDefined();
    expect(Object.keys(service.environment ?? {})).toEqual(expect.arrayContaining(REQUIRED_ENV));
    expect(service.environment!.SERVICE).toBe(app);
    expect(service.environment!.DATABASE_URL).toMatch(new RegExp(`@postgres:5432/${app}$`));
    expect(service.environment!.KAFKA_BROKERS).toBe('kafka:9092');
    expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, kafka: { condition: 'service_healthy' } });
    expect(service.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${service.environment!.PORT}/health/ready`);
    // Only the gateway is published; every other service stays inside the network.
    expect(service.ports).toEqual(app === 'gateway' ? [`${service.environment!.PORT}:${service.environment!.PORT}`] : undefined);
    if (app === 'gateway') {
      expect(service.environment).toMatchObject({ NODE_ENV: 'production', UPSTREAMS: 'siap=http://siap:3001,kmob=http://kmob:3002' });
      expect(Object.keys(service.environment!)).toEqual(expect.arrayContaining(['JWT_SECRET', 'ADMIN_NIP', 'ADMIN_PASSWORD', 'UPSTREAM_BODY_LIMITS']));
    }
    expect(fs.readFileSync(path.join(ROOT, 'deploy/postgres/init-databases.sql'), 'utf8')).toContain(`CREATE DATABASE ${app};`);
  });

  it.each(APPS)('has a Kubernetes Deployment and Service for %s with probes on the health endpoints', (app) => {
    const docs = parseAllDocuments(fs.readFileSync(path.join(ROOT, 'deploy/k8s', `${app}.yaml`), 'utf8')).map((d) => d.toJS());
    const deployment = docs.find((d) => d.kind === 'Deployment');
    const service = docs.find((d) => d.kind === 'Service');
    const container = deployment.spec.template.spec.containers[0];
    const env = Object.fromEntries(container.env.map((e: { name: string; value?: string }) => [e.name, e.value ?? 'from-secret']));
    expect(Object.keys(env)).toEqual(expect.arrayContaining(REQUIRED_ENV));
    expect(env.SERVICE).toBe(app);
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.ports[0].containerPort).toBe(Number(env.PORT));
    expect(deployment.spec.selector.matchLabels).toEqual(service.spec.selector);
    const worker = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === `${app}-worker`);
    if (SERVICES.find((s) => s.name === app)!.workerReplicas) {
      expect(worker.spec.template.spec.containers[0].env).toContainEqual({ name: 'SERVICE_ROLE', value: 'worker' });
      expect(env.SERVICE_ROLE).toBe('api');
    } else expect(worker).toBeUndefined();
  });

  it('builds every app in the image that the descriptors run', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toContain('node dist/apps/${SERVICE}/src/main.js');
  });
});
