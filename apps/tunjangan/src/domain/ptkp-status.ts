/**
 * PTKP status as at the start of the tax year: TK (not married) or K (married), then the number of
 * dependants. Both the TER category and the annual PTKP follow from it.
 */
export const PTKP_STATUSES = ['TK/0', 'TK/1', 'TK/2', 'TK/3', 'K/0', 'K/1', 'K/2', 'K/3'] as const;
export type PtkpStatus = (typeof PTKP_STATUSES)[number];

export function isPtkpStatus(value: string): value is PtkpStatus {
  return (PTKP_STATUSES as readonly string[]).includes(value);
}

export function ptkpStatusParts(status: PtkpStatus): { married: boolean; dependants: number } {
  const [marriage, dependants] = status.split('/');
  return { married: marriage === 'K', dependants: Number(dependants) };
}
