import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, startTestBroker, type TestBroker } from '@app/testing';
import { parse, parseAllDocuments } from 'yaml';
import { SERVICES } from '../../apps/registry';
import { generatedFiles } from '../../scripts/platform/generated-files';
import { runPlatform, type RunningPlatform } from '../../scripts/platform/run-platform';
import { FAKE } from '../fixtures/fake-service/service';

/** The registry with one more line: the new service before the gateway, as apps/registry.ts would list it. */
const WITH_FAKE = [...SERVICES.filter((s) => !s.public), FAKE, ...SERVICES.filter((s) => s.public)];

/**
 * Adding a service is one folder (test/fixtures/fake-service: a descriptor and a main) and one line in
 * the registry: it then appears in compose, k8s, the database init script, nest-cli.json, `npm start`
 * and the gateway's routes and API document.
 */
describe('a new service', () => {
  it('appears in compose, Kubernetes, the database init script and nest-cli.json', () => {
    const files = new Map(generatedFiles(WITH_FAKE).map((f) => [f.path, f.content]));
    const compose = parse(files.get('docker-compose.yml')!) as { services: Record<string, { environment: Record<string, string> }> };
    expect(compose.services.fake.environment).toMatchObject({ SERVICE: 'fake', PORT: '3099', DATABASE_URL: expect.stringMatching(/@postgres:5432\/fake$/) });
    expect(compose.services.gateway.environment.UPSTREAMS).toContain('fake=http://fake:3099');
    const k8s = parseAllDocuments(files.get('deploy/k8s/fake.yaml')!).map((d) => d.toJS());
    expect(k8s.map((d) => d.kind)).toEqual(['Deployment', 'Service']);
    expect(files.get('deploy/postgres/init-databases.sql')).toContain('CREATE DATABASE fake;');
    expect(JSON.parse(files.get('nest-cli.json')!).projects.fake).toMatchObject({ type: 'application', root: 'test/fixtures/fake-service' });
  });

  describe('in npm start', () => {
    let broker: TestBroker;
    let platform: RunningPlatform;
    let dataDir: string;

    beforeAll(async () => {
      broker = await startTestBroker();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-service-'));
      platform = await runPlatform({
        services: WITH_FAKE.filter((s) => s.name === 'fake' || s.public),
        dataDir,
        env: {
          ...process.env,
          DATABASE_URL: process.env.TEST_PG_ADMIN_URL,
          KAFKA_BROKERS: broker.address,
          GATEWAY_PORT: String(await freePort()),
          FAKE_PORT: String(await freePort()),
          GATEWAY_HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        },
        say: () => undefined,
        log: () => undefined,
      });
    }, 120_000);
    afterAll(async () => {
      await platform?.stop();
      await broker.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('is started, and reached through the gateway with the caller’s identity', async () => {
      const gateway = platform.gatewayUrl.replace('localhost', '127.0.0.1');
      const login = await fetch(`${gateway}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nip: platform.secrets.ADMIN_NIP, password: platform.secrets.ADMIN_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const hello = await fetch(`${gateway}/api/v1/fake/hello`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect([hello.status, await hello.json()]).toEqual([200, { pesan: 'Halo dari layanan baru', untuk: platform.secrets.ADMIN_NIP }]);
      const docs = (await (await fetch(`${gateway}/api/docs/json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(docs.paths)).toContain('/api/v1/fake/hello');
    });
  });
});
