/** `npm run asyncapi`: writes docs/asyncapi.yaml from libs/contracts (a test fails when it is stale). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderAsyncApiYaml } from '../libs/contracts/src';
import { version } from '../package.json';

const target = path.join(__dirname, '..', 'docs', 'asyncapi.yaml');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderAsyncApiYaml(version));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
