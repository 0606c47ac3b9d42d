// The CDS Hooks 2.0 card rules (https://cds-hooks.hl7.org/2.0/#card-attributes: summary under
// 140 characters, indicator, source; empty optional values left out), as a test helper: returns the problems found, an empty list for a valid card.
//
// - summary: required string, non-empty, under 140 characters;
// - indicator: required, one of info | warning | critical;
// - source: required object; label required (non-empty string); url and icon absolute URLs;
//   topic a Coding with a code;
// - detail: optional markdown string;  uuid: optional string;
// - suggestions: optional array of { label, uuid?, isRecommended?, actions? }; when present,
//   selectionBehavior is required (at-most-one | any); each action { type: create | update |
//   delete, description, resource?, resourceId? }, a delete naming its resource (resourceId, a
//   relative reference Type/id);
// - overrideReasons: optional array of Codings, each with a display (the service MUST give one);
// - uuid, on a card or a suggestion, in the 8-4-4-4-12 hexadecimal layout;
// - links: optional array of { label, url (absolute), type: absolute | smart, appContext? };
// - optional values are left out when empty: no null, no empty string, array or object anywhere;
// - no other attributes than these and `extension`.

const CARD_KEYS = new Set([
  'uuid',
  'summary',
  'detail',
  'indicator',
  'source',
  'suggestions',
  'selectionBehavior',
  'overrideReasons',
  'links',
  'extension',
]);
const SOURCE_KEYS = new Set(['label', 'url', 'icon', 'topic']);
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

export function validateCard(card: unknown, where = 'card'): string[] {
  const problems: string[] = [];
  problems.push(...emptyValues(card, where));
  if (!isRecord(card)) return [`${where}: not an object`];
  for (const key of Object.keys(card)) if (!CARD_KEYS.has(key)) problems.push(`${where}.${key}: not a card attribute`);
  const { summary, indicator, source, detail, uuid, suggestions, selectionBehavior, overrideReasons, links } = card;
  if (typeof summary !== 'string' || summary.trim() === '') problems.push(`${where}.summary: required string`);
  else if (summary.length >= 140) problems.push(`${where}.summary: ${summary.length} characters, must be under 140`);
  if (indicator !== 'info' && indicator !== 'warning' && indicator !== 'critical') {
    problems.push(`${where}.indicator: must be info, warning or critical`);
  }
  if (!isRecord(source)) {
    problems.push(`${where}.source: required object`);
  } else {
    for (const key of Object.keys(source))
      if (!SOURCE_KEYS.has(key)) problems.push(`${where}.source.${key}: not a source attribute`);
    if (typeof source.label !== 'string' || source.label.trim() === '')
      problems.push(`${where}.source.label: required string`);
    for (const key of ['url', 'icon'] as const) {
      if (source[key] !== undefined && !(typeof source[key] === 'string' && ABSOLUTE_URL.test(source[key] as string))) {
        problems.push(`${where}.source.${key}: must be an absolute URL`);
      }
    }
    if (source.topic !== undefined) problems.push(...coding(source.topic, `${where}.source.topic`));
  }
  if (detail !== undefined && typeof detail !== 'string') problems.push(`${where}.detail: must be a markdown string`);
  if (uuid !== undefined && !isUuid(uuid)) problems.push(`${where}.uuid: must be a UUID string`);
  if (suggestions !== undefined) {
    if (!Array.isArray(suggestions)) problems.push(`${where}.suggestions: must be an array`);
    else {
      if (selectionBehavior !== 'at-most-one' && selectionBehavior !== 'any') {
        problems.push(`${where}.selectionBehavior: required with suggestions (at-most-one or any)`);
      }
      suggestions.forEach((suggestion: unknown, i) => {
        problems.push(...validateSuggestion(suggestion, `${where}.suggestions[${i}]`));
      });
    }
  } else if (selectionBehavior !== undefined) {
    problems.push(`${where}.selectionBehavior: only with suggestions`);
  }
  if (overrideReasons !== undefined) {
    if (!Array.isArray(overrideReasons)) problems.push(`${where}.overrideReasons: must be an array`);
    else
      overrideReasons.forEach((reason: unknown, i) => {
        problems.push(...coding(reason, `${where}.overrideReasons[${i}]`));
        if (!isRecord(reason) || typeof reason.display !== 'string') {
          problems.push(`${where}.overrideReasons[${i}].display: required string`);
        }
      });
  }
  if (links !== undefined) {
    if (!Array.isArray(links)) problems.push(`${where}.links: must be an array`);
    else {
      links.forEach((link: unknown, i) => {
        const at = `${where}.links[${i}]`;
        if (!isRecord(link)) {
          problems.push(`${at}: not an object`);
          return;
        }
        if (typeof link.label !== 'string') problems.push(`${at}.label: required string`);
        if (typeof link.url !== 'string' || !ABSOLUTE_URL.test(link.url))
          problems.push(`${at}.url: absolute URL required`);
        if (link.type !== 'absolute' && link.type !== 'smart') problems.push(`${at}.type: absolute or smart`);
      });
    }
  }
  return problems;
}

const SUGGESTION_KEYS = new Set(['label', 'uuid', 'isRecommended', 'actions']);
const ACTION_KEYS = new Set(['type', 'description', 'resource', 'resourceId']);

