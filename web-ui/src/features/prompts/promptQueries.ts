import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Experiment, Page, PromptLabels, PromptVersion } from '../../api/types';
import { api } from '../../app/api';

export const promptPath = (name: string) => `/api/v1/prompts/${encodeURIComponent(name)}`;

/** Every version of a prompt, newest first (200 per page). */
export function useVersions(name: string) {
  return useInfiniteQuery({
    queryKey: ['prompt', name, 'versions'],
    queryFn: ({ pageParam, signal }) => api.get<Page<PromptVersion>>(`${promptPath(name)}/versions`, { limit: 200, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useLabels(name: string) {
  return useQuery({
    queryKey: ['prompt', name, 'labels'],
    queryFn: ({ signal }) => api.get<PromptLabels>(`${promptPath(name)}/labels`, undefined, signal),
  });
}

export function useExperiments(name: string) {
  return useQuery({
    queryKey: ['prompt', name, 'experiments'],
    queryFn: ({ signal }) => api.get<Page<Experiment>>(`${promptPath(name)}/experiments`, undefined, signal),
  });
}
