import type { HallConfig, LocalizedText, ProfileField } from '@antre/shared';
import { PROFILE_FIELDS, PROFILE_QUESTIONS, SKM_ELEMENTS, profileOptions } from '@antre/shared';

/**
 * The SKM questionnaire as HTML, for the ticket page on a phone and the counter-facing screen: every text in
 * Indonesian and English (`lang` spans; the body's `en` class shows English), radio tiles big enough for one
 * finger, nothing that needs JavaScript to answer on a phone.
 */

export type PageLang = 'id' | 'en';

/** Both languages of a text; the page shows one of them. */
export function both(text: LocalizedText): string {
  return `<span lang="id">${escapeHtml(text.id)}</span><span lang="en">${escapeHtml(text.en)}</span>`;
}

/** As `both`, for a tile's label: a long word joined by a slash ("Pelajar/Mahasiswa") may wrap after it. */
function tileLabel(text: LocalizedText): string {
  const wrap = (s: string) => escapeHtml(s).replaceAll('/', '/<wbr>');
  return `<span lang="id">${wrap(text.id)}</span><span lang="en">${wrap(text.en)}</span>`;
}

const t = (id: string, en: string): LocalizedText => ({ id, en });

export const SURVEY_TEXT = {
  title: t('Survei Kepuasan Masyarakat', 'Public satisfaction survey'),
  intro: t(
    'Bantu kami memperbaiki pelayanan. Jawaban Anda anonim: petugas tidak melihat siapa yang menjawab.',
    'Help us improve. Your answers are anonymous: staff do not see who answered.',
  ),
  skip: t('Pertanyaan boleh dilewati.', 'You may skip a question.'),
  profile: t('Tentang Anda (boleh tidak dijawab)', 'About you (optional)'),
  suggestion: t('Saran dan masukan (tidak wajib)', 'Suggestions (optional)'),
  suggestionHint: t(
    'Jangan menulis nomor HP atau NIK di sini.',
    'Please do not write your phone number or ID number here.',
  ),
  extra: t('Pertanyaan tambahan', 'Additional questions'),
  send: t('Kirim jawaban', 'Send answers'),
  thanks: t('Terima kasih atas penilaian Anda!', 'Thank you for your feedback!'),
  thanksMore: t(
    'Jawaban Anda membantu kami memperbaiki pelayanan.',
    'Your answers help us improve the service.',
  ),
  rated: t('Kunjungan ini sudah dinilai. Terima kasih!', 'This visit has already been rated. Thank you!'),
  closes: t('Survei dibuka sampai', 'The survey is open until'),
  toggle: t('English', 'Bahasa Indonesia'),
} as const;

/** The questionnaire's fieldsets: the nine elements, the hall's own questions, the profile, the suggestion. */
export function surveyFieldsets(config: HallConfig): string {
  const elements = SKM_ELEMENTS.map((e, i) => {
    const options = e.labels
      .map(
        (label, score) => `<label class="tile"><input type="radio" name="u${i + 1}" value="${score + 1}">
<span class="score" aria-hidden="true">${score + 1}</span><span class="label">${tileLabel(label)}</span></label>`,
      )
      .join('');
    return `<fieldset class="q" data-step="${i}"><legend><span class="num">${i + 1}/9</span> ${both(e.question)}</legend>
<div class="tiles four">${options}</div></fieldset>`;
  }).join('\n');
  const extra = config.survey.extraQuestions
    .map(
      (q) =>
        `<fieldset class="q extra" data-step="extra"><legend>${both(q.question)}</legend><div class="tiles">${q.options
          .map(
            (o, i) =>
              `<label class="tile"><input type="radio" name="extra-${escapeHtml(q.id)}" value="${i}"><span class="label">${tileLabel(o)}</span></label>`,
          )
          .join('')}</div></fieldset>`,
    )
    .join('\n');
  const profile = PROFILE_FIELDS.map((f) => profileFieldset(f)).join('\n');
  return `${elements}
${extra === '' ? '' : `<h2 class="section">${both(SURVEY_TEXT.extra)}</h2>${extra}`}
<section class="q profile" data-step="profile"><h2 class="section">${both(SURVEY_TEXT.profile)}</h2>${profile}
<label class="suggestion"><span class="legend">${both(SURVEY_TEXT.suggestion)}</span>
<small>${both(SURVEY_TEXT.suggestionHint)}</small>
<textarea name="suggestion" maxlength="1000" rows="3"></textarea></label></section>`;
}

