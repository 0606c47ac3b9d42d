// The CDS Hooks 2.0 card rules (https://cds-hooks.hl7.org/2.0/#card-attributes: summary under
// 140 characters, indicator, source; empty optional values left out), as a test helper: returns the problems found, an empty list for a valid card.
//
// - summary: required string, non-empty, under 140 characters;
// - indicator: required, one of info | warning | critical;
// - source: required object; label required (non-empty string); url and icon absolute URLs;
//   topic a Coding with a code;
// - detail: optional markdown string;  uuid: optional string;
// - suggestions: optional array of { label, uuid?, isRecommended?, actions? }; when present,
//   selectionBehavior is required (at-most-one | any);
// - overrideReasons: optional array of Codings;
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
  if (uuid !== undefined && typeof uuid !== 'string') problems.push(`${where}.uuid: must be a string`);
  if (suggestions !== undefined) {
    if (!Array.isArray(suggestions)) problems.push(`${where}.suggestions: must be an array`);
    else {
      if (selectionBehavior !== 'at-most-one' && selectionBehavior !== 'any') {
        problems.push(`${where}.selectionBehavior: required with suggestions (at-most-one or any)`);
      }
      suggestions.forEach((suggestion: unknown, i) => {
        if (!isRecord(suggestion) || typeof suggestion.label !== 'string') {
          problems.push(`${where}.suggestions[${i}].label: required string`);
        }
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
