/**
 * A pass of work that runs at start and then every `intervalMs`, in every service
 * instance, never overlapping itself: the workers that end restrictions and take waiting
 * cases' steps. A pass missed while the service was down is made up at start. Errors are
 * the pass's to report (`onError`): a failed pass must not stop the next one.
 */
export class PeriodicPass<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(
    private readonly pass: (now: Date) => Promise<T>,
    private readonly onError: (err: Error) => T,
    private readonly intervalMs: number,
    /** The service's clock; tests move it forward instead of waiting. */
    readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** One pass as of `now` (passes never overlap); resolves to what it did. */
  async runOnce(now?: Date): Promise<T> {
    while (this.running) await this.running;
    const pass = this.pass(now ?? this.clock())
      .catch(this.onError)
      .finally(() => {
        if (this.running === pass) this.running = null;
      });
    this.running = pass;
    return pass;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
