/**
 * Saves bytes as a file the way a download does: the desktop app's session answers it with
 * the system's save dialog (Electron's download handling), a browser with its downloads.
 * No blob: URL outlives the save.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
