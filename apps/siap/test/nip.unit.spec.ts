import { checkNipAgainstRecord, parseNip } from '../src/domain/nip';

const today = new Date('2026-11-28T00:00:00Z');

describe('NIP validation', () => {
  it.each([
    { nip: '196608011988031001', parts: { birthDate: '1966-08-01', appointmentMonth: '1988-03', sex: 'L', sequence: '001' } },
    { nip: '199212312019022003', parts: { birthDate: '1992-12-31', appointmentMonth: '2019-02', sex: 'P', sequence: '003' } },
  ])('reads $nip as born $parts.birthDate, appointed $parts.appointmentMonth, sex $parts.sex, sequence $parts.sequence', ({ nip, parts }) => {
    expect(parseNip(nip, today)).toEqual({ parts, problems: [] });
  });

  it.each([
    ['12345', 'harus 18 digit angka'],
    ['19660801198803100A', 'harus 18 digit angka'],
    ['196602301988031001', 'bukan tanggal lahir yang valid'],
    ['196608011988131001', 'bukan bulan pengangkatan CPNS yang valid'],
    ['199001012027011001', 'tidak boleh di masa depan'],
    ['199001012007011001', 'setelah usia 18 tahun'],
    ['196608011988033001', 'jenis kelamin) harus 1 atau 2'],
  ])('rejects %s: %s', (nip, message) => {
    expect(
      parseNip(nip, today)
        .problems.map((p) => p.message)
        .join(),
    ).toContain(message);
  });

  it('checks the NIP against the recorded birth date and sex', () => {
    expect(checkNipAgainstRecord('196608011988031001', '1966-08-01', 'L', today)).toEqual([]);
    expect(checkNipAgainstRecord('196608011988031001', '1966-08-02', 'P', today).map((p) => p.field)).toEqual(['birthDate', 'sex']);
  });
});
