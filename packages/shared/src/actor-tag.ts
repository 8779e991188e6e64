import type { Actor } from './access-policy.js';

/**
 * Who made a logged change, as one short string kept beside the event in the log (not in the event, which
 * every client receives): `staff:<username>`, `kiosk:<kioskId>` or `system`. Reports read the staff member
 * who acted from it; events logged before the tag existed have none.
 */
export function actorTag(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return `staff:${actor.username}`;
    case 'kiosk':
      return `kiosk:${actor.kioskId}`;
    case 'system':
      return 'system';
  }
}

/** The staff member a tag names, if it names one. */
export function staffOfActorTag(tag: string | undefined): string | undefined {
  return tag !== undefined && tag.startsWith('staff:') ? tag.slice('staff:'.length) : undefined;
}
