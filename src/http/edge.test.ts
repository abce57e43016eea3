import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { problemForClientError } from './edge.ts';

/** A socket that records what is written to it. */
function fakeSocket() {
  const written: string[] = [];
  const socket = { writable: true, destroyed: false, write: (s: string) => written.push(s), destroy() { this.destroyed = true; } };
  return { socket: socket as unknown as Socket, written, state: socket };
}

describe('answers Node refuses before a route runs', () => {
  it.each([
    ['headers over the limit', 'HPE_HEADER_OVERFLOW', 431, 'request.header_too_large'],
    ['a client too slow to send its request', 'ERR_HTTP_REQUEST_TIMEOUT', 408, 'request.timeout'],
    ['a client too slow to send its headers', 'ERR_HTTP_HEADERS_TIMEOUT', 408, 'request.timeout'],
    ['bytes that are not HTTP', 'HPE_INVALID_METHOD', 400, 'request.unreadable'],
  ])('%s: %s → %i problem+json', (_name, code, status, problem) => {
    const { socket, written, state } = fakeSocket();
    problemForClientError(Object.assign(new Error('x'), { code, bytesParsed: 0, rawPacket: Buffer.from('GET / HTTP/1.1\r\nAccept-Language: en\r\n') }) as unknown as ConnectionError, socket);
    const [head, body] = written[0]!.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/Content-Type: application\/problem\+json/);
    expect(head).toMatch(/Content-Language: en/);
    expect(JSON.parse(body!)).toMatchObject({ status, code: problem });
    expect(state.destroyed).toBe(true);
  });

  it('answers in Arabic when the refused bytes carry no language', () => {
    const { socket, written } = fakeSocket();
    problemForClientError(Object.assign(new Error('x'), { code: 'HPE_HEADER_OVERFLOW', bytesParsed: 0, rawPacket: Buffer.from('GET /?pad=xxxx') }) as unknown as ConnectionError, socket);
    expect(written[0]).toMatch(/Content-Language: ar/);
  });

  it('writes nothing to a connection the client already reset', () => {
    const { socket, written } = fakeSocket();
    problemForClientError(Object.assign(new Error('x'), { code: 'ECONNRESET' }) as unknown as ConnectionError, socket);
    expect(written).toEqual([]);
  });
});
