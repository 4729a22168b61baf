import { PresenceRegistry } from './presence.registry';

describe('PresenceRegistry', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const alice = { id: 'a', name: 'Alice', maxChats: 2 };

  it('keeps an agent who reconnects within the grace period', () => {
    const registry = new PresenceRegistry();
    registry.connect(alice, 's1');
    const gone = jest.fn();
    registry.disconnect('a', 's1', 1000, gone);
    jest.advanceTimersByTime(500);
    registry.connect(alice, 's2');
    jest.advanceTimersByTime(2000);
    expect(gone).not.toHaveBeenCalled();
    expect(registry.get('a')?.presence).toBe('online');
  });

  it('takes an agent offline once the last tab has been gone for the grace period', () => {
    const registry = new PresenceRegistry();
    registry.connect(alice, 's1');
    registry.connect(alice, 's2');
    const gone = jest.fn();
    registry.disconnect('a', 's1', 1000, gone);
    jest.advanceTimersByTime(5000);
    expect(gone).not.toHaveBeenCalled();
    registry.disconnect('a', 's2', 1000, gone);
    jest.advanceTimersByTime(1000);
    expect(gone).toHaveBeenCalledTimes(1);
    expect(registry.get('a')?.presence).toBe('offline');
    expect(registry.online()).toEqual([]);
  });

  it('keeps an away agent away on a new tab, and out of the agents who take chats', () => {
    const registry = new PresenceRegistry();
    registry.connect(alice, 's1');
    registry.set('a', 'away');
    registry.connect(alice, 's2');
    expect(registry.get('a')?.presence).toBe('away');
    expect(registry.online()).toEqual([]);
  });
});