function validateSuggestion(suggestion: unknown, where: string): string[] {
  if (!isRecord(suggestion)) return [`${where}: not an object`];
  const problems: string[] = [];
  for (const key of Object.keys(suggestion))
    if (!SUGGESTION_KEYS.has(key)) problems.push(`${where}.${key}: not a suggestion attribute`);
  if (typeof suggestion.label !== 'string') problems.push(`${where}.label: required string`);
  if (suggestion.uuid !== undefined && !isUuid(suggestion.uuid)) problems.push(`${where}.uuid: must be a UUID string`);
  if (suggestion.isRecommended !== undefined && typeof suggestion.isRecommended !== 'boolean') {
    problems.push(`${where}.isRecommended: must be a boolean`);
  }
  if (suggestion.actions !== undefined) {
    if (!Array.isArray(suggestion.actions)) problems.push(`${where}.actions: must be an array`);
    else
      suggestion.actions.forEach((action: unknown, i) => {
        const at = `${where}.actions[${i}]`;
        if (!isRecord(action)) {
          problems.push(`${at}: not an object`);
          return;
        }
        for (const key of Object.keys(action))
          if (!ACTION_KEYS.has(key)) problems.push(`${at}.${key}: not an action attribute`);
        if (action.type !== 'create' && action.type !== 'update' && action.type !== 'delete') {
          problems.push(`${at}.type: create, update or delete`);
        }
        if (typeof action.description !== 'string') problems.push(`${at}.description: required string`);
        if ((action.type === 'create' || action.type === 'update') && !isRecord(action.resource)) {
          problems.push(`${at}.resource: required for ${String(action.type)}`);
        }
        if (
          action.type === 'delete' &&
          !(typeof action.resourceId === 'string' && /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(action.resourceId))
        ) {
          problems.push(`${at}.resourceId: a delete names its resource as Type/id`);
        }
      });
  }
  return problems;
}

const DISCOVERY_KEYS = new Set(['hook', 'title', 'description', 'id', 'prefetch', 'usageRequirements', 'extension']);

/** Validates a discovery document `{ services: [...] }` (CDS Hooks 2.0: hook, description, id required; ids unique). */
export function validateDiscovery(document: unknown): string[] {
  if (!isRecord(document) || !Array.isArray(document.services)) return ['discovery: must be { services: [...] }'];
  const problems: string[] = [];
  const ids = new Set<unknown>();
  document.services.forEach((service: unknown, i) => {
    const where = `services[${i}]`;
    problems.push(...emptyValues(service, where));
    if (!isRecord(service)) return;
    for (const key of Object.keys(service))
      if (!DISCOVERY_KEYS.has(key)) problems.push(`${where}.${key}: not a service attribute`);
    for (const key of ['hook', 'description', 'id'] as const) {
      if (typeof service[key] !== 'string') problems.push(`${where}.${key}: required string`);
    }
    if (service.title !== undefined && typeof service.title !== 'string')
      problems.push(`${where}.title: must be a string`);
    if (ids.has(service.id)) problems.push(`${where}.id: not unique`);
    ids.add(service.id);
    if (service.prefetch !== undefined) {
      if (!isRecord(service.prefetch)) problems.push(`${where}.prefetch: must be an object of templates`);
      else
        for (const [key, template] of Object.entries(service.prefetch)) {
          if (typeof template !== 'string') problems.push(`${where}.prefetch.${key}: must be a query string`);
        }
    }
  });
  return problems;
}

/**
 * Validates a feedback request body `{ feedback: [...] }`: card and outcomeTimestamp required,
 * outcome accepted | overridden, acceptedSuggestions ({ id }) required with accepted, and an
 * overrideReason ({ reason?: Coding, userComment?: string }) only with overridden.
 */
export function validateFeedbackRequest(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body.feedback)) return ['feedback: must be { feedback: [...] }'];
  const problems: string[] = [];
  body.feedback.forEach((entry: unknown, i) => {
    const where = `feedback[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${where}: not an object`);
      return;
    }
    if (typeof entry.card !== 'string') problems.push(`${where}.card: required string`);
    if (entry.outcome !== 'accepted' && entry.outcome !== 'overridden')
      problems.push(`${where}.outcome: accepted or overridden`);
    if (typeof entry.outcomeTimestamp !== 'string') problems.push(`${where}.outcomeTimestamp: required string`);
    if (entry.outcome === 'accepted' && !Array.isArray(entry.acceptedSuggestions)) {
      problems.push(`${where}.acceptedSuggestions: required with accepted`);
    }
    if (entry.overrideReason !== undefined) {
      if (entry.outcome !== 'overridden') problems.push(`${where}.overrideReason: only with overridden`);
      if (isRecord(entry.overrideReason) && entry.overrideReason.reason !== undefined) {
        problems.push(...coding(entry.overrideReason.reason, `${where}.overrideReason.reason`));
      }
    }
  });
  return problems;
}

/** Validates a whole CDS Hooks response `{ cards }`. */
export function validateResponse(response: unknown): string[] {
  if (!isRecord(response) || !Array.isArray(response.cards)) return ['response: must be { cards: [...] }'];
  return response.cards.flatMap((card: unknown, i) => validateCard(card, `cards[${i}]`));
}

function coding(value: unknown, where: string): string[] {
  if (!isRecord(value)) return [`${where}: must be a Coding object`];
  return typeof value.code === 'string' && value.code !== '' ? [] : [`${where}.code: required string`];
}

function emptyValues(value: unknown, where: string): string[] {
  if (value === null) return [`${where}: null is not allowed`];
  if (typeof value === 'string') return value === '' ? [`${where}: empty string`] : [];
  if (Array.isArray(value)) {
    return value.length === 0
      ? [`${where}: empty array`]
      : value.flatMap((item, i) => emptyValues(item, `${where}[${i}]`));
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${where}: empty object`];
    return entries.flatMap(([key, item]) =>
      item === undefined ? [`${where}.${key}: undefined is not a JSON value`] : emptyValues(item, `${where}.${key}`),
    );
  }
  return [];
}

function isUuid(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
