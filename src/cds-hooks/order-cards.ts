import { nameUuid } from '../_internal/name-uuid.js';
import type { AcupunctureOrder } from './acupuncture-orders.js';
import type { Card, CardCoding, CardSuggestion } from './card.js';

/** The code system of the override reasons acuspine offers. */
export const OVERRIDE_REASON_SYSTEM = 'https://acuspine.github.io/codes/cds-override-reason';

/**
 * The reasons a clinician may give for keeping an acupuncture order against a critical card,
 * unless the service is given its own: the record is wrong, the finding was already dealt with,
 * or the clinician weighs it otherwise. The clinician decides; the reason goes to the audit log.
 */
export const defaultOverrideReasons: readonly CardCoding[] = /* @__PURE__ */ Object.freeze(
  [
    { code: 'record-incorrect', display: 'The record is wrong: the finding does not apply to this patient' },
    { code: 'already-assessed', display: 'Already assessed or referred for this finding' },
    { code: 'clinical-judgement', display: 'Clinical judgement: proceeding with the order' },
  ].map((reason) => Object.freeze({ system: OVERRIDE_REASON_SYSTEM, ...reason })),
);

/** What the order hooks add to the cards. */
export interface OrderCardsContext {
  /** The service called and the EHR's hook instance: with the card's place, they make its uuid. */
  readonly serviceId: string;
  readonly hookInstance: string;
  /** The acupuncture orders the hook is about, at least one. */
  readonly orders: readonly AcupunctureOrder[];
  readonly overrideReasons: readonly CardCoding[];
}

/**
 * The cards of an order hook, from the screening's cards: every card gets a uuid for feedback; a
 * `critical` card (a contraindication, a red flag) suggests removing the acupuncture orders
 * (one `delete` action each, for the orders that have an id) and offers the override reasons.
 * The `info` card of an all-clear is left out: nothing is shown when there is nothing to act on
 * (alert fatigue), so an order that passes screening gets no card at all.
 */
export function orderCards(cards: readonly Card[], context: OrderCardsContext): Card[] {
  const names = (kind: string, index: number) => [context.serviceId, context.hookInstance, kind, String(index)];
  const deletable = context.orders.flatMap((order) => (order.resourceId === undefined ? [] : [order.resourceId]));
  return cards
    .filter((card) => card.indicator !== 'info')
    .map((card, index) => {
      const uuid = nameUuid(names('card', index));
      if (card.indicator !== 'critical') return Object.freeze({ ...card, uuid });
      const suggestion: CardSuggestion = Object.freeze({
        label: deletable.length === 1 ? 'Remove the acupuncture order' : 'Remove the acupuncture orders',
        uuid: nameUuid(names('suggestion', index)),
        isRecommended: true,
        actions: Object.freeze(
          deletable.map((resourceId) =>
            Object.freeze({ type: 'delete' as const, description: `Remove the draft order ${resourceId}`, resourceId }),
          ),
        ),
      });
      return Object.freeze({
        ...card,
        uuid,
        // A draft without an id cannot be named in an action: the card still stands, without one.
        ...(deletable.length === 0
          ? {}
          : { suggestions: Object.freeze([suggestion]), selectionBehavior: 'at-most-one' as const }),
        overrideReasons: context.overrideReasons,
      });
    });
}
