// The message lookup shared by explain, explainCourse and explainIssues: a user's catalog first,
// then the locale's, then English, with every fallback recorded so that the caller can report it.
// Only the English catalog is imported here: every other locale is a value that the app imports
// and passes in, so that an app that explains in English alone bundles no other catalog.
// Nothing here runs at module level, so a bundle that never calls explain drops the catalog.

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
import type { MessageCode, ProtocolSectionId } from './message-code.js';
import type { MessageOptions } from './message-options.js';

/** The values a message's `{name}` placeholders are filled with. */
export type Params = Readonly<Record<string, string | number>>;

export interface Translator {
  /** The locale of the result. */
  readonly locale: string;
  /** The message of a code, filled in. */
  t(code: MessageCode, params?: Params): string;
  /** Whether a code has a message in the English catalog (it is a known code). */
  has(code: string): code is MessageCode;
  /** The codes that fell back from the user's catalog or the locale's, in first-use order, frozen. */
  fallbacks(): readonly MessageCode[];
}

/** Reads the options and makes the lookup; `caller` names the public function in errors. */
export function translator(options: MessageOptions | undefined, caller: string): Translator {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${caller}: options must be an object`);
  }
  // Read with readProperty: a polluted Object.prototype never chooses the words.
  const { tag, messages } = localeOf(options === undefined ? undefined : readProperty(options, 'locale'), caller);
  const own = (options === undefined ? undefined : readProperty(options, 'messages')) as Catalog | undefined;
  if (own !== undefined && !isCatalog(own)) {
    throw new TypeError(`${caller}: options.messages must be an object of messages keyed by code`);
  }
  if (own === undefined && messages === undefined) {
    throw new RangeError(
      `${caller}: no messages for locale "${tag}": pass options.messages for a locale of your own, or a Locale as options.locale (en from 'acuspine', ru from 'acuspine/locales/ru')`,
    );
  }
  // Nearest first; English after them all.
  const catalogs = [own, messages].filter((catalog) => catalog !== undefined);
  const fellBack = new Set<MessageCode>();
  return {
    locale: tag,
    t(code, params = {}) {
      // Only a value that acuspine did not make (a forged course) can ask for a code it has no message for.
      if (!Object.hasOwn(messagesEn, code)) {
        throw new TypeError(`${caller}: no message has the code "${code}": the value is not as acuspine returns it`);
      }
      for (const catalog of catalogs) {
        const message: unknown = Object.hasOwn(catalog, code) ? catalog[code] : undefined;
        if (typeof message === 'string' && fillable(message, params)) return fill(message, params);
        fellBack.add(code);
      }
      // The English catalog names only the placeholders that its codes fill (a test walks them all).
      return fill(messagesEn[code], params);
    },
    has(code): code is MessageCode {
      return Object.hasOwn(messagesEn, code);
    },
    fallbacks: () => Object.freeze([...fellBack]),
  };
}

/** A catalog as read at run time: an app's, or a locale's, which may lack codes or hold other values. */
type Catalog = Readonly<Record<string, unknown>>;

function isCatalog(value: unknown): value is Catalog {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The tag and catalog of `options.locale`: English when it is not given or is `'en'`; a Locale's
 * own; no catalog for any other tag, which then needs `options.messages`. The tag of a shipped
 * locale that is not built in is refused, naming the import: its catalog is not bundled, and an
 * app's messages for it would otherwise fall back to English, not to it, without a word.
 */
function localeOf(locale: unknown, caller: string): { readonly tag: string; readonly messages: Catalog | undefined } {
  if (locale === undefined || locale === 'en') return { tag: 'en', messages: messagesEn };
  if (locale === 'ru') {
    throw new RangeError(
      `${caller}: the locale "ru" is an import, not a string: import { ru } from 'acuspine/locales/ru' and pass { locale: ru }`,
    );
  }
  if (typeof locale === 'string' && locale !== '') return { tag: locale, messages: undefined };
  const code = isCatalog(locale) ? readProperty(locale, 'code') : undefined;
  const messages = isCatalog(locale) ? readProperty(locale, 'messages') : undefined;
  if (typeof code !== 'string' || code === '' || !isCatalog(messages)) {
    throw new TypeError(
      `${caller}: options.locale must be a Locale { code, messages }, such as ru from 'acuspine/locales/ru', or a non-empty locale tag`,
    );
  }
  return { tag: code, messages };
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
