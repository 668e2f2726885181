import { downloadFromService } from '../app/download-api';
import type { AppThunk } from '../app/store';
import { saveFile } from '../platform/save-file';

function tokenOf(extra: { connection: { get(): { token: string } | null } }): string {
  const c = extra.connection.get();
  if (!c) throw new Error('Sign in first.');
  return c.token;
}

/**
 * The DSA statements of restrictions that took effect in [from, to), saved as a .jsonl
 * file. Read from the service, not the replica: the export covers every case, also those
 * this device never synced. Answers how many statements the file holds.
 */
export const exportDsaStatements =
  (from: string, to: string): AppThunk<Promise<{ filename: string; statements: number }>> =>
  async (_dispatch, _getState, extra) => {
    const q = new URLSearchParams({ from, to });
    const { blob, filename } = await downloadFromService(
      extra.serverUrl,
      `/api/v1/reports/dsa-statements?${q}`,
      tokenOf(extra),
      'dsa-statements.jsonl',
    );
    const text = await blob.text();
    saveFile(new Blob([text], { type: 'application/x-ndjson' }), filename);
    return { filename, statements: text.split('\n').filter((l) => l !== '').length };
  };

/**
 * An evidence case file, saved twice: the PDF to read and its JSON twin to verify (the
 * same chain head in both). Read from the service: only it holds the hash chain.
 */
export const exportCaseFile =
  (caseId: string, reference: string): AppThunk<Promise<string[]>> =>
  async (_dispatch, _getState, extra) => {
    const saved: string[] = [];
    for (const format of ['pdf', 'json'] as const) {
      const { blob, filename } = await downloadFromService(
        extra.serverUrl,
        `/api/v1/cases/${encodeURIComponent(caseId)}/case-file?format=${format}`,
        tokenOf(extra),
        `case-file-${reference}.${format}`,
      );
      saveFile(blob, filename);
      saved.push(filename);
    }
    return saved;
  };
