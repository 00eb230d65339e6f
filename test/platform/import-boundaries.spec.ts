import { execFileSync } from 'node:child_process';

/**
 * The app shape is enforced by ESLint (eslint.config.mjs). Flat config keeps only the last matching
 * `no-restricted-imports`, which once let controllers import other apps: every kind of file is
 * probed here with an import it must refuse and one it may make.
 */
type Probe = [what: string, file: string, source: string];

/** ESLint loads its ES-module config only outside jest's VM: one child process lints every probe. */
function lint(probes: Probe[]): Map<string, boolean> {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = {};
      for (const [what, file, source] of JSON.parse(process.argv[1])) {
        const [result] = await eslint.lintText(source, { filePath: file });
        out[what] = result.messages.some((m) => m.ruleId === 'no-restricted-imports');
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return new Map(
    Object.entries(JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(probes)], { encoding: 'utf8' })) as Record<string, boolean>),
  );
}

describe('import boundaries', () => {
  const refused: Probe[] = [
    ['a service file importing another app', 'apps/kmob/src/check-ins/probe.ts', "import '../../../siap/src/main';\n"],
    ['a controller importing another app', 'apps/kmob/src/check-ins/probe.controller.ts', "import '../../../siap/src/main';\n"],
    ['a controller importing typeorm', 'apps/siap/src/units/probe.controller.ts', "import 'typeorm';\n"],
    ['a controller importing another package’s tests', 'apps/kmob/src/check-ins/probe.controller.ts', "import '../../../siap/test/helpers';\n"],
    ['a domain file importing Nest', 'apps/kmob/src/domain/probe.ts', "import '@nestjs/common';\n"],
    ['a domain file importing another app', 'apps/kmob/src/domain/probe.ts', "import '../../../siap/src/main';\n"],
    ['a library importing an app', 'libs/service-kit/src/probe.ts', "import '../../../apps/siap/src/main';\n"],
    ['a library controller importing an app', 'libs/service-kit/src/jobs/probe.controller.ts', "import '../../../../apps/siap/src/main';\n"],
    ['the portal importing server code', 'apps/portal/src/pages/probe.tsx', "import '@app/service-kit';\n"],
  ];
  const allowed: Probe[] = [
    ['a service file importing a library', 'apps/kmob/src/check-ins/probe.ts', "import '@app/service-kit';\n"],
    ['a controller importing its service', 'apps/kmob/src/check-ins/probe.controller.ts', "import './check-in.service';\n"],
    ['a domain file importing its neighbour', 'apps/kmob/src/domain/probe.ts', "import './geofence';\n"],
    ['the portal’s browser test importing the test kit', 'apps/portal/test/probe.ts', "import '@app/testing';\n"],
  ];
  let verdicts: Map<string, boolean>;
  beforeAll(() => (verdicts = lint([...refused, ...allowed])), 60_000);

  it.each(refused.map(([what]) => what))('refuses %s', (what) => expect(verdicts.get(what)).toBe(true));
  it.each(allowed.map(([what]) => what))('allows %s', (what) => expect(verdicts.get(what)).toBe(false));
});
