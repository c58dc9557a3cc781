// The API's events, fanned out to every listener (the Electron window, each browser tab's event
// stream). A listener that throws is cut off from that one event, not from the others.
import type { ApiEvents, EventName } from '../../shared/api.js';

export type EventListener = (event: EventName, payload: ApiEvents[EventName]) => void;
export type Emit = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly log: (line: string) => void) {}

  on(listener: EventListener): () => void {
    const entry: EventListener = (event, payload) => listener(event, payload);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  readonly emit: Emit = (event, payload) => {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch (error) {
        this.log(`form4: a listener of ${event} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
    }
  };
}
