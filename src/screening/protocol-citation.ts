import type { SourceCitation } from './rule.js';
import { PROTOCOL_TITLE } from './sources.js';

/**
 * The item number when a citation names an item of the source protocol's contraindication list
 * (section `'Contraindications'`), else undefined. `defineRuleSet` accepts such a citation with
 * no note only on that item's own rule, so a citation of an item that carries a note marks a
 * rule that a rule set adapted from the protocol's.
 */
export function protocolItemOf(source: SourceCitation): number | undefined {
  return source.title === PROTOCOL_TITLE && source.section === 'Contraindications' ? source.item : undefined;
}
