// Safety facts from the literature, per region. None of them is in the source protocol: they are
// kept apart from the protocol's statements (regionProfiles) so that no reader mistakes one for
// the other, and each carries its own citation.
import type { SourceCitation } from '../screening/rule.js';
import type { SpinalRegion } from './spinal-region.js';

/** A safety fact from the literature that a clinician should have in mind for a region. */
export interface SafetyNote {
  /** A stable id. */
  readonly id: SafetyNoteId;
  /** The fact, in acuspine's words. */
  readonly summary: string;
  /** The reference. Never the source protocol. */
  readonly source: SourceCitation;
}

/** The ids of the shipped safety notes. */
export type SafetyNoteId =
  | 'pneumothorax'
  | 'pneumothorax-in-gerac-cohort'
  | 'oblique-needling-of-chest-and-back'
  | 'deep-needling-of-the-nape'
  | 'lumbosacral-points-in-pregnancy';

const WHO_1999 = 'WHO. Guidelines on basic training and safety in acupuncture, 1999';

/* @__NO_SIDE_EFFECTS__ */
const freezeNote = (note: SafetyNote): SafetyNote => Object.freeze({ ...note, source: Object.freeze(note.source) });

/** Safety notes for cervical needling (literature, not the protocol). */
export const cervicalSafetyNotes: readonly SafetyNote[] = Object.freeze([
  freezeNote({
    id: 'deep-needling-of-the-nape',
    summary:
      'Subarachnoid haemorrhage and spinal cord injury have been reported after deep needling at the nape, near GV16.',
    source: {
      title: 'Choo DC, Yue G. Acute intracranial hemorrhage caused by acupuncture. Headache 2000;40(5):397-8',
      note: 'see also the case tables of Bäumler P, Zhang W, Stübinger T, Irnich D. Acupuncture-related adverse events: systematic review and meta-analyses of prospective clinical studies. BMJ Open 2021;11:e045961',
      url: 'https://doi.org/10.1136/bmjopen-2020-045961',
    },
  }),
]);

/** Safety notes for thoracic needling (literature, not the protocol). */
export const thoracicSafetyNotes: readonly SafetyNote[] = Object.freeze([
  freezeNote({
    id: 'pneumothorax',
    summary:
      'Pneumothorax is the most frequent serious adverse event of acupuncture; serious events overall occur in about 1 per 200,000 treatments.',
    source: {
      title:
        'White A. A cumulative review of the range and incidence of significant adverse events associated with acupuncture. Acupunct Med 2004;22(3):122-33',
    },
  }),
  freezeNote({
    id: 'pneumothorax-in-gerac-cohort',
    summary: 'In the safety cohort of the German Acupuncture Trials, 5 of 17 serious adverse events were pneumothorax.',
    source: { title: 'German Acupuncture Trials (GERAC): safety cohort' },
  }),
  freezeNote({
    id: 'oblique-needling-of-chest-and-back',
    summary: 'Points on the chest and the back are needled obliquely or horizontally, not perpendicularly.',
    source: { title: WHO_1999, section: '5.2' },
  }),
]);

/** Safety notes for lumbosacral needling (literature, not the protocol). */
export const lumbosacralSafetyNotes: readonly SafetyNote[] = Object.freeze([
  freezeNote({
    id: 'lumbosacral-points-in-pregnancy',
    summary:
      'Lumbosacral points are not used in pregnancy (nor lower-abdominal points in the first trimester); the protocol contraindicates acupuncture in pregnancy altogether.',
    source: { title: WHO_1999, section: '2.1' },
  }),
]);

/**
 * Safety notes from the literature for each region (not from the source protocol):
 *
 * - thoracic: pneumothorax is the most frequent serious adverse event of acupuncture; needle
 *   points on the chest and back obliquely or horizontally (WHO 1999, section 5.2).
 * - cervical: subarachnoid haemorrhage and spinal cord injury are reported after deep needling
 *   of the nape near GV16.
 * - lumbosacral: WHO 1999 (section 2.1) rules out lumbosacral points in pregnancy (which the
 *   protocol contraindicates outright).
 *
 * Each region's notes are also its profile's `safetyNotes` (the same frozen array).
 *
 * @example
 * regionSafetyNotes.thoracic.map((note) => note.id);
 * // => ['pneumothorax', 'pneumothorax-in-gerac-cohort', 'oblique-needling-of-chest-and-back']
 */
export const regionSafetyNotes: Readonly<Record<SpinalRegion, readonly SafetyNote[]>> = Object.freeze({
  cervical: cervicalSafetyNotes,
  thoracic: thoracicSafetyNotes,
  lumbosacral: lumbosacralSafetyNotes,
});
