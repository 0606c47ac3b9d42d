// The headings of the source protocol's sections that the regions and the course builder cite,
// spelled exactly as in the source so that a reviewer can find them.
import type { SourceCitation } from '../screening/rule.js';
import { PROTOCOL_TITLE } from '../screening/sources.js';
import type { SpinalRegion } from './spinal-region.js';

/** The general section: the course of about 10 sessions and the steps of a session. */
export const ESSENCE_SECTION = 'The essence of acupuncture';

export const CERVICAL_SECTION = 'Acupuncture for cervical osteochondrosis of the spine';
export const THORACIC_SECTION = 'Acupuncture for osteochondrosis of the thoracic region spine';
export const LUMBOSACRAL_SECTION = 'Acupuncture for lumbosacral osteochondrosis';

/**
 * The section of each region, by its heading. Module-level data uses the constants above
 * instead: esbuild keeps any module-level property read, and with it the table it sits in.
 */
export const REGION_SECTIONS: Readonly<Record<SpinalRegion, string>> = Object.freeze({
  cervical: CERVICAL_SECTION,
  thoracic: THORACIC_SECTION,
  lumbosacral: LUMBOSACRAL_SECTION,
});

/** A frozen citation of a section of the source protocol. */
/* @__NO_SIDE_EFFECTS__ */
export function protocolSection(section: string, extra: { item?: number; note?: string } = {}): SourceCitation {
  return Object.freeze({ title: PROTOCOL_TITLE, section, ...extra });
}
