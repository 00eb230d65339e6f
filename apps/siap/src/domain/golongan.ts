import type { EmploymentType } from '@app/contracts';

/** PNS ranks (PP 99/2000), lowest first, with the pangkat name. */
export const PNS_GOLONGAN: readonly { golongan: string; pangkat: string }[] = [
  ['I/a', 'Juru Muda'],
  ['I/b', 'Juru Muda Tingkat I'],
  ['I/c', 'Juru'],
  ['I/d', 'Juru Tingkat I'],
  ['II/a', 'Pengatur Muda'],
  ['II/b', 'Pengatur Muda Tingkat I'],
  ['II/c', 'Pengatur'],
  ['II/d', 'Pengatur Tingkat I'],
  ['III/a', 'Penata Muda'],
  ['III/b', 'Penata Muda Tingkat I'],
  ['III/c', 'Penata'],
  ['III/d', 'Penata Tingkat I'],
  ['IV/a', 'Pembina'],
  ['IV/b', 'Pembina Tingkat I'],
  ['IV/c', 'Pembina Utama Muda'],
  ['IV/d', 'Pembina Utama Madya'],
  ['IV/e', 'Pembina Utama'],
].map(([golongan, pangkat]) => ({ golongan, pangkat }));

/** PPPK golongan I–XVII. */
export const PPPK_GOLONGAN: readonly string[] = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

export function golonganRank(type: EmploymentType, golongan: string): number {
  return type === 'PNS' ? PNS_GOLONGAN.findIndex((g) => g.golongan === golongan) : PPPK_GOLONGAN.indexOf(golongan);
}

export function isValidGolongan(type: EmploymentType, golongan: string): boolean {
  return golonganRank(type, golongan) >= 0;
}
