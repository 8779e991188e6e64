import type { HallConfig } from '@antre/shared';
import type { ClockParams } from './sim-clock.js';

/** Where and as whom a simulated hub ships its log, with the shipper's timing (real milliseconds). */
export interface CentralShipping {
  url: string;
  token: string;
  idleMs?: number;
  retryMs?: number;
  maxRetryMs?: number;
}

/** What the simulator tells the hub's child process over IPC. */
export type HubChildRequest =
  | {
      type: 'start';
      config: HallConfig;
      dataDir: string;
      port: number;
      clock: ClockParams;
      durability: 'FULL' | 'NORMAL' | 'OFF';
      rateLimits: { issuePerSecond: number; issueBurst: number };
      /** The central service the hub ships its log to (the central scenario); absent: none. */
      central?: CentralShipping;
    }
  /** Writes the whole event log (JSON lines) and the live state (JSON) for the checks after the day. */
  | { type: 'dump'; eventsFile: string; stateFile: string }
  /** The process's memory; after a full garbage collection, so that heapUsed is the live heap. */
  | { type: 'memory' }
  | { type: 'close' };

/** What the child answers. */
export type HubChildReply =
  | { type: 'listening' }
  | { type: 'ready'; url: string; seq: number; day: string }
  | { type: 'dumped'; events: number; seq: number }
  | { type: 'memory'; rss: number; heapUsed: number; heapTotal: number; external: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
