// Work that follows an answer rather than holding it up: each piece runs on a later turn of the event
// loop (by then the answer is on its way, over IPC or HTTP), and whatever is still queued runs before
// the store closes, so nothing is lost on quitting.

export class AfterAnswer {
  private readonly queued = new Map<NodeJS.Immediate, () => void>();

  constructor(private readonly log: (line: string) => void) {}

  readonly schedule = (work: () => void): void => {
    const handle = setImmediate(() => {
      this.queued.delete(handle);
      this.run(work);
    });
    this.queued.set(handle, work);
  };

  /** Runs what is still queued, now. */
  flush(): void {
    for (const [handle, work] of this.queued) {
      clearImmediate(handle);
      this.queued.delete(handle);
      this.run(work);
    }
  }

  private run(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.log(`form4: work after an answer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
  }
}
