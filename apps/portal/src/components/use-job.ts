import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export type JobService = 'siap' | 'kmob';
const FINISHED = new Set(['DONE', 'FAILED']);

/** A durable job of a service, polled every second until it finishes (it survives leaving the page). */
export function useJob(service: JobService, id: string | null) {
  return useQuery({
    queryKey: ['job', service, id],
    enabled: id !== null,
    queryFn: () =>
      unwrap(
        service === 'siap'
          ? api.GET('/api/v1/siap/jobs/{id}', { params: { path: { id: id! } } })
          : api.GET('/api/v1/kmob/jobs/{id}', { params: { path: { id: id! } } }),
      ),
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 1_000),
  });
}
