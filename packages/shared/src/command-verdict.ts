import type { Principal } from './access-policy.js';
import { actorOf, authorizeCommand } from './access-policy.js';
import type { Command } from './commands.js';
import type { DomainError } from './error-codes.js';
import { domainError } from './error-codes.js';
import type { QueueConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import { decide } from './queue-engine.js';

/** What a verdict is judged on: the hall, the day as the asker sees it, and the time. */
export interface VerdictContext {
  config: QueueConfig;
  day: DayView;
  now: number;
}

/**
 * Would the hub accept `command` from `principal` on this day now? Undefined means yes; otherwise the refusal
 * it would answer. The same two questions in the same order as the hub (the policy, then the engine), as a
 * dry run that changes nothing: a client asks it of its mirror to offer only what the hub would accept.
 */
export function commandVerdict(
  principal: Principal,
  command: Command,
  ctx: VerdictContext,
): DomainError | undefined {
  const refusal = authorizeCommand(principal, command, ctx.config, ctx.day);
  if (refusal) return refusal;
  const actor = actorOf(principal);
  if (!actor) return domainError('UNAUTHENTICATED', 'sign in or enrol this device first');
  const decision = decide(ctx.day, command, {
    config: ctx.config,
    now: ctx.now,
    actor,
    // A dry run logs nothing, so the ticket an issue would make needs no real id.
    newId: () => 'dry-run',
  });
  return decision.ok ? undefined : decision.error;
}
