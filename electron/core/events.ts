import type { EventPayloads } from '../../shared/api';
import type { EventName } from '../../shared/channels';

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

/** The few events the core pushes to whoever shows it (Electron window, preview bridge). */
export class CoreEvents {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}
