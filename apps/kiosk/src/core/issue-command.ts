import type { CommandInput, PriorityGroup } from '@antre/shared';

/** Several services on one ticket: a package (all of it, or the services chosen from it) or a basket. */
export interface VisitChoice {
  serviceIds: string[];
  packageId?: string;
}

/** The hub's `issueTicket` for what the citizen chose: one service, or a visit of several. */
export function issueCommand(request: {
  serviceId: string;
  priority: PriorityGroup;
  visit?: VisitChoice | undefined;
}): CommandInput {
  const { visit, priority } = request;
  if (!visit) return { type: 'issueTicket', serviceId: request.serviceId, priority };
  const command: CommandInput = { type: 'issueTicket', serviceIds: [...visit.serviceIds], priority };
  if (visit.packageId !== undefined) command.packageId = visit.packageId;
  return command;
}
