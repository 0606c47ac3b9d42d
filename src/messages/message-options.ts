import type { Locale, MessageCatalog } from './message-code.js';

/**
 * Which language to explain in: a {@link Locale} the app imports, or an app's own catalog.
 * Shared by {@link explain}, {@link explainCourse} and {@link explainIssues}.
 *
 * @example
 * import { ru } from 'acuspine/locales/ru';
 *
 * const russian: MessageOptions = { locale: ru };
 * const german: MessageOptions = { locale: 'de', messages: { 'status.eligible.label': 'Keine Kontraindikation gefunden' } };
 */
export interface MessageOptions {
  /**
   * The locale: English by default; a {@link Locale} (`en` from 'acuspine', `ru` from
   * 'acuspine/locales/ru'); or the tag of an app's own locale (e.g. `'de'`) together with
   * `messages`. The tag `'en'` is English too. The tag `'ru'` is refused (RangeError) with the
   * import to write instead, since the Russian catalog is bundled only where it is imported; so is
   * any other tag without `messages`.
   */
  readonly locale?: Locale | string | undefined;
  /**
   * An app's own messages, complete or not. A code they lack, or whose message names a `{name}`
   * that the code does not fill, falls back to the catalog of `locale` when it is a Locale (and
   * when that lacks it too, to English), or else to English, and is listed in the result's
   * `fallbacks`.
   */
  readonly messages?: Partial<MessageCatalog> | undefined;
}
