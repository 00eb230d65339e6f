import * as fs from 'node:fs';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const APPS = fs
  .readdirSync(new URL('./apps', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
/** Another package's tests are its own: benches and tests use what libs/ export (@app/*). */
const OTHER_TESTS = {
  group: ['../../*/test/**', '../../../*/test/**', '../../../apps/*/test/**', '../../../libs/*/test/**'],
  message: 'Do not reach into another package’s test/ folder; use @app/testing.',
};

/** The portal runs in the browser and talks to the platform only through its generated API client. */
const BROWSER_ONLY = {
  group: ['@app/*', 'node:*', '@nestjs/*', 'typeorm', 'pg'],
  message: 'The portal runs in a browser: use its API client, not server code.',
};
/** Controllers answer HTTP; SQL lives in repositories and stores. */
const NO_SQL = [
  { name: 'typeorm', message: 'No SQL in controllers: use a store or service.' },
  { name: '@nestjs/typeorm', message: 'No SQL in controllers: use a store or service.' },
];
/** The domain is plain TypeScript, table-tested without a framework or a database. */
const PURE_DOMAIN = {
  group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@app/service-kit', '@app/service-kit/*', '@app/messaging', '@app/siap-read-model', '../*', '../../*'],
  message: 'domain/ is pure: no framework, database or service code (nor anything outside domain/).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'scratch/**',
      '**/*.js',
      '**/*.mjs',
      'apps/portal/dist/**',
      'apps/portal/src/api/schema.d.ts',
    ],
  },
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
  // One app shape (SIAP is the template). Flat config keeps only the last `no-restricted-imports`
  // that matches a file, so each kind of file gets every restriction that applies to it in one place.
  ...APPS.flatMap((app) => restrictedImports(`apps/${app}`, [crossApp(app), OTHER_TESTS])),
  {
    files: ['apps/portal/src/**/*.ts', 'apps/portal/src/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossApp('portal'), BROWSER_ONLY] }] },
  },
  ...restrictedImports('libs', [{ group: ['**/apps/**'], message: 'libs/ never depend on an app.' }, OTHER_TESTS]),
  {
    // The portal is React: hooks follow React's rules.
    files: ['apps/portal/src/**/*.tsx', 'apps/portal/src/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
);

function crossApp(app) {
  return {
    group: APPS.filter((other) => other !== app).flatMap((other) => [`**/apps/${other}/**`, `../../${other}/**`, `../../../${other}/**`]),
    message: 'No app imports another app; share code through libs/.',
  };
}

/** A package's files, its controllers (no SQL) and, in apps, its pure domain/. */
function restrictedImports(root, patterns) {
  const rule = (extra = {}) => ({
    rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...(extra.patterns ?? [])], paths: extra.paths ?? [] }] },
  });
  return [
    { files: [`${root}/**/*.ts`, `${root}/**/*.tsx`], ...rule() },
    { files: [`${root}/**/*.controller.ts`], ...rule({ paths: NO_SQL }) },
    { files: [`${root}/src/domain/**/*.ts`], ...rule({ patterns: [PURE_DOMAIN] }) },
  ];
}
