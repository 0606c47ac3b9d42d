// Reading a request body up to a limit. A body over the limit is never buffered: one declared
// too long is not read at all, and one that grows too long is no longer read once it passes.

import type { IncomingMessage } from 'node:http';

/** What reading a body gave: its bytes, or why there are none. */
export type BodyRead =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  | { readonly kind: 'too-large' }
  /** The connection closed first: the client left, or the server cut a slow body (408). */
  | { readonly kind: 'aborted' };

/** Reads the body of `request` when it is at most `maxBytes` long. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  if (Number(request.headers['content-length']) > maxBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Nothing more is read; the answer closes the connection.
      request.pause();
      chunks.length = 0;
      resolve({ kind: 'too-large' });
    });
    request.on('end', () => resolve({ kind: 'read', bytes: Buffer.concat(chunks) }));
    // After 'end' too, when the resolution above has already been made and this one is ignored.
    request.on('close', () => resolve({ kind: 'aborted' }));
  });
}

/** True when the request carries a body, read or not. */
export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
