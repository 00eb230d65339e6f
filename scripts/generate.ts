/** `npm run generate`: writes what is derived from the service descriptors (see scripts/platform/generated-files.ts). */
import { SERVICES } from '../apps/registry';
import { writeGeneratedFiles } from './platform/generated-files';

for (const file of writeGeneratedFiles(SERVICES)) console.log(`wrote ${file}`);
