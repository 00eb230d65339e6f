import * as fs from 'node:fs';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const APPS = fs
  .readdirSync('apps', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
/** Another package's tests are its own: benches and tests use what libs/ export (@app/*). */
const OTHER_TESTS = {
  group: ['../../*/test/**', '../../../*/test/**', '../../../apps/*/test/**', '../../../libs/*/test/**'],
  message: 'Do not reach into another package’s test/ folder; use @app/testing.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'scratch/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Tests read JSON bodies loosely; production code may not use `any`.
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // One app shape (SIAP is the template): apps share only libs/, never each other's code.
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: APPS.filter((other) => other !== app).flatMap((other) => [`**/apps/${other}/**`, `../../${other}/**`, `../../../${other}/**`]),
              message: 'No app imports another app; share code through libs/.',
            },
            OTHER_TESTS,
          ],
        },
      ],
    },
  })),
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'libs/ never depend on an app.' }, OTHER_TESTS] }] },
  },
  {
    // Controllers answer HTTP; SQL lives in repositories and stores.
    files: ['apps/*/src/**/*.controller.ts', 'libs/*/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: 'No SQL in controllers: use a store or service.' },
            { name: '@nestjs/typeorm', message: 'No SQL in controllers: use a store or service.' },
          ],
        },
      ],
    },
  },
  {
    // The domain is plain TypeScript, table-tested without a framework or a database.
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'kafkajs',
                '@app/service-kit',
                '@app/service-kit/*',
                '@app/messaging',
                '@app/siap-read-model',
                '../*',
                '../../*',
              ],
              message: 'domain/ is pure: no framework, database or service code (nor anything outside domain/).',
            },
          ],
        },
      ],
    },
  },
);
