/**
 * What a service is, in one small typed object next to its code (`apps/<name>/service.ts`): everything
 * that runs or deploys it (`npm start`, the gateway's routes and body limits, nest-cli.json,
 * docker-compose.yml, deploy/k8s, the database init script) is derived from it, so adding a service is
 * a folder and one line in `apps/registry.ts`. Plain data: reading it loads no framework.
 */
export interface ServiceDescriptor {
  /** Short name: route prefix /api/v1/<name>, database <name>, CloudEvents source /sulteng/<name>. */
  name: string;
  title: string;
  description: string;
  /** Its port in the one-machine run and in containers (override with <NAME>_PORT for `npm start`). */
  port: number;
  /** Only the gateway faces people; every other service is reached through it. */
  public?: boolean;
  /** The folder of the service (default `apps/<name>`), whose `src/main.ts` starts it. */
  root?: string;
  /** Request bodies above this are refused with 413 (JSON); default 1 MiB. */
  bodyLimitBytes?: number;
  /** Content types taken as raw text (CSV imports), with their own size limit. */
  textBodies?: { types: string[]; limitBytes: number };
  /** Replicas in production, and of the separate worker that runs its durable jobs (0: jobs run in the API process). */
  replicas: number;
  workerReplicas?: number;
  /**
   * It keeps uploaded files (selfies, attachments) through FILE_STORAGE: only such a service is given
   * the storage, which checks its folder at start-up, and compose and k8s mount a volume shared by its
   * replicas and worker as FILES_DIR.
   */
  storesFiles?: boolean;
  /** Settings of its own beyond the ones every service reads, as compose and k8s should set them. */
  env?: Record<string, EnvSetting>;
  /** Kafka topics it publishes and reads (documentation for the deployment and the AsyncAPI readers). */
  produces: string[];
  consumes: string[];
}

export interface EnvSetting {
  description: string;
  /** A value to set in compose and k8s; a secret is read from the orchestrator's secret store instead. */
  value?: string;
  /** The value in Kubernetes where it differs (the gateway sits behind the province's Ingress there, not in compose). */
  k8sValue?: string;
  secret?: boolean;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export function defineService(descriptor: ServiceDescriptor): ServiceDescriptor {
  if (!/^[a-z][a-z0-9]*$/.test(descriptor.name)) throw new Error(`service name ${descriptor.name} must be lowercase letters and digits`);
  return descriptor;
}

export const serviceRoot = (s: ServiceDescriptor) => s.root ?? `apps/${s.name}`;
export const serviceEntry = (s: ServiceDescriptor) => `${serviceRoot(s)}/src/main.ts`;
export const routePrefixOf = (s: ServiceDescriptor) => `api/v1/${s.name}`;

/**
 * The gateway's routes to the other services, as one setting: `name=url` pairs, and each service's
 * body limits (`name=json:text` bytes). The gateway reads these instead of a field per service.
 */
export function upstreamSettings(
  services: readonly ServiceDescriptor[],
  urlOf: (s: ServiceDescriptor) => string,
): { UPSTREAMS: string; UPSTREAM_BODY_LIMITS: string } {
  const routed = services.filter((s) => !s.public);
  return {
    UPSTREAMS: routed.map((s) => `${s.name}=${urlOf(s)}`).join(','),
    UPSTREAM_BODY_LIMITS: routed.map((s) => `${s.name}=${s.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES}:${s.textBodies?.limitBytes ?? 0}`).join(','),
  };
}
