import type { SourceCitation } from '../screening/rule.js';

/** The items of the STRICTA 2010 checklist (MacPherson et al., PLoS Med 2010;7(6):e1000261). */
export type StrictaItemId =
  | '1a'
  | '1b'
  | '1c'
  | '2a'
  | '2b'
  | '2c'
  | '2d'
  | '2e'
  | '2f'
  | '2g'
  | '3a'
  | '3b'
  | '4a'
  | '4b'
  | '5'
  | '6a'
  | '6b';

/** The STRICTA items that a course fills; the others are left for the clinic. */
export type FilledStrictaItemId = '1a' | '1b' | '1c' | '2b' | '2f' | '3a' | '3b';

/** One STRICTA item: filled from the course, or left for the clinic to fill. */
export type StrictaItem = FilledStrictaItem | OpenStrictaItem;

/** A STRICTA item that acuspine fills from the course. */
export interface FilledStrictaItem {
  /** The item. */
  readonly id: FilledStrictaItemId;
  /** The item's subject, as the checklist names it. */
  readonly title: string;
  /** Always `'filled'`. */
  readonly status: 'filled';
  /** What the course says for this item. */
  readonly text: string;
  /** What the outcome records show for this item, beside the plan (added by `strictaWithOutcomes` of 'acuspine/outcomes'). */
  readonly recorded?: string;
}

/** A STRICTA item that only the clinic can fill (needle type, depth, the practitioner...). */
export interface OpenStrictaItem {
  /** The item. */
  readonly id: Exclude<StrictaItemId, FilledStrictaItemId>;
  /** The item's subject, as the checklist names it. */
  readonly title: string;
  /** Always `'for-clinic'`. */
  readonly status: 'for-clinic';
  /**
   * What the outcome records show that bears on the item (added by `strictaWithOutcomes` of
   * 'acuspine/outcomes'): material for the clinic, which still writes the item itself.
   */
  readonly recorded?: string;
}

/** A course described by the STRICTA 2010 items, for research reports. */
export interface StrictaSummary {
  /** The checklist. */
  readonly source: SourceCitation;
  /** All seventeen items, in the checklist's order. */
  readonly items: readonly StrictaItem[];
}

/**
 * The items of STRICTA 2010 in the checklist's order, with their subjects.
 *
 * @example
 * strictaItems.find((item) => item.id === '2f')?.title; // => 'Needle retention time'
 */
export const strictaItems: readonly StrictaItemHeading[] = /* @__PURE__ */ headings([
  ['1a', 'Style of acupuncture'],
  ['1b', 'Reasoning for treatment provided'],
  ['1c', 'Extent to which treatment was varied'],
  ['2a', 'Number of needle insertions per subject per session'],
  ['2b', 'Names (or location if no standard name) of points used (uni/bilateral)'],
  ['2c', 'Depth of insertion'],
  ['2d', 'Response sought'],
  ['2e', 'Needle stimulation'],
  ['2f', 'Needle retention time'],
  ['2g', 'Needle type'],
  ['3a', 'Number of treatment sessions'],
  ['3b', 'Frequency and duration of treatment sessions'],
  ['4a', 'Details of other interventions administered to the acupuncture group'],
  ['4b', 'Setting and context of treatment'],
  ['5', 'Description of participating acupuncturists'],
  ['6a', 'Rationale for the control or comparator'],
  ['6b', 'Precise description of the control or comparator'],
]);

/* @__NO_SIDE_EFFECTS__ */
function headings(rows: readonly (readonly [string, string])[]): readonly StrictaItemHeading[] {
  return Object.freeze(rows.map(([id, title]) => Object.freeze({ id: id as StrictaItemId, title })));
}

/** A STRICTA item's id and subject. */
export interface StrictaItemHeading {
  /** The item. */
  readonly id: StrictaItemId;
  /** The item's subject, as the checklist names it. */
  readonly title: string;
}

/** The STRICTA 2010 checklist. */
export const STRICTA_SOURCE: SourceCitation = Object.freeze({
  title:
    'MacPherson H, Altman DG, Hammerschlag R, et al. Revised STandards for Reporting Interventions in Clinical Trials of Acupuncture (STRICTA). PLoS Med 2010;7(6):e1000261',
  url: 'https://doi.org/10.1371/journal.pmed.1000261',
});

/** A frozen summary with the given items filled and the others left for the clinic. */
export function strictaSummary(filled: Readonly<Record<FilledStrictaItemId, string>>): StrictaSummary {
  const items = strictaItems.map(({ id, title }): StrictaItem => {
    const text = (filled as Readonly<Record<string, string | undefined>>)[id];
    return text === undefined
      ? Object.freeze({ id: id as OpenStrictaItem['id'], title, status: 'for-clinic' })
      : Object.freeze({ id: id as FilledStrictaItemId, title, status: 'filled', text });
  });
  return Object.freeze({ source: STRICTA_SOURCE, items: Object.freeze(items) });
}
