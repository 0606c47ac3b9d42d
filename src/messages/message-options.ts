import type { MessageCatalog } from './message-code.js';

/**
 * Which language to explain in: a shipped locale, or an app's own catalog. Shared by
 * {@link explain}, {@link explainCourse} and {@link explainIssues}.
 *
 * @example
 * const russian: MessageOptions = { locale: 'ru' };
 * const german: MessageOptions = { locale: 'de', messages: { 'status.eligible.label': 'Keine Kontraindikation gefunden' } };
 */
export interface MessageOptions {
  /**
   * The locale: `'en'` (the default) or `'ru'` for a shipped catalog, or any tag (e.g. `'de'`)
   * together with `messages`. A locale other than `'en'` or `'ru'` without `messages` is a
   * programmer error (RangeError).
   */
  readonly locale?: string | undefined;
  /**
   * An app's own messages, complete or not. A code they lack, or whose message names a `{name}`
   * that the code does not fill, falls back to the shipped catalog of `locale` (`'en'` or `'ru'`),
   * or else to English, and is listed in the result's `fallbacks`.
   */
  readonly messages?: Partial<MessageCatalog> | undefined;
}
