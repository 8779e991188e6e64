import { z } from 'zod';
import type { BookingRefusalCode } from './booking-commands.js';
import type { DomainError } from './error-codes.js';
import type { LocalizedText } from './hall-config.js';
import { PRIORITY_GROUPS } from './domain-types.js';

/**
 * The wire shapes of appointments: the public booking page's and the intake API's bodies, the kiosk's and
 * counter's check-in request, and their answers. Bodies are checked here for shape only; what they mean is
 * `decideBooking`'s question (`booking-commands.ts`), which answers with a bilingual reason.
 */
const bookingFields = z.strictObject({
  /** One service, or `packageId`: a service package booked in one go (`package-booking.ts`). */
  serviceId: z.string().min(1).max(64).optional(),
  packageId: z.string().min(1).max(64).optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  slotStart: z.number().int().positive(),
  name: z.string().max(200),
  nik: z.string().max(40),
  phone: z.string().max(40),
});
const oneOf = (b: { serviceId?: string | undefined; packageId?: string | undefined }): boolean =>
  (b.serviceId === undefined) !== (b.packageId === undefined);
const ONE_OF = 'a serviceId or a packageId';
export const bookingBodySchema = bookingFields.refine(oneOf, ONE_OF);
export type BookingBody = z.infer<typeof bookingBodySchema>;

/** An intake client's booking: the same, with its own reference, which makes a retry harmless. */
export const intakeBookingSchema = bookingFields
  .extend({
    clientRef: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9._:-]+$/),
  })
  .refine(oneOf, ONE_OF);
export type IntakeBookingBody = z.infer<typeof intakeBookingSchema>;

/** `booking:checkIn`: the booking code (typed, or typed by a USB scanner reading the QR) or the NIK. */
export const checkInRequestSchema = z
  .strictObject({
    code: z.string().min(1).max(20).optional(),
    nik: z.string().min(1).max(40).optional(),
    priority: z.enum(PRIORITY_GROUPS).default('none'),
  })
  .refine((r) => (r.code === undefined) !== (r.nik === undefined), 'a code or a NIK');
export type CheckInRequest = z.input<typeof checkInRequestSchema>;

/** A booking as its holder sees it: never the name, NIK or phone. */
export interface BookingView {
  bookingId: string;
  code: string;
  serviceId: string;
  day: string;
  slotStart: number;
  /** `HH:MM` hall time. */
  clock: string;
  status: 'booked' | 'cancelled' | 'checkedIn' | 'missed';
  clientRef?: string;
  /** A package booked in one go: the package, and every leg's service and slot (the first is this one). */
  packageId?: string;
  legs?: Array<{ serviceId: string; slotStart: number; clock: string }>;
}

/** A refusal of a booking, cancel or check-in: the code, the text to show, and the hub's error. */
export interface BookingFailure {
  ok: false;
  error: DomainError;
  refusal?: BookingRefusalCode;
  text?: LocalizedText;
  /** A refused check-in that is offered a regular ticket instead (`offersWalkIn`): the booking's service. */
  walkInServiceId?: string;
}

export type BookingReply = { ok: true; booking: BookingView } | BookingFailure;
export type CheckInReply =
  { ok: true; ticketId: string; displayNumber: string; seq: number; booking: BookingView } | BookingFailure;
