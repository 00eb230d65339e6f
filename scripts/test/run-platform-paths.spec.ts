import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ownedAndClosed } from '../../libs/testing/src/trusted-paths';
import { postgresDataDir } from '../platform/run-platform';

/**
 * `npm start` as root from a checkout other users cannot enter: the database goes under /var/tmp (here a
 * folder like it), where another user may have planted the name first.
 */
describe('npm start: where the embedded database lives', () => {
  let tmp: string;
  let dataDir: string;
  const said: string[] = [];

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-tmp-'));
    fs.chmodSync(tmp, 0o1777);
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-checkout-'));
    fs.chmodSync(checkout, 0o700);
    dataDir = path.join(checkout, '.data');
    fs.mkdirSync(dataDir);
    said.length = 0;
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('keeps it in a folder of its own, never in a symlink planted where that folder goes', () => {
    const say = (m: string) => said.push(m);
    if (process.getuid?.() !== 0) {
      // Not root: PostgreSQL runs as this user, who reaches the checkout; nothing goes to the shared folder.
      expect(postgresDataDir(dataDir, say, tmp)).toBe(path.join(dataDir, 'postgres'));
      expect(fs.readdirSync(tmp)).toEqual([]);
      return;
    }
    const own = postgresDataDir(dataDir, say, tmp);
    expect(ownedAndClosed(path.dirname(own))).toBe(true);
    expect(postgresDataDir(dataDir, say, tmp)).toBe(own); // found again on the next start
    // Another user takes the name first, pointing it at a folder root would then hand to the postgres user.
    fs.rmSync(path.dirname(own), { recursive: true });
    const victim = fs.mkdtempSync(path.join(os.tmpdir(), 'victim-'));
    fs.symlinkSync(victim, path.dirname(own));
    said.length = 0;
    const used = postgresDataDir(dataDir, say, tmp);
    expect(used.startsWith(`${path.dirname(own)}-`)).toBe(true);
    expect(ownedAndClosed(path.dirname(used))).toBe(true);
    expect(fs.statSync(path.dirname(used)).mode & 0o777).toBe(0o755);
    expect(said).toEqual([`${path.dirname(own)} is not this user's own folder; not using it`, expect.stringContaining(`keeping the database in ${used}`)]);
    expect(fs.readdirSync(victim)).toEqual([]);
    fs.rmSync(victim, { recursive: true });
  });
});
