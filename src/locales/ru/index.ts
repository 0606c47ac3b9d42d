// The public API of 'acuspine/locales/ru': re-exports only. A separate entry point, so that an
// app that explains in English alone does not bundle the Russian catalog.

/**
 * The Russian locale of the explanations. English is built into 'acuspine'; Russian is imported
 * from here, as date-fns' locales are, and passed as `locale` to `explain`, `explainCourse` or
 * `explainIssues`:
 *
 * ```ts
 * import { explain, screen } from 'acuspine';
 * import { ru } from 'acuspine/locales/ru';
 *
 * explain(screen({ pregnant: true }), { locale: ru }).label; // => 'Противопоказано'
 * ```
 *
 * @module acuspine/locales/ru
 */

export { ru } from '../../messages/ru.js';
