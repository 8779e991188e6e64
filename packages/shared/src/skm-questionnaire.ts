import { z } from 'zod';
import type { LocalizedText } from './hall-config.js';

/**
 * The SKM questionnaire of Permenpan RB 14/2017: nine elements (*unsur*) in the regulation's order, each one
 * question scored 1–4 with its own labels. A hall may reword a question, never the scale; its own extra
 * questions live in the hall config and never enter the index.
 */

export const SKM_ELEMENT_IDS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type SkmElementId = (typeof SKM_ELEMENT_IDS)[number];
export const SKM_ELEMENT_COUNT = SKM_ELEMENT_IDS.length;

/** An answer to one element: 1 (worst) to 4 (best), or null when the respondent skipped it. */
export type SkmScore = 1 | 2 | 3 | 4;
export type SkmAnswer = SkmScore | null;
/** Answers in element order: index 0 is U1. */
export type SkmAnswers = readonly SkmAnswer[];

export interface SkmElement {
  id: SkmElementId;
  /** The element's name in the regulation (the report's column head). */
  topic: LocalizedText;
  question: LocalizedText;
  /** The labels of scores 1, 2, 3 and 4. */
  labels: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText];
}

const t = (id: string, en: string): LocalizedText => ({ id, en });
const scale = (
  one: LocalizedText,
  two: LocalizedText,
  three: LocalizedText,
  four: LocalizedText,
): SkmElement['labels'] => [one, two, three, four];

export const SKM_ELEMENTS: readonly SkmElement[] = [
  {
    id: 'U1',
    topic: t('Persyaratan', 'Requirements'),
    question: t(
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      'How well did the requirements fit the service you received?',
    ),
    labels: scale(
      t('Tidak sesuai', 'Not suitable'),
      t('Kurang sesuai', 'Somewhat unsuitable'),
      t('Sesuai', 'Suitable'),
      t('Sangat sesuai', 'Very suitable'),
    ),
  },
  {
    id: 'U2',
    topic: t('Sistem, mekanisme dan prosedur', 'System, mechanism and procedure'),
    question: t(
      'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      'How easy was the service procedure here?',
    ),
    labels: scale(
      t('Tidak mudah', 'Not easy'),
      t('Kurang mudah', 'Somewhat difficult'),
      t('Mudah', 'Easy'),
      t('Sangat mudah', 'Very easy'),
    ),
  },
  {
    id: 'U3',
    topic: t('Waktu penyelesaian', 'Completion time'),
    question: t(
      'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      'How fast was the service?',
    ),
    labels: scale(
      t('Tidak cepat', 'Not fast'),
      t('Kurang cepat', 'Somewhat slow'),
      t('Cepat', 'Fast'),
      t('Sangat cepat', 'Very fast'),
    ),
  },
  {
    id: 'U4',
    topic: t('Biaya/tarif', 'Cost/fee'),
    question: t(
      'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      'How fair was the cost or fee of the service?',
    ),
    labels: scale(
      t('Sangat mahal', 'Very expensive'),
      t('Cukup mahal', 'Rather expensive'),
      t('Murah', 'Cheap'),
      t('Gratis', 'Free'),
    ),
  },
  {
    id: 'U5',
    topic: t('Produk spesifikasi jenis pelayanan', 'Service product'),
    question: t(
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      'How well did the result match what the service standard promises?',
    ),
    labels: scale(
      t('Tidak sesuai', 'Not as promised'),
      t('Kurang sesuai', 'Partly as promised'),
      t('Sesuai', 'As promised'),
      t('Sangat sesuai', 'Fully as promised'),
    ),
  },
  {
    id: 'U6',
    topic: t('Kompetensi pelaksana', 'Staff competence'),
    question: t(
      'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      'How competent were the staff who served you?',
    ),
    labels: scale(
      t('Tidak kompeten', 'Not competent'),
      t('Kurang kompeten', 'Somewhat competent'),
      t('Kompeten', 'Competent'),
      t('Sangat kompeten', 'Very competent'),
    ),
  },
  {
    id: 'U7',
    topic: t('Perilaku pelaksana', 'Staff conduct'),
    question: t(
      'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      'How polite and friendly were the staff?',
    ),
    labels: scale(
      t('Tidak sopan dan ramah', 'Not polite and friendly'),
      t('Kurang sopan dan ramah', 'Somewhat polite and friendly'),
      t('Sopan dan ramah', 'Polite and friendly'),
      t('Sangat sopan dan ramah', 'Very polite and friendly'),
    ),
  },
  {
    id: 'U8',
    topic: t('Penanganan pengaduan, saran dan masukan', 'Handling of complaints and suggestions'),
    question: t(
      'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      'How are complaints from service users handled?',
    ),
    labels: scale(
      t('Tidak ada', 'There is none'),
      t('Ada tetapi tidak berfungsi', 'Exists but does not work'),
      t('Berfungsi kurang maksimal', 'Works, not fully'),
      t('Dikelola dengan baik', 'Well managed'),
    ),
  },
  {
    id: 'U9',
    topic: t('Sarana dan prasarana', 'Facilities'),
    question: t(
      'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      'How good are the facilities?',
    ),
    labels: scale(t('Buruk', 'Poor'), t('Cukup', 'Fair'), t('Baik', 'Good'), t('Sangat baik', 'Very good')),
  },
];

