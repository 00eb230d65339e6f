import { formatCount, formatDate } from '../domain/bahasa-format';
import type { ComputedScore } from './computed-score';

const POSITION_TYPE_ORIGIN = {
  SIAP: 'jenis jabatan menurut SIAP',
  SUBORDINATES: 'jenis jabatan tidak tercatat di salinan SIAP; dianggap STRUKTURAL karena memiliki bawahan',
  DEFAULT: 'jenis jabatan tidak tercatat di salinan SIAP; dianggap PELAKSANA',
} as const;

/**
 * Where each figure of a score came from, line by line, for the employee, the atasan and BKD (Bahasa
 * Indonesia). A rule is named by what it is and since when it applies; its source (the regulation and
 * BKD's notes) is in the score's norm and weights for whoever wants it.
 */
export function explain(s: Omit<ComputedScore, 'explanation'>): string[] {
  const { norm, pending, weights } = s;
  const lines: string[] = [];
  const statuses = norm.reducingStatuses.join('/');
  lines.push(
    `Norma ${formatCount(norm.fullMinutes)} menit × (${norm.workingDays} hari kerja − ${norm.reducingDays} hari berstatus ${statuses}) ÷ ${norm.workingDays} hari kerja = ${formatCount(norm.proratedMinutes)} menit (aturan norma yang berlaku sejak ${formatDate(norm.ruleEffectiveFrom)})`,
  );
  lines.push(
    norm.source === 'KMOB'
      ? `Sumber hari kerja dan hari ${statuses}: rekap disiplin K-Mob bulan ${s.month} versi ${norm.kmobVersion}`
      : `Sumber hari kerja: kalender kerja TRK (jam kerja unit dan hari libur), karena K-Mob belum menutup bulan ${s.month}; sumber hari ${statuses}: permohonan yang telah disetujui di K-Mob (${norm.reducingDays} hari kerja), sampai rekap disiplin K-Mob bulan ${s.month} menggantikannya`,
  );
  lines.push(`Menit diakui: ${formatCount(s.verifiedMinutes)} menit dari kegiatan yang disetujui (kegiatan yang dikurangi dihitung sebesar menit yang diakui)`);
  if (pending.entries > 0) {
    const what = `${pending.entries} kegiatan (${formatCount(pending.minutes)} menit) belum diverifikasi`;
    lines.push(
      pending.treatment === 'PENDING'
        ? `${what}: ditampilkan terpisah dan belum dihitung sampai batas verifikasi ${pending.verificationDeadline} atau penutupan bulan`
        : pending.treatment === 'COUNTED'
          ? `${what}: dihitung penuh, sesuai aturan norma untuk kegiatan yang belum diverifikasi saat bulan ditutup`
          : `${what}: tidak dihitung, sesuai aturan norma untuk kegiatan yang belum diverifikasi saat bulan ditutup`,
    );
  }
  lines.push(`Jenis jabatan ${s.positionType} (${POSITION_TYPE_ORIGIN[s.positionTypeSource]})`);
  lines.push(
    weights.inRules
      ? `Bobot ${s.positionType}: aktivitas ${weights.activity}%, target ${weights.target}%, bawahan ${weights.subordinates}% (aturan bobot yang berlaku sejak ${formatDate(weights.effectiveFrom)})`
      : `Aturan bobot tidak memuat jenis jabatan ${s.positionType}: dipakai aktivitas 100%`,
  );
  if (s.targets.length === 0) lines.push(`Tidak ada target bulanan yang disetujui untuk ${s.month}`);
  if (s.subordinates && s.subordinates.total === 0) lines.push('Tidak ada bawahan langsung dengan norma pada bulan ini');
  lines.push('Komponen yang tidak berlaku atau berbobot 0 tidak dihitung; bobotnya dibagikan ke komponen lain sebanding bobotnya');
  return lines;
}
