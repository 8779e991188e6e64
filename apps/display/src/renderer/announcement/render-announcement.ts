// Renders one announcement, chime and words, offline: the sound check a technician (and the e2e test)
// runs without waiting for a real call, producing exactly what the speakers would play.

import type { TicketNumber } from '@antre/shared';
import { announcementWords, formatTicketNumber } from '@antre/shared';
import type { ClipBank } from './clip-bank.js';
import {
  CHIME_TO_SPEECH_S,
  announcementLength,
  scheduleBuffer,
  scheduleWords,
} from './announcement-schedule.js';
import { encodeWav } from './wav-file.js';

export interface RenderRequest {
  ticket: TicketNumber;
  counterName: string;
  readLeadingZeros: boolean;
  chime: boolean;
}

/** A WAV file of the announcement; rejects when the clip set lacks a word of it. */
export async function renderAnnouncementWav(
  bank: ClipBank,
  request: RenderRequest,
  sampleRate = 22050,
): Promise<Uint8Array> {
  const words = announcementWords(request.ticket, request.counterName, {
    readLeadingZeros: request.readLeadingZeros,
  });
  const seconds = announcementLength(bank, words, request.chime);
  if (seconds === undefined) {
    const shown = formatTicketNumber(request.ticket.prefix, request.ticket.number);
    throw new Error(`the clip set lacks a word of ${shown}`);
  }
  const context = new OfflineAudioContext(1, Math.ceil((seconds + 0.1) * sampleRate), sampleRate);
  let at = 0;
  if (request.chime && bank.chime) at = scheduleBuffer(context, bank.chime, 0) + CHIME_TO_SPEECH_S;
  scheduleWords(context, bank, words, at);
  const rendered = await context.startRendering();
  return encodeWav(rendered.getChannelData(0), sampleRate);
}
