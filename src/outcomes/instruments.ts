// The spine outcome instruments a course can be measured with: how each is scored, never what it
// asks. Their items and answers are the owners' licensed text (the ODI through Mapi Research
// Trust, the NDI and the RMDQ by their authors and Mapi): a clinic shows its licensed wording in
// its own forms, and hands acuspine only item ids and the ordinal value of each answer.
import type { SourceCitation } from '../screening/rule.js';

/** The instruments acuspine scores. */
export type InstrumentId = 'pain-nrs' | 'odi' | 'ndi' | 'rmdq';

/**
 * How an instrument is scored: its items (ids only), the range of each item's ordinal value, the
 * range of the score, and what happens to an item left unanswered.
 *
 * @example
 * instruments.odi.items.length; // => 10
 */
export interface Instrument {
  /** The instrument's id. */
  readonly id: InstrumentId;
  /** The version scored; every score records it. */
  readonly version: string;
  /** The instrument's name. */
  readonly title: string;
  /** The item ids, in the instrument's order, e.g. `'odi.walking'`. */
  readonly items: readonly string[];
  /** The lowest ordinal value of an item. */
  readonly itemMin: number;
  /** The highest ordinal value of an item. */
  readonly itemMax: number;
  /** The highest score (the lowest is 0); `percent` is the score as a share of it. */
  readonly scoreMax: number;
  /**
   * Unanswered items: `'prorate'` scores the answered ones as if the others had their mean (the
   * published rule of the ODI and the NDI; for the RMDQ, a recalculation studied by Kent and
   * Lauridsen, allowed only when asked for); `'none'` when nothing may be missing.
   */
  readonly missingRule: 'prorate' | 'none';
  /** How many items may be missing by default, as the instrument's practice has it. */
  readonly missingAllowed: number;
  /** Where the scoring rule comes from. */
  readonly source: SourceCitation;
}

const odiItems = [
  'painIntensity',
  'personalCare',
  'lifting',
  'walking',
  'sitting',
  'standing',
  'sleeping',
  'sexLife',
  'socialLife',
  'travelling',
];
const ndiItems = [
  'painIntensity',
  'personalCare',
  'lifting',
  'reading',
  'headaches',
  'concentration',
  'work',
  'driving',
  'sleeping',
  'recreation',
];

/** Every instrument, by id. Frozen data. */
export const instruments: Readonly<Record<InstrumentId, Instrument>> = /* @__PURE__ */ Object.freeze({
  'pain-nrs': Object.freeze({
    id: 'pain-nrs',
    version: '0-10',
    title: 'Pain intensity, numeric rating scale 0-10',
    items: Object.freeze(['nrs.pain']),
    itemMin: 0,
    itemMax: 10,
    scoreMax: 10,
    missingRule: 'none',
    missingAllowed: 0,
    source: Object.freeze({
      title: 'LOINC 72514-3, Pain severity - 0-10 verbal numeric rating [Score] - Reported',
      note: 'Hawker GA et al. Arthritis Care Res 2011;63 Suppl 11:S240-52',
    }),
  }),
  odi: Object.freeze({
    id: 'odi',
    version: '2.1a',
    title: 'Oswestry Disability Index',
    items: Object.freeze(odiItems.map((item) => `odi.${item}`)),
    itemMin: 0,
    itemMax: 5,
    scoreMax: 100,
    missingRule: 'prorate',
    missingAllowed: 1,
    source: Object.freeze({
      title: 'Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-52',
      section: 'Scoring: total / (5 x sections answered) x 100',
      note: 'One section unanswered by common practice; the questionnaire is licensed through Mapi Research Trust',
    }),
  }),
  ndi: Object.freeze({
    id: 'ndi',
    version: 'Vernon-Mior 1991',
    title: 'Neck Disability Index',
    items: Object.freeze(ndiItems.map((item) => `ndi.${item}`)),
    itemMin: 0,
    itemMax: 5,
    scoreMax: 50,
    missingRule: 'prorate',
    missingAllowed: 1,
    source: Object.freeze({
      title:
        'Vernon H, Mior S. The Neck Disability Index: a study of reliability and validity. J Manipulative Physiol Ther 1991;14(7):409-15',
      section: 'Scoring: raw 0-50 (x2 for percent); an unanswered item takes the mean of the others',
      note: 'Vernon H. The Neck Disability Index: state-of-the-art, 1991-2008. J Manipulative Physiol Ther 2008;31(7):491-502',
    }),
  }),
  rmdq: Object.freeze({
    id: 'rmdq',
    version: '24-item',
    title: 'Roland-Morris Disability Questionnaire',
    items: Object.freeze(Array.from({ length: 24 }, (_, index) => `rmdq.${index + 1}`)),
    itemMin: 0,
    itemMax: 1,
    scoreMax: 24,
    missingRule: 'prorate',
    missingAllowed: 0,
    source: Object.freeze({
      title: 'Roland M, Morris R. A study of the natural history of back pain, part I. Spine 1983;8(2):141-4',
      section: 'Scoring: the number of statements that apply (1 yes, 0 no)',
      note: 'No published rule for unanswered items: none are allowed by default; with missingAllowed, the answered ones are prorated to 24 (Kent P, Lauridsen HH. Managing missing scores on the Roland Morris Disability Questionnaire. Spine 2011;36(22):1878-84)',
    }),
  }),
});
