import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { SERVICES } from '../../apps/registry';
import { FILES_MOUNT, generatedFiles } from '../../scripts/platform/generated-files';

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
  volumes?: string[];
};

type K8sDoc = { kind: string; metadata: { name: string }; spec: any };

const k8sDocs = (app: string): K8sDoc[] => parseAllDocuments(fs.readFileSync(path.join(ROOT, 'deploy/k8s', `${app}.yaml`), 'utf8')).map((d) => d.toJS());
const envOf = (container: { env: { name: string; value?: string }[] }) => Object.fromEntries(container.env.map((e) => [e.name, e.value ?? 'from-secret']));
const STORES_FILES = SERVICES.filter((s) => s.storesFiles).map((s) => s.name);

describe('deployment descriptors (no Docker engine here: parsed and checked)', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
    volumes: Record<string, null>;
  };

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
      // Every service behind the gateway, by its name in the network and its descriptor's port.
      const upstreams = SERVICES.filter((s) => !s.public)
        .map((s) => `${s.name}=http://${s.name}:${s.port}`)
        .join(',');
      expect(upstreams).toContain('siap=http://siap:3001,kmob=http://kmob:3002');
      expect(service.environment).toMatchObject({ NODE_ENV: 'production', UPSTREAMS: upstreams });
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

  it('stores K-Mob files (selfies, attachments) and TRK evidence: the services that keep files say so', () => {
    expect(STORES_FILES).toEqual(['kmob', 'trk']);
  });

  it.each(STORES_FILES)('gives %s and its worker FILES_DIR on one named volume in compose', (app) => {
    const containers = [app, ...(SERVICES.find((s) => s.name === app)!.workerReplicas ? [`${app}-worker`] : [])];
    for (const name of containers) {
      expect(compose.services[name].environment!.FILES_DIR).toBe(FILES_MOUNT);
      expect(compose.services[name].volumes).toEqual([`${app}-files:${FILES_MOUNT}`]);
    }
    expect(Object.keys(compose.volumes)).toContain(`${app}-files`);
  });

  it.each(STORES_FILES)('gives every %s pod FILES_DIR on one ReadWriteMany claim in Kubernetes, writable by the image user', (app) => {
    const docs = k8sDocs(app);
    const claim = docs.find((d) => d.kind === 'PersistentVolumeClaim');
    expect(claim).toMatchObject({ metadata: { name: `${app}-files` }, spec: { accessModes: ['ReadWriteMany'] } });
    const deployments = docs.filter((d) => d.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name)).toEqual([app, ...(SERVICES.find((s) => s.name === app)!.workerReplicas ? [`${app}-worker`] : [])]);
    for (const deployment of deployments) {
      const pod = deployment.spec.template.spec;
      const container = pod.containers[0];
      expect(envOf(container).FILES_DIR).toBe(FILES_MOUNT);
      const mount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === FILES_MOUNT);
      expect(pod.volumes).toContainEqual({ name: mount.name, persistentVolumeClaim: { claimName: `${app}-files` } });
      expect(pod.securityContext).toEqual({ fsGroup: 1000 });
    }
  });

  it.each(APPS.filter((app) => !STORES_FILES.includes(app)))('mounts no file volume for %s, which stores no files', (app) => {
    expect(compose.services[app].volumes).toBeUndefined();
    expect(compose.services[app].environment!.FILES_DIR).toBeUndefined();
    expect(k8sDocs(app).filter((d) => d.kind === 'PersistentVolumeClaim')).toEqual([]);
  });

  it('gives the image user a folder of its own for stored files, where the volumes are mounted', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    const made = runtime.search(/RUN mkdir -p \/app\/\.data\/files && chown -R node:node \/app\/\.data/);
    expect(made).toBeGreaterThan(-1);
    expect(made).toBeLessThan(runtime.indexOf('USER node'));
    expect(runtime).toMatch(/WORKDIR \/app\n/);
    expect(FILES_MOUNT.startsWith('/app/.data/')).toBe(true);
  });

  it('believes X-Forwarded-For from the one Ingress hop in Kubernetes, and from nobody where the gateway is published directly', () => {
    const gateway = k8sDocs('gateway').find((d) => d.kind === 'Deployment' && d.metadata.name === 'gateway')!;
    expect(envOf(gateway.spec.template.spec.containers[0]).TRUST_PROXY).toBe('1');
    expect(compose.services.gateway.ports).toEqual(['3000:3000']);
    expect(compose.services.gateway.environment!.TRUST_PROXY).toBeUndefined();
    for (const app of APPS.filter((a) => a !== 'gateway')) {
      const deployment = k8sDocs(app).find((d) => d.kind === 'Deployment')!;
      expect(envOf(deployment.spec.template.spec.containers[0]).TRUST_PROXY).toBeUndefined();
    }
  });

  it('builds every app in the image that the descriptors run', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toContain('node dist/apps/${SERVICE}/src/main.js');
  });

  it('carries the built staff portal where the gateway serves it from (PORTAL_DIR, relative to /app)', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const [build, runtime] = [dockerfile.slice(0, dockerfile.lastIndexOf('FROM ')), dockerfile.slice(dockerfile.lastIndexOf('FROM '))];
    // The portal's build script lives in scripts/, so it must be in the build stage before `npm run build`.
    expect(build.indexOf('COPY scripts ./scripts')).toBeGreaterThan(-1);
    expect(build.indexOf('COPY scripts ./scripts')).toBeLessThan(build.indexOf('RUN npm run build'));
    expect(runtime).toContain('COPY --from=build /app/apps/portal/dist ./apps/portal/dist');
    const config = fs.readFileSync(path.join(ROOT, 'apps/gateway/src/gateway.config.ts'), 'utf8');
    expect(config).toMatch(/PORTAL_DIR: string = 'apps\/portal\/dist'/);
  });
});
