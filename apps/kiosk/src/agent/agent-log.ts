/** Where the agent says what it did: the Electron main process's console, or nowhere in tests. */
export interface AgentLog {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export const consoleLog: AgentLog = {
  info: (message, data) =>
    console.log(JSON.stringify({ level: 'info', app: 'antre-kiosk', message, ...data })),
  warn: (message, data) =>
    console.warn(JSON.stringify({ level: 'warn', app: 'antre-kiosk', message, ...data })),
};

export const silentLog: AgentLog = { info: () => undefined, warn: () => undefined };
