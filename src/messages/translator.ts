// The message lookup shared by explain, explainCourse and explainIssues: a user's catalog first,
// then the shipped catalog, with every fallback recorded so that the caller can report it.
// Nothing here runs at module level, so a bundle that never calls explain drops the catalogs.

import { readProperty } from '../_internal/read-property.js';
import {
  CERVICAL_SECTION,
  ESSENCE_SECTION,
  LUMBOSACRAL_SECTION,
  THORACIC_SECTION,
} from '../regions/protocol-sections.js';
import type { SourceCitation } from '../screening/rule.js';
import { PROTOCOL_TITLE } from '../screening/sources.js';
import { messagesEn } from './en.js';
import type { MessageCatalog, MessageCode, ProtocolSectionId } from './message-code.js';
import type { MessageOptions } from './message-options.js';
import { messagesRu } from './ru.js';

/** The values a message's `{name}` placeholders are filled with. */
export type Params = Readonly<Record<string, string | number>>;

export interface Translator {
  /** The locale of the result. */
  readonly locale: string;
  /** The message of a code, filled in. */
  t(code: MessageCode, params?: Params): string;
  /** Whether a code has a message in the shipped catalogs (it is a known code). */
  has(code: string): code is MessageCode;
  /** The codes that fell back from the user's catalog, in first-use order, frozen. */
  fallbacks(): readonly MessageCode[];
}

/** Reads the options and makes the lookup; `caller` names the public function in errors. */
export function translator(options: MessageOptions | undefined, caller: string): Translator {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${caller}: options must be an object`);
  }
  // Read with readProperty: a polluted Object.prototype never chooses the words.
  const locale = (options === undefined ? undefined : readProperty(options, 'locale')) ?? 'en';
  if (typeof locale !== 'string' || locale === '') {
    throw new TypeError(`${caller}: options.locale must be a non-empty string`);
  }
  const own = (options === undefined ? undefined : readProperty(options, 'messages')) as
    | Readonly<Record<string, unknown>>
    | undefined;
  if (own !== undefined && (typeof own !== 'object' || own === null || Array.isArray(own))) {
    throw new TypeError(`${caller}: options.messages must be an object of messages keyed by code`);
  }
  const shipped: MessageCatalog | undefined = locale === 'en' ? messagesEn : locale === 'ru' ? messagesRu : undefined;
  if (own === undefined && shipped === undefined) {
    throw new RangeError(
      `${caller}: no messages for locale "${locale}": use 'en' or 'ru', or pass options.messages for another locale`,
    );
  }
  const base = shipped ?? messagesEn;
  const fellBack = new Set<MessageCode>();
  return {
    locale,
    t(code, params = {}) {
      // Only a value that acuspine did not make (a forged course) can ask for a code it has no message for.
      if (!Object.hasOwn(messagesEn, code)) {
        throw new TypeError(`${caller}: no message has the code "${code}": the value is not as acuspine returns it`);
      }
      if (own !== undefined) {
        const message: unknown = Object.hasOwn(own, code) ? own[code] : undefined;
        if (typeof message === 'string' && fillable(message, params)) return fill(message, params);
        fellBack.add(code);
      }
      // The shipped catalogs name only the placeholders that their codes fill (a test walks them all).
      return fill(base[code], params);
    },
    has(code): code is MessageCode {
      return Object.hasOwn(messagesEn, code);
    },
    fallbacks: () => Object.freeze([...fellBack]),
  };
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Whether every `{name}` placeholder of a message has a value. */
function fillable(template: string, params: Params): boolean {
  return [...template.matchAll(PLACEHOLDER)].every(([, name]) => Object.hasOwn(params, name as string));
}

/** Fills the `{name}` placeholders of a fillable message in one pass, so that a value is never read as a template. */
function fill(template: string, params: Params): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => String(params[name]));
}

/** A citation as one line: title, section, item. The protocol's own title and headings are translated. */
export function citation(t: Translator, source: SourceCitation): string {
  const fromProtocol = source.title === PROTOCOL_TITLE;
  const parts = [fromProtocol ? t.t('protocol.title') : String(source.title)];
  if (typeof source.section === 'string' && source.section !== '') {
    const heading = fromProtocol ? protocolSectionId(source.section) : undefined;
    parts.push(
      t.t('source.section', { section: heading === undefined ? source.section : t.t(`protocol.section.${heading}`) }),
    );
  }
  if (typeof source.item === 'number') parts.push(t.t('source.item', { item: source.item }));
  return parts.join(', ');
}

/** The id of a heading of the source protocol, as the citations spell it. */
function protocolSectionId(section: string): ProtocolSectionId | undefined {
  switch (section) {
    // The protocol's unheaded contraindication list, cited as 'Contraindications' (see protocolRuleSet).
    case 'Contraindications':
      return 'contraindications';
    case ESSENCE_SECTION:
      return 'essence';
    case CERVICAL_SECTION:
      return 'cervical';
    case THORACIC_SECTION:
      return 'thoracic';
    case LUMBOSACRAL_SECTION:
      return 'lumbosacral';
  }
  return undefined;
}

/** An ISO date `YYYY-MM-DD` in the locale's date format. */
export function date(t: Translator, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const [year, month, day] = match.slice(1) as [string, string, string];
  return t.t('format.date', { year, month, day });
}

/**
 * The sentence that names the protocol's contraindications a rule set does not check (by their
 * labels), or undefined when it checks them all. Shared by explain and explainCourse.
 */
export function uncheckedProtocolSentence(t: Translator, unchecked: readonly string[]): string | undefined {
  if (unchecked.length === 0) return undefined;
  return t.t('rule-set.unchecked-protocol', {
    rules: list(unchecked.map((rule) => t.t(`rule.${rule}.label` as MessageCode))),
  });
}

/** Joins the items of a list. */
export function list(items: readonly string[]): string {
  return items.join(', ');
}

/** The first character in upper case (sentences built from labels). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first character in lower case (a sentence placed after a colon). */
export function decapitalize(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
