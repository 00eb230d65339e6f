import { useQuery } from '@tanstack/react-query';
import { session } from '../session/session';
import { api, unwrap } from './client';

/** Queries more than one page shares, under one key each so a change refreshes them all. */
export const keys = {
  today: ['kmob', 'today'] as const,
  requests: ['kmob', 'requests'] as const,
  approvals: ['kmob', 'requests', 'decidable'] as const,
  balance: (nip: string, year: string) => ['kmob', 'balance', nip, year] as const,
  employee: (nip: string) => ['siap', 'employee', nip] as const,
};

export const useToday = () => useQuery({ queryKey: keys.today, queryFn: () => unwrap(api.GET('/api/v1/kmob/attendance/today')) });

export const useOwnEmployee = () => {
  const nip = session.get()!.user.nip;
  return useQuery({ queryKey: keys.employee(nip), queryFn: () => unwrap(api.GET('/api/v1/siap/employees/{nip}', { params: { path: { nip } } })) });
};

export const usePendingApprovals = (enabled: boolean) =>
  useQuery({
    queryKey: keys.approvals,
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/kmob/requests', { params: { query: { status: 'PENDING', decidable: true } } })),
  });

export const useMyRequests = () =>
  useQuery({
    queryKey: keys.requests,
    queryFn: () => unwrap(api.GET('/api/v1/kmob/requests', { params: { query: { nip: session.get()!.user.nip } } })),
  });

export const useLeaveBalance = (nip: string, year: string) =>
  useQuery({
    queryKey: keys.balance(nip, year),
    queryFn: () => unwrap(api.GET('/api/v1/kmob/leave-balances/{nip}', { params: { path: { nip }, query: { year } } })),
  });
