// CDS Hooks 2.0 response types (https://cds-hooks.hl7.org/2.0/), only what acuspine returns.
// Optional fields are left out when empty, never null, as the specification requires.

/** How urgent a card is, in CDS Hooks 2.0 terms. */
export type CardIndicator = 'info' | 'warning' | 'critical';

/**
 * A CDS Hooks Coding (used for `source.topic`).
 *
 * @example
 * const topic: CardCoding = { system: 'https://clinic.example/topics', code: 'acupuncture-screening' };
 */
export interface CardCoding {
  /** The code system's URI. */
  readonly system?: string;
  /** The code. */
  readonly code: string;
  /** Text for people. */
  readonly display?: string;
}

/**
 * Where a card comes from, as the EHR shows it. `label` is required.
 *
 * @example
 * const source: CardSource = { label: 'Clinic acupuncture screening', url: 'https://clinic.example/protocol' };
 */
export interface CardSource {
  /** A short, human-readable name of the source, shown with the card. */
  readonly label: string;
  /** An absolute URL where the user can learn more about the source. */
  readonly url?: string;
  /** An absolute URL of an icon for the source (100x100 PNG). */
  readonly icon?: string;
  /** A topic that groups the card, for analytics and feedback. */
  readonly topic?: CardCoding;
}

/**
 * One CDS Hooks 2.0 card.
 *
 * @example
 * const card: Card = { summary: 'No contraindication found', indicator: 'info', source: { label: 'acuspine' } };
 */
export interface Card {
  /** A one-sentence summary, under 140 characters. */
  readonly summary: string;
  /** How urgent the card is. */
  readonly indicator: CardIndicator;
  /** Where the card comes from. */
  readonly source: CardSource;
  /** Details in GitHub-flavoured markdown. */
  readonly detail?: string;
}

/**
 * A CDS Hooks 2.0 service response.
 *
 * @example
 * const response: CdsResponse = { cards: [] };
 */
export interface CdsResponse {
  /** The cards, most urgent first. */
  readonly cards: readonly Card[];
}
