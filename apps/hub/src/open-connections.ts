import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Every TCP connection the hub's HTTP server holds, WebSockets included (`closeAllConnections` forgets a
 * connection once it is upgraded), so that a shutdown can cut the ones a client keeps open.
 */
export class OpenConnections {
  private readonly sockets = new Set<Socket>();

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Destroys every connection still open; returns how many there were. */
  destroyAll(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    return count;
  }
}