/** The answer that keeps a profile field private; every profile question offers it. */
export const UNDISCLOSED = 'undisclosed';

const PROFILE_OPTIONS = {
  gender: { male: t('Laki-laki', 'Male'), female: t('Perempuan', 'Female') },
  age: {
    'under-20': t('Di bawah 20 tahun', 'Under 20'),
    '20-29': t('20–29 tahun', '20–29'),
    '30-39': t('30–39 tahun', '30–39'),
    '40-49': t('40–49 tahun', '40–49'),
    '50-59': t('50–59 tahun', '50–59'),
    '60-plus': t('60 tahun ke atas', '60 and over'),
  },
  education: {
    sd: t('SD ke bawah', 'Primary school or less'),
    smp: t('SMP', 'Junior high school'),
    sma: t('SMA/SMK', 'Senior high school'),
    diploma: t('D1–D3', 'Diploma'),
    s1: t('D4/S1', "Bachelor's degree"),
    s2: t('S2 ke atas', "Master's degree or higher"),
  },
  occupation: {
    pns: t('PNS', 'Civil servant'),
    'tni-polri': t('TNI/Polri', 'Military/police'),
    swasta: t('Pegawai swasta', 'Private employee'),
    wirausaha: t('Wirausaha', 'Self-employed'),
    pelajar: t('Pelajar/Mahasiswa', 'Student'),
    lainnya: t('Lainnya', 'Other'),
  },
} as const;

export type ProfileField = keyof typeof PROFILE_OPTIONS;
export const PROFILE_FIELDS = Object.keys(PROFILE_OPTIONS) as ProfileField[];

export const PROFILE_QUESTIONS: Record<ProfileField, LocalizedText> = {
  gender: t('Jenis kelamin', 'Gender'),
  age: t('Usia', 'Age'),
  education: t('Pendidikan terakhir', 'Education'),
  occupation: t('Pekerjaan', 'Occupation'),
};

export const UNDISCLOSED_TEXT = t('Tidak ingin menjawab', 'Prefer not to say');

/** The options of a profile question, in order, the private answer last. */
export function profileOptions(field: ProfileField): Array<{ value: string; label: LocalizedText }> {
  const options = Object.entries(PROFILE_OPTIONS[field]).map(([value, label]) => ({ value, label }));
  return [...options, { value: UNDISCLOSED, label: UNDISCLOSED_TEXT }];
}

const profileValue = (field: ProfileField) =>
  z.enum([UNDISCLOSED, ...Object.keys(PROFILE_OPTIONS[field])]).default(UNDISCLOSED);

export const respondentProfileSchema = z.strictObject({
  gender: profileValue('gender'),
  age: profileValue('age'),
  education: profileValue('education'),
  occupation: profileValue('occupation'),
});
export type RespondentProfile = z.infer<typeof respondentProfileSchema>;

const localizedText = z.object({ id: z.string().min(1).max(300), en: z.string().min(1).max(300) });

/** A hall's own question, asked after the nine and kept out of the index. */
export const extraQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  question: localizedText,
  options: z.array(localizedText).min(2).max(6),
});
export type ExtraQuestion = z.infer<typeof extraQuestionSchema>;

/** Hall settings of the survey. */
export const surveySettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** How long after the visit ends its ticket page asks for the survey. */
  windowHours: z.number().min(1).max(168).default(24),
  /** How long the counter-facing screen offers the survey of a visit that has just ended. */
  counterOfferSeconds: z.number().int().min(30).max(900).default(180),
  /** How long the counter-facing screen shows its thanks before it goes back to idle. */
  counterThanksSeconds: z.number().int().min(3).max(60).default(8),
  extraQuestions: z.array(extraQuestionSchema).max(10).default([]),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;
export const DEFAULT_SURVEY_SETTINGS: SurveySettings = surveySettingsSchema.parse({});
