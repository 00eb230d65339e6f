import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PORTAL_API_TYPES } from '../../scripts/platform/platform-openapi';

const ROOT = path.join(__dirname, '../..');

// The portal is type-checked against the committed API types; they must be what the code's API is today,
// or an API change could slip past the portal's build. `npm run api-types` refreshes them. The generator
// runs as its own process because openapi-typescript is an ES module, which this test runner cannot load.
describe("the portal's API types", () => {
  it('are generated from the current OpenAPI document of every service', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-types-'));
    try {
      const fresh = path.join(dir, 'schema.d.ts');
      execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/api-types.ts', '--out', fresh], { cwd: ROOT, stdio: 'pipe' });
      const committed = fs.readFileSync(path.join(ROOT, PORTAL_API_TYPES), 'utf8');
      expect(fs.readFileSync(fresh, 'utf8').split('\n')).toEqual(committed.split('\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
