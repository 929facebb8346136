import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportEntity } from '../../../core/import/headers.ts';
import type {
  ImportJob,
  ImportJobList,
  ImportMapping,
  ImportMatch,
  ImportMode,
  ImportPreview,
} from '../../../core/schemas/imports.ts';
import { api } from '../../lib/api.ts';
import { ME_KEY, SETUP_KEY } from '../../lib/session.ts';

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
  preview: (entity: ImportEntity, fileKey: string, mapping: ImportMapping | null) =>
    ['imports', 'preview', entity, fileKey, mapping] as const,
};

/** A chosen file and a name for it that changes when another file (or the same one again) is chosen. */
export interface ChosenFile {
  file: File;
  key: string;
}

/** Who owns the imported records: the owner column (else the importer), a chosen user, or 公海. */
export type OwnerChoice = { kind: 'auto' } | { kind: 'user'; userId: string | null } | { kind: 'pool' };

export interface ImportOptions {
  entity: ImportEntity;
  mapping: ImportMapping | null;
  match: ImportMatch;
  mode: ImportMode;
  owner: OwnerChoice;
  dryRun: boolean;
}

function uploadForm(file: File, fields: Record<string, string | null | undefined>): FormData {
  const form = new FormData();
  // Text fields before the file: a server reading the parts in turn knows what the file is for.
  for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
  form.append('file', file, file.name);
  return form;
}

const mappingField = (m: ImportMapping | null) => (m ? JSON.stringify(m) : null);

/**
 * The file's first rows as they would be stored. Asked again whenever the mapping changes; the last
 * answer stays on screen meanwhile so the table does not flash empty. A bad file is a 4xx: not retried.
 */
export function useImportPreview(entity: ImportEntity, chosen: ChosenFile | null, mapping: ImportMapping | null) {
  return useQuery({
    queryKey: importKeys.preview(entity, chosen?.key ?? '', mapping),
    queryFn: () => {
      if (!chosen) throw new Error('no file');
      return api.upload<ImportPreview>(
        '/api/imports/preview',
        uploadForm(chosen.file, { entity, mapping: mappingField(mapping) }),
      );
    },
    enabled: !!chosen,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    placeholderData: (prev, prevQuery) =>
      // Keep the last preview only while it is of the same file and entity (a mapping change).
      prevQuery && prevQuery.queryKey[2] === entity && prevQuery.queryKey[3] === chosen?.key
        ? keepPreviousData(prev)
        : undefined,
  });
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, options: o }: { file: File; options: ImportOptions }) => {
      const ownerId = o.owner.kind === 'pool' ? 'pool' : o.owner.kind === 'user' ? o.owner.userId : null;
      const form = uploadForm(file, {
        entity: o.entity,
        mapping: mappingField(o.mapping),
        match: o.match,
        mode: o.mode,
        ownerId,
        dryRun: String(o.dryRun),
      });
      return api.upload<ImportJob>('/api/imports', form);
    },
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(job.id), job);
      void qc.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}

export const isRunning = (job: Pick<ImportJob, 'status'> | undefined) =>
  job?.status === 'queued' || job?.status === 'running';

/** What a finished import cannot have changed: the session, the setup state and the imports themselves. */
const KEPT = new Set<string>([ME_KEY[0], SETUP_KEY[0], importKeys.all[0]]);

/** One import, followed twice a second while it runs (the progress bar's done / total). */
export function useImportJob(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: async () => {
      const before = qc.getQueryData<ImportJob>(importKeys.job(id ?? ''));
      const job = await api.get<ImportJob>(`/api/imports/${id}`);
      // Only as it finishes: a finished job read again (a later visit) changes nothing.
      if (isRunning(before) && !isRunning(job)) {
        void qc.invalidateQueries({ queryKey: importKeys.list });
        // A real import changed records every list, summary and detail may show.
        if (!job.dryRun && job.status === 'done') {
          void qc.invalidateQueries({
            predicate: (q) => !KEPT.has(String(q.queryKey[0])),
          });
        }
      }
      return job;
    },
    enabled: !!id,
    refetchInterval: (q) => (!q.state.data || isRunning(q.state.data) ? 500 : false),
  });
}

/** The caller's recent imports (an admin's list has everyone's). */
export function useImportJobs() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: () => api.get<ImportJobList>('/api/imports'),
    select: (d) => d.items,
    // A job started elsewhere (or one still running here) moves on by itself.
    refetchInterval: (q) => (q.state.data?.items.some(isRunning) ? 2_000 : false),
  });
}

/** The rejected rows in their original columns plus 错误原因: a plain same-origin download. */
export const reportUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/report`;
