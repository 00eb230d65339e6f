import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { renderAsyncApiYaml } from '../src';
import { version } from '../../../package.json';

const DOC = path.join(__dirname, '../../../docs/asyncapi.yaml');

describe('docs/asyncapi.yaml', () => {
  it('is up to date with libs/contracts (run `npm run asyncapi` after changing an event)', () => {
    expect(fs.readFileSync(DOC, 'utf8')).toBe(renderAsyncApiYaml(version));
  });

  it('is a valid AsyncAPI 3.0 document describing every topic and event', async () => {
    const { document, diagnostics } = await new Parser().parse(fs.readFileSync(DOC, 'utf8'));
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document).toBeDefined();
    const addresses = document!
      .channels()
      .all()
      .map((c) => c.address());
    expect(addresses.sort()).toEqual([
      'kmob.attendance.v1',
      'kmob.calendar.v1',
      'kmob.discipline.v1',
      'siap.employee.v1',
      'siap.organization.v1',
      'trk.activity.v1',
      'trk.performance.v1',
      'trk.skp.v1',
    ]);
    const names = document!
      .messages()
      .all()
      .map((m) => m.name());
    expect(names).toEqual(
      expect.arrayContaining([
        'siap.employee.registered',
        'siap.employee.transferred',
        'siap.unit.created',
        'kmob.attendance.checked-in',
        'kmob.discipline.month-corrected',
        'kmob.calendar.holiday-set',
        'kmob.calendar.holiday-removed',
        'trk.activity.recorded',
        'trk.activity.verified',
        'trk.performance.month-closed',
        'trk.performance.month-corrected',
        'trk.skp.rated',
        'trk.skp.finalised',
      ]),
    );
  });
});
