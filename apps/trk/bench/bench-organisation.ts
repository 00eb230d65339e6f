import { demoUnitsAndChiefs, type DemoPosition } from '../../../scripts/demo/sulteng-organisation';
import type { SeedOrganisation } from '../../../scripts/seed';

/**
 * The organisation `bench:trk` verifies in: every supervising position held, so that each entry has an
 * atasan in post, as in Jabar where about one employee in ten supervises a team. Each OPD has a head
 * (Kepala), three sub-units with a chief each, and under the chiefs the teams: a section head (Kepala
 * Seksi) and the team's staff position. Of `employees`, `atasan` hold the head, chief and section-head
 * positions (one holder each); the rest are spread evenly over the teams. The heads' own atasan (the
 * Sekda) is outside the platform, so BKD verifies their entries.
 */
export function benchOrganisation(employees: number, atasan: number): SeedOrganisation & { atasan: number } {
  const { units, heads, chiefs } = demoUnitsAndChiefs();
  const teamCount = atasan - heads.length - chiefs.length;
  if (teamCount < 1 || employees <= atasan)
    throw new Error(`bench organisation: ${atasan} atasan need more than ${heads.length + chiefs.length} and fewer than ${employees}`);
  const leaders: DemoPosition[] = [];
  const teams: DemoPosition[] = [];
  for (let k = 0; k < teamCount; k++) {
    const chief = chiefs[k % chiefs.length];
    const n = Math.floor(k / chiefs.length) + 1;
    const leader: DemoPosition = {
      code: `${chief.unitCode}-SEKSI-${n}`,
      name: `Kepala Seksi ${n}`,
      type: 'STRUKTURAL',
      eselon: 'IV.a',
      kelasJabatan: 9,
      unitCode: chief.unitCode,
      parentCode: chief.code,
    };
    leaders.push(leader);
    teams.push({
      code: `${leader.code}-STAF`,
      name: k % 2 === 0 ? `Analis Seksi ${n}` : `Pengadministrasi Seksi ${n}`,
      type: k % 2 === 0 ? 'FUNGSIONAL' : 'PELAKSANA',
      kelasJabatan: k % 2 === 0 ? 8 : 5,
      unitCode: chief.unitCode,
      parentCode: leader.code,
    });
  }
  const supervising = [...heads, ...chiefs, ...leaders];
  const employeePositions = Array.from({ length: employees }, (_, i) =>
    i < supervising.length ? supervising[i] : teams[(i - supervising.length) % teams.length],
  );
  return { units, positions: [...supervising, ...teams], employeePositions, atasan: supervising.length };
}
