import type { Reporter, TestCase } from 'vitest/node';

/**
 * Names every test that needed its retry, at the end of the run, so that a browser test
 * passing only the second time is seen and mended rather than hidden by the retry.
 */
export default class RetriedTestsReporter implements Reporter {
  private readonly retried: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const d = test.diagnostic();
    if (!d || d.retryCount === 0) return;
    const outcome = test.result().state === 'passed' ? 'passed on retry' : 'failed after retry';
    this.retried.push(`  ${test.module.relativeModuleId} > ${test.fullName}: ${outcome}`);
  }

  onTestRunEnd(): void {
    if (this.retried.length === 0) return;
    console.log(`\nTests that needed their retry (${this.retried.length}):`);
    for (const line of this.retried) console.log(line);
  }
}
