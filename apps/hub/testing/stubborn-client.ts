import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A WebSocket client written on a bare TCP socket: it upgrades, joins Socket.IO with `auth`, and from then on
 * reads nothing and answers nothing, not even the hub's WebSocket close, and keeps its TCP connection open.
 * So behaves a frozen device, or a client whose library leaves the close to an event loop that is stuck.
 */
export class StubbornClient {
  private constructor(private readonly socket: Socket) {}

  static async connect(hubUrl: string, auth: object): Promise<StubbornClient> {
    const { hostname, port } = new URL(hubUrl);
    const socket = connect(Number(port), hostname);
    socket.on('error', () => undefined); // the hub cuts it in the end: that is the point
    let received = '';
    const receivedText = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          received += chunk.toString('latin1');
          if (!received.includes(text)) return;
          socket.off('data', onData);
          resolve();
        };
        socket.on('data', onData);
        socket.once('close', () => reject(new Error(`closed before ${text}`)));
      });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const opened = receivedText('0{"sid"');
    socket.write(
      [
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
        `Host: ${hostname}:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
    await opened;
    const joined = receivedText('40{"sid"');
    socket.write(maskedTextFrame(`40${JSON.stringify(auth)}`));
    await joined;
    socket.pause(); // from here on it reads nothing
    return new StubbornClient(socket);
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** A client's WebSocket text frame: FIN, opcode 1, masked, as RFC 6455 requires of clients. */
function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  if (payload.length > 0xffff) throw new Error('frame too long for this client');
  const header =
    payload.length < 126
      ? Buffer.from([0x81, 0x80 | payload.length])
      : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const mask = randomBytes(4);
  const masked = payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0));
  return Buffer.concat([header, mask, masked]);
}
