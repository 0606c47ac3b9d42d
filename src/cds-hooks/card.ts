// CDS Hooks 2.0 response types (https://cds-hooks.hl7.org/2.0/), only what acuspine returns.
// Optional fields are left out when empty, never null, as the specification requires.

/** How urgent a card is, in CDS Hooks 2.0 terms. */
export type CardIndicator = 'info' | 'warning' | 'critical';

/**
 * A CDS Hooks Coding (used for `source.topic` and `overrideReasons`).
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
  /** The card's id, for the EHR's feedback and the clinic's audit log (cards of the order hooks). */
  readonly uuid?: string;
  /** Changes the card proposes, such as removing a draft order; `selectionBehavior` comes with them. */
  readonly suggestions?: readonly CardSuggestion[];
  /** How many of the suggestions the user may choose: `at-most-one` or `any`. */
  readonly selectionBehavior?: 'at-most-one' | 'any';
  /** Reasons the user may give when overriding the card; each has a `display`. */
  readonly overrideReasons?: readonly CardCoding[];
  /** Links for the user, such as the clinic's form for the facts to record. */
  readonly links?: readonly CardLink[];
}

/**
 * A change a card proposes; the user accepts all of its actions or none.
 *
 * @example
 * const suggestion: CardSuggestion = {
 *   label: 'Remove the acupuncture order',
 *   uuid: '0b5b3c4e-8f7a-8d2e-9c41-5a6f7e8d9c0b',
 *   actions: [{ type: 'delete', description: 'Remove the draft order ServiceRequest/1', resourceId: 'ServiceRequest/1' }],
 * };
 */
export interface CardSuggestion {
  /** The text of the button. */
  readonly label: string;
  /** The suggestion's id, reported back in feedback when it is accepted. */
  readonly uuid?: string;
  /** True for the suggestion the service recommends. */
  readonly isRecommended?: boolean;
  /** What accepting it does. */
  readonly actions?: readonly CardAction[];
}

/**
 * One action of a suggestion. acuspine proposes only `delete`, of a draft order.
 *
 * @example
 * const action: CardAction = { type: 'delete', description: 'Remove the draft order', resourceId: 'ServiceRequest/1' };
 */
export interface CardAction {
  /** `create`, `update` or `delete`. */
  readonly type: 'create' | 'update' | 'delete';
  /** What the action does, in words for the user. */
  readonly description: string;
  /** The resource to delete, as a relative reference (`ServiceRequest/1`). */
  readonly resourceId?: string;
}

/**
 * A link on a card.
 *
 * @example
 * const link: CardLink = { label: 'Record the missing facts', url: 'https://clinic.example/forms/acupuncture', type: 'absolute' };
 */
export interface CardLink {
  /** The text of the link. */
  readonly label: string;
  /** Where it leads. */
  readonly url: string;
  /** `absolute`: opened as it is; `smart`: a SMART app launch. */
  readonly type: 'absolute' | 'smart';
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
