/** The kiosk agent as other packages use it (the Electron main process, the hall-day simulator). */
export { KioskAgent } from './kiosk-agent.js';
export type { AgentLog } from './agent-log.js';
export type { IssueResult } from '../core/kiosk-backend.js';
