import type { Identity } from '@app/auth';
import { verificationDeadline } from '../src/activities/verification-deadline';
import { canVerifyActivities } from '../src/common/trk-access';
import { decodeEvidence } from '../src/files/evidence-upload';
import { nearestRuleOn } from '../src/rules/effective-rules';
import { ruleProblems } from '../src/rules/rule-validation';
import normSeed from '../src/rules/seed/norm.json';
import workdaySeed from '../src/rules/seed/workday-rules.json';

const who = (nip: string, roles: Identity['roles'], unitCode = 'BKD-MUTASI'): Identity => ({ nip, name: 'x', roles, unitCode });
const ANALIS = { nip: '199003152015031002', unitPath: ['BKD-MUTASI', 'BKD'] };

describe('who verifies an employee’s activities', () => {
  it.each([
    ['the atasan by position', true, who('197503152005031001', ['PEGAWAI']), '197503152005031001'],
    ['an operator of the unit, with the atasan in post', false, who('198001012006041099', ['OPERATOR_OPD'], 'BKD'), '197503152005031001'],
    ['BKD, with the atasan in post', false, who('196608011988031001', ['ADMIN_BKD']), '197503152005031001'],
    ['another atasan', false, who('197203152000031004', ['ATASAN']), '197503152005031001'],
    ['an operator of the unit, with the position vacant', true, who('198001012006041099', ['OPERATOR_OPD'], 'BKD'), null],
    ['an operator of another unit, with the position vacant', false, who('198001012006041098', ['OPERATOR_OPD'], 'DINKES'), null],
    ['a peer, with the position vacant', false, who('199103152015032003', ['PEGAWAI']), null],
    ['the employee, as their own atasan', false, who(ANALIS.nip, ['ATASAN', 'OPERATOR_OPD'], 'BKD'), ANALIS.nip],
  ])('%s verifies: %s', (_case, expected, identity, atasanNip) => {
    expect(canVerifyActivities(identity, { ...ANALIS, atasanNip })).toBe(expected);
  });
});

describe('rules in force', () => {
  const versions = [
    { scope: '', effectiveFrom: '2020-01-01', source: 'provinsi', value: '16:00' },
    { scope: 'BKD', effectiveFrom: '2026-07-01', source: 'BKD', value: '16:30' },
    { scope: 'BKD-MUTASI', effectiveFrom: '2026-08-01', source: 'Mutasi', value: '17:00' },
  ];
  it.each([
    ['BKD-MUTASI before any unit version', '16:00', ['BKD-MUTASI', 'BKD'], '2026-06-30'],
    ['BKD-MUTASI under its OPD’s version', '16:30', ['BKD-MUTASI', 'BKD'], '2026-07-15'],
    ['BKD-MUTASI under its own version', '17:00', ['BKD-MUTASI', 'BKD'], '2026-08-01'],
    ['DINKES, the province’s', '16:00', ['DINKES'], '2026-08-01'],
  ])('%s gets %s', (_case, expected, path, date) => {
    expect(nearestRuleOn(versions, path, date)?.value).toBe(expected);
  });

  it.each([
    ['2026-06', 5, '2026-07-05'],
    ['2026-12', 5, '2027-01-05'],
    ['2026-01', 28, '2026-02-28'],
  ])('entries of %s with deadline day %d are due %s', (month, day, expected) => {
    expect(verificationDeadline(month, day)).toBe(expected);
  });

  it('accepts the seeded norm and working days, and only a cut-off for a unit’s norm', () => {
    expect(ruleProblems('norm', normSeed.value, false)).toEqual([]);
    expect(ruleProblems('workday', workdaySeed.value, false)).toEqual([]);
    expect(ruleProblems('norm', { cutoff: '15:30' }, true)).toEqual([]);
    expect(ruleProblems('norm', { cutoff: '15:30', normMinutes: 1 }, true)).toEqual([{ field: 'value.normMinutes', message: 'tidak dikenal' }]);
    expect(ruleProblems('norm', { ...normSeed.value, cutoff: '24:00' }, false)).toEqual([
      { field: 'value.cutoff', message: 'harus berupa jam HH:MM, mis. 16:00' },
    ]);
  });

  it('gives every weekday of the seed 450 working minutes: 37.5 h over five days', () => {
    const days = Object.values(workdaySeed.value.days);
    expect(days.map((d) => d.workingMinutes)).toEqual([450, 450, 450, 450, 450]);
    expect(days.reduce((total, d) => total + d.workingMinutes, 0)).toBe(37.5 * 60);
  });
});

describe('evidence checked by its content', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(16)]);
  const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
  const send = (contentType: string, bytes: Buffer) => () => decodeEvidence({ contentType, dataBase64: bytes.toString('base64') }, 1024);
  const fieldOf = (attempt: () => unknown) => {
    try {
      attempt();
      return null;
    } catch (error) {
      const response = (error as { getResponse(): { details: { field: string }[] } }).getResponse();
      return [(error as { getStatus(): number }).getStatus(), response.details[0].field];
    }
  };

  it.each([
    ['a PNG as a PNG', send('image/png', PNG), null],
    ['a JPEG as a JPEG', send('image/jpeg', JPEG), null],
    ['a PDF as a PDF', send('application/pdf', PDF), null],
    ['a PNG claimed to be a PDF', send('application/pdf', PNG), [400, 'evidence.contentType']],
    ['a GIF', send('image/png', Buffer.from('GIF89a-0123456789')), [400, 'evidence.dataBase64']],
    ['text that is not base64', () => decodeEvidence({ contentType: 'image/png', dataBase64: 'not base64!' }, 1024), [400, 'evidence.dataBase64']],
    ['a PNG over the size limit', send('image/png', Buffer.concat([PNG, Buffer.alloc(1024)])), [413, 'evidence.dataBase64']],
  ])('%s', (_case, attempt, expected) => {
    expect(fieldOf(attempt)).toEqual(expected);
  });
});
