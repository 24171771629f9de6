/**
 * Why a graceful stop closes WebSockets itself instead of using Hocuspocus' own `closeConnections()`:
 * the latter sends a protocol "close" message over a socket it leaves open, and @hocuspocus/provider
 * 3.4 then stays "connected" and unsynced for good. A real WebSocket close, whatever its code, makes
 * the provider reconnect and sync again; we use 1012 ("service restart") so the desk can say why.
 */
import { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, sleep, until, type Client } from './harness';

describe('how a server stop reaches @hocuspocus/provider 3.4', () => {
  let server: Server;
  const clients: Client[] = [];
  const open = (name: string) => {
    const client = connect(`ws://127.0.0.1:${server.address.port}`, name, 'unused');
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
    await server.listen();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.destroy();
  });

  it('Hocuspocus’ own close message leaves the provider connected and never synced again', async () => {
    const client = open('stuck');
    await until('synced', () => client.provider.isSynced);
    server.hocuspocus.closeConnections('stuck');
    await until('the provider heard the close', () => !client.provider.isSynced);
    await sleep(1_000);
    expect(client.socket.status).toBe('connected');
    expect(client.provider.isSynced).toBe(false);
  });

  it.each([1000, 1012])('a WebSocket close with code %i makes the provider reconnect and sync again', async (code) => {
    const client = open(`closed-${code}`);
    await until('synced', () => client.provider.isSynced);
    for (const ws of server.webSocketServer.clients) ws.close(code, 'restart');
    await until('the provider saw the close', () => client.closeCodes.includes(code));
    await until('reconnected and synced', () => client.socket.status === 'connected' && client.provider.isSynced);
    expect(client.provider.isSynced).toBe(true);
  });
});
