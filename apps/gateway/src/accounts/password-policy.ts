import type { FieldProblem } from '@app/service-kit';

/** At least 10 characters with a letter and a digit, and not the NIP itself. */
export function passwordProblems(password: string, nip: string, field = 'newPassword'): FieldProblem[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('minimal 10 karakter');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('harus memuat huruf dan angka');
  if (password.includes(nip)) problems.push('tidak boleh memuat NIP');
  return problems.map((message) => ({ field, message }));
}
