// Commands of shared/keymap.ts reach whoever handles them on screen: a key, a menu item ('app:command')
// or a button all run the same handler. The latest registered handler is asked first; it returns
// false to decline (e.g. Escape with no field being edited), and the command passes to the next.
import type { CommandId } from '../../shared/keymap.js';

export type CommandHandler = () => boolean | void;

export class CommandBus {
  private readonly handlers = new Map<CommandId, CommandHandler[]>();

  register(id: CommandId, handler: CommandHandler): () => void {
    const list = this.handlers.get(id) ?? [];
    list.push(handler);
    this.handlers.set(id, list);
    return () => {
      const current = this.handlers.get(id) ?? [];
      this.handlers.set(id, current.filter((item) => item !== handler));
    };
  }

  /** Runs the command; true when a handler took it. */
  run(id: CommandId): boolean {
    const list = [...(this.handlers.get(id) ?? [])].reverse();
    for (const handler of list) if (handler() !== false) return true;
    return false;
  }
}
