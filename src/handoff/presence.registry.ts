import type { Presence } from './handoff.types';

interface AgentEntry {
  id: string;
  name: string;
  maxChats: number;
  presence: Presence;
  sockets: Set<string>;
  graceTimer?: NodeJS.Timeout;
}

/**
 * Who of the support team is connected, and whether they take new chats. In memory: presence is
 * a property of live sockets, and one process holds its own agents' sockets.
 */
export class PresenceRegistry {
  private readonly agents = new Map<string, AgentEntry>();

  /** Records a socket; an agent coming back within the grace period keeps their chats. */
  connect(agent: { id: string; name: string; maxChats: number }, socketId: string): AgentEntry {
    const entry = this.agents.get(agent.id) ?? {
      ...agent,
      presence: 'offline',
      sockets: new Set(),
    };
    entry.name = agent.name;
    entry.maxChats = agent.maxChats;
    if (entry.graceTimer) clearTimeout(entry.graceTimer);
    entry.graceTimer = undefined;
    if (entry.presence === 'offline') entry.presence = 'online';
    entry.sockets.add(socketId);
    this.agents.set(agent.id, entry);
    return entry;
  }

  /** Removes a socket; calls `onGone` after `graceMs` unless the agent reconnects first. */
  disconnect(agentId: string, socketId: string, graceMs: number, onGone: () => void): void {
    const entry = this.agents.get(agentId);
    if (!entry) return;
    entry.sockets.delete(socketId);
    if (entry.sockets.size > 0) return;
    entry.graceTimer = setTimeout(() => {
      entry.graceTimer = undefined;
      if (entry.sockets.size > 0) return;
      entry.presence = 'offline';
      onGone();
    }, graceMs);
    entry.graceTimer.unref();
  }

  set(agentId: string, presence: Exclude<Presence, 'offline'>): void {
    const entry = this.agents.get(agentId);
    if (entry) entry.presence = presence;
  }

  get(agentId: string): AgentEntry | undefined {
    return this.agents.get(agentId);
  }

  /** Agents who take new chats. */
  online(): AgentEntry[] {
    return [...this.agents.values()].filter((a) => a.presence === 'online');
  }

  all(): AgentEntry[] {
    return [...this.agents.values()];
  }

  clear(): void {
    for (const entry of this.agents.values()) if (entry.graceTimer) clearTimeout(entry.graceTimer);
    this.agents.clear();
  }
}
