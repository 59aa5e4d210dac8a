import type { StateCreator } from 'zustand';
import type { ApiInput } from '../../../electron/common/api/contract';
import type { ExportFile, ExportPreview } from '../../../electron/common/domain/notebook-views';
import type { ApiClient } from '../api/api-client';
import type { AppState } from './app-store';

export type ExportOptions = ApiInput<'export.preview'>;

export interface ExportSlice {
  previewExport(options: ExportOptions): Promise<ExportPreview>;
  exportFile(options: ApiInput<'export.file'>): Promise<ExportFile>;
}

export const createExportSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ExportSlice> =>
  () => ({
    previewExport: (options) => api.call('export.preview', options),
    exportFile: (options) => api.call('export.file', options),
  });
