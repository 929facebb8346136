import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccuracyQuery,
  Calibration,
  CalibrationQuery,
  Forecast,
  ForecastAccuracy,
  ForecastQuery,
  PipelineChanges,
  PipelineByProvince,
  PipelineChangesQuery,
  PipelineSummary,
  PipelineSummaryQuery,
  WinLoss,
  WinLossQuery,
} from '../../../core/schemas/forecast.ts';
import { api } from '../../lib/api.ts';

export const forecastKeys = {
  // Everything that reads deals against quotas lives under one root, so a quota write refreshes it all.
  all: ['forecast'] as const,
  forecast: (q: ForecastQuery) => ['forecast', 'forecast', q] as const,
  summary: (q: PipelineSummaryQuery) => ['forecast', 'summary', q] as const,
  byProvince: (q: PipelineSummaryQuery) => ['forecast', 'by-province', q] as const,
  calibration: (q: CalibrationQuery) => ['forecast', 'calibration', q] as const,
  accuracy: (q: AccuracyQuery) => ['forecast', 'accuracy', q] as const,
  changes: (q: PipelineChangesQuery) => ['forecast', 'changes', q] as const,
  winLoss: (q: WinLossQuery) => ['forecast', 'win-loss', q] as const,
};

export function useForecast(q: ForecastQuery, enabled = true) {
  return useQuery({
    queryKey: forecastKeys.forecast(q),
    queryFn: () => api.get<Forecast>('/api/forecast', { ...q }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function usePipelineSummary(q: PipelineSummaryQuery) {
  return useQuery({
    queryKey: forecastKeys.summary(q),
    queryFn: () => api.get<PipelineSummary>('/api/pipeline/summary', { ...q }),
    placeholderData: (prev) => prev,
  });
}

export function useCalibration(q: CalibrationQuery) {
  return useQuery({
    queryKey: forecastKeys.calibration(q),
    queryFn: () => api.get<Calibration>('/api/forecast/calibration', { ...q }),
    placeholderData: (prev) => prev,
  });
}

export function useAccuracy(q: AccuracyQuery) {
  return useQuery({
    queryKey: forecastKeys.accuracy(q),
    queryFn: () => api.get<ForecastAccuracy>('/api/forecast/accuracy', { ...q }),
    placeholderData: (prev) => prev,
  });
}

export function usePipelineChanges(q: PipelineChangesQuery) {
  return useQuery({
    queryKey: forecastKeys.changes(q),
    queryFn: () => api.get<PipelineChanges>('/api/pipeline/changes', { ...q }),
    placeholderData: (prev) => prev,
  });
}

export function usePipelineByProvince(q: PipelineSummaryQuery) {
  return useQuery({
    queryKey: forecastKeys.byProvince(q),
    queryFn: () => api.get<PipelineByProvince>('/api/pipeline/by-province', { ...q }),
    placeholderData: (prev) => prev,
  });
}

export function useWinLoss(q: WinLossQuery) {
  return useQuery({
    queryKey: forecastKeys.winLoss(q),
    queryFn: () => api.get<WinLoss>('/api/analysis/win-loss', { ...q }),
    placeholderData: (prev) => prev,
  });
}

/** Admins take a snapshot by hand (the weekly job takes the rest); the accuracy table reads them. */
export function useTakeSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/pipeline/snapshots'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: forecastKeys.all }),
  });
}
