import type { DomainError, ErrorCode, LocalizedText } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { T, fill } from './ui-text.js';

const l = (id: string, en: string): LocalizedText => ({ id, en });

/** Short forms of the refusals a disabled button can carry, to fit under its label. */
const SHORT: Partial<Record<ErrorCode, LocalizedText>> = {
  COUNTER_NOT_OPEN: T.needsOpenCounter,
  QUEUE_EMPTY: l('tidak ada yang menunggu', 'nobody waiting'),
  NO_CURRENT_TICKET: T.needsCurrent,
  FORBIDDEN: l('loket instansi lain', "another agency's counter"),
  UNAUTHENTICATED: l('masuk dulu', 'sign in first'),
  UNKNOWN_COUNTER: l('loket tidak dikenal', 'unknown counter'),
  HUB_UNREACHABLE: T.needsConnection,
};

/** Why a button is disabled, from the refusal the hub would give: the code's short form, with its details. */
export function actionReason(error: DomainError): LocalizedText {
  const ticket = error.details?.['ticket'];
  if (error.code === 'COUNTER_BUSY' && typeof ticket === 'string') return fill(T.finishFirst, { n: ticket });
  // A visitor already being served is no longer "called": recall and start serving are over for them.
  if (error.code === 'NO_CURRENT_TICKET' && error.details?.['status'] === 'serving') return T.needsCalled;
  return SHORT[error.code] ?? ERROR_TEXT[error.code];
}
