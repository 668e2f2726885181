/** What reporting a failed start needs of Electron; replaced in the tests. */
export interface StartupFailureHost {
  logError(message: string): void;
  /** The folder of the log file, for the person to send or read. */
  logFolder(): string;
  /** dialog.showErrorBox: synchronous, and usable before the app is ready. */
  showErrorBox(title: string, content: string): void;
  /** app.exit: ends the process at once, releasing the single-instance lock. */
  exit(code: number): void;
}

/**
 * Runs the main process's start-up. If it fails, the process must not stay: an invisible
 * process still holds the single-instance lock, and every later launch would hand it its
 * argv and quit silently. So it says why, where the logs are, and exits non-zero.
 */
export async function startOrExplain(
  start: () => Promise<void>,
  host: StartupFailureHost,
): Promise<void> {
  try {
    await start();
  } catch (err) {
    const reason = err instanceof Error ? (err.stack ?? err.message) : String(err);
    let folder = '(unknown)';
    try {
      folder = host.logFolder();
      host.logError(`start-up failed: ${reason}`);
    } catch {
      // The logger itself may be what failed; the dialog still tells the person.
    }
    try {
      host.showErrorBox(
        'Casedesk could not start',
        `${err instanceof Error ? err.message : String(err)}\n\nThe log is in ${folder}.`,
      );
    } finally {
      host.exit(1);
    }
  }
}