function profileFieldset(field: ProfileField): string {
  const options = profileOptions(field)
    .map(
      (o) =>
        `<label class="tile small"><input type="radio" name="${field}" value="${o.value}"><span class="label">${tileLabel(o.label)}</span></label>`,
    )
    .join('');
  return `<fieldset class="pf"><legend>${both(PROFILE_QUESTIONS[field])}</legend><div class="tiles">${options}</div></fieldset>`;
}

/** The look shared by the phone page and the counter-facing screen; WCAG AA pairs from the design tokens. */
export const SURVEY_CSS = `
*{box-sizing:border-box}
[hidden]{display:none!important}
body{font-family:system-ui,sans-serif;margin:0;background:#eef2f7;color:#0f1f33;line-height:1.4}
body:not(.en) [lang=en],body.en [lang=id]{display:none}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.25rem 0}
.hall{color:#4a5f78;font-size:.95rem;margin:0}
.intro{color:#4a5f78;margin:.5rem 0 1rem}
.q{border:0;background:#fff;border-radius:1rem;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 4px #0b254514}
legend{font-weight:700;font-size:1.05rem;padding:0;margin-bottom:.75rem;float:left;width:100%}
legend+*{clear:both}
.num{display:inline-block;color:#4a5f78;font-weight:600;margin-right:.25rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem}
.tile{position:relative;display:flex;align-items:center;gap:.6rem;min-height:3.25rem;padding:.6rem .8rem;border:2px solid #b9c6d6;border-radius:.75rem;background:#fff;cursor:pointer}
.tile input{position:absolute;opacity:0;width:1px;height:1px}
.tile .score{flex:none;display:grid;place-items:center;width:2rem;height:2rem;border-radius:50%;background:#e8f0fa;color:#084a8c;font-weight:800}
.tile:has(input:checked){border-color:#0b5cad;background:#0b5cad;color:#fff}
.tile:has(input:checked) .score{background:#fff;color:#0b5cad}
.tile:has(input:focus-visible){outline:3px solid #e08a00;outline-offset:2px}
.tile.small{min-height:2.75rem}
.tile .label{min-width:0;overflow-wrap:break-word}
@media (max-width:24rem){main{padding:.75rem}.q{padding:.85rem}.tile{padding:.5rem .55rem;gap:.45rem}}
.pf{border:0;padding:0;margin:0 0 1rem}
.pf legend{font-size:1rem}
.section{font-size:1.1rem;margin:0 0 .75rem}
.suggestion{display:block}
.suggestion .legend{display:block;font-weight:700}
.suggestion small{display:block;color:#4a5f78;margin:.25rem 0 .5rem}
textarea{width:100%;font:inherit;padding:.6rem;border:2px solid #b9c6d6;border-radius:.6rem}
textarea:focus{outline:3px solid #e08a00;border-color:#0b5cad}
.send{display:block;width:100%;min-height:3.5rem;font:inherit;font-size:1.15rem;font-weight:800;border:0;border-radius:.9rem;background:#0a7d3b;color:#fff;cursor:pointer}
.send:focus-visible{outline:3px solid #e08a00;outline-offset:3px}
.toggle{float:right;font:inherit;font-weight:600;color:#084a8c;background:#fff;border:2px solid #0b5cad;border-radius:999px;padding:.35rem .9rem;min-height:2.75rem;text-decoration:none;display:inline-flex;align-items:center}
.error{background:#fdecea;color:#8c1d16;border-radius:.75rem;padding:.75rem 1rem;font-weight:600}
.thanks{background:#fff;border-radius:1rem;padding:2rem 1.25rem;text-align:center;box-shadow:0 1px 4px #0b254514}
.thanks .big{font-size:1.6rem;font-weight:800;color:#075c2c;margin:.5rem 0}
.closes{color:#4a5f78;font-size:.9rem}
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
