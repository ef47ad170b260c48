import { describe, expect, it } from 'vitest';
import { EventHub, type ClusterEvent } from '../src/events';

const node = { nodeId: 'hsm-1', address: '127.0.0.1:1', az: 'a' };
const up: ClusterEvent = { type: 'node-up', node, atMs: 1 };
const down: ClusterEvent = { type: 'node-down', node, reason: 'probe', retryInMs: 100, atMs: 2 };

describe('event stream', () => {
  it('delivers events to listeners of every type or of one type', () => {
    const hub = new EventHub();
    const all: string[] = [];
    const downs: number[] = [];
    hub.on((event) => all.push(event.type));
    const off = hub.on('node-down', (event) => downs.push(event.retryInMs));

    hub.emit(up);
    hub.emit(down);
    off();
    hub.emit(down);

    expect(all).toEqual(['node-up', 'node-down', 'node-down']);
    expect(downs).toEqual([100]);
  });

  it('isolates a listener that throws', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    hub.on(() => {
      throw new Error('listener bug');
    });
    hub.on((event) => seen.push(event.type));

    hub.emit(up);

    expect(seen).toEqual(['node-up']);
  });

  it('iterates events as they come and ends when the hub closes', async () => {
    const hub = new EventHub();
    const iterator = hub.iterate();
    hub.emit(up);
    const collected: ClusterEvent[] = [];
    const reading = (async () => {
      for await (const event of iterator) collected.push(event);
    })();

    hub.emit(down);
    await new Promise((resolve) => setImmediate(resolve));
    hub.close();
    await reading;

    expect(collected.map((e) => e.type)).toEqual(['node-up', 'node-down']);
  });

  it('stops delivering to an iterator the consumer broke out of', async () => {
    const hub = new EventHub();
    const seen: ClusterEvent[] = [];
    hub.emit(up);
    const loop = (async () => {
      for await (const event of hub.iterate()) {
        seen.push(event);
        break;
      }
    })();
    hub.emit(down);
    await loop;
    hub.emit(up);

    expect(seen).toEqual([down]);
  });
});
