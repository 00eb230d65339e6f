import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export const PORTAL_ROOT = path.join(__dirname, '..', '..', 'apps', 'portal');
export const PORTAL_DIST = path.join(PORTAL_ROOT, 'dist');
const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json|txt)$/;

/** Whether the gateway has a built portal to serve. */
export const portalBuilt = () => fs.existsSync(path.join(PORTAL_DIST, 'index.html'));

/**
 * The portal's production build: its types checked against the API types (so an API change that
 * breaks a page breaks the build), Vite's bundle, then a Brotli and a gzip copy of every text file
 * so the gateway serves them compressed without compressing on each request.
 */
export function buildPortal(options: { outDir?: string; say?: (line: string) => void } = {}): string {
  const outDir = options.outDir ?? PORTAL_DIST;
  const say = options.say ?? console.log;
  const bin = (name: string) => path.join(__dirname, '..', '..', 'node_modules', '.bin', name);
  say('portal: type check');
  execFileSync(bin('tsc'), ['-p', path.join(PORTAL_ROOT, 'tsconfig.json')], { stdio: 'inherit' });
  say('portal: bundle');
  execFileSync(bin('vite'), ['build', '--config', path.join(PORTAL_ROOT, 'vite.config.mts'), '--outDir', outDir, '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: PORTAL_ROOT,
  });
  let files = 0;
  for (const file of walk(outDir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const body = fs.readFileSync(file);
    if (body.length < 1024) continue;
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
    files += 1;
  }
  say(`portal: built into ${path.relative(process.cwd(), outDir) || outDir} (${files} files pre-compressed)`);
  return outDir;
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}
