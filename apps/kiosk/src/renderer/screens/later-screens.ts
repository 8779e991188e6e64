import { lazy } from 'react';

/**
 * The screens a citizen reaches only after the first touch — a service, the priority question, the ticket
 * with its QR code (and the QR library) — in their own chunks, so that the first screen paints without
 * them. `preloadLaterScreens` fetches them right after that paint: by the first touch they are in memory,
 * and a browser kiosk that loses the hub afterwards (issuing offline) still has them.
 */
const loaders = {
  service: () => import('./service-screen.js').then((m) => ({ default: m.ServiceScreen })),
  priority: () => import('./priority-screen.js').then((m) => ({ default: m.PriorityScreen })),
  ticket: () => import('./ticket-screen.js').then((m) => ({ default: m.TicketScreen })),
};

export const ServiceScreen = lazy(loaders.service);
export const PriorityScreen = lazy(loaders.priority);
export const TicketScreen = lazy(loaders.ticket);

/** Starts loading every later screen (each chunk is fetched once, whoever asks first). */
export function preloadLaterScreens(): void {
  for (const load of Object.values(loaders)) void load();
}
