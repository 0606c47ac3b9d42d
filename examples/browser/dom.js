// Small DOM helpers shared by the workbench page's modules.

/**
 * Creates an element with attributes and children (strings become text: nothing is parsed as
 * HTML). An attribute set to true is present and empty; false, undefined or null leaves it out.
 *
 * @param {string} tag
 * @param {Record<string, string | number | boolean | undefined | null>} [attributes]
 * @param {...(Node | string)} children
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}

/** @param {string} text */
export function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A calendar date `YYYY-MM-DD` in the browser's local time zone: only for a field's first value. */
export function localIsoDate(date = new Date()) {
  const pad = (/** @type {number} */ value) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The instant as a FHIR instant and dateTime, to the second, in UTC: `2026-03-01T09:05:07Z`. */
export function utcInstant(date = new Date()) {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A FHIR id unique to this page's use: a prefix and a random UUID (64 characters at most). */
export function freshId(/** @type {string} */ prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}

/**
 * Replaces the link's file with a new one: the old object URL is revoked, so that a page kept
 * open for a day does not hold every file it ever offered.
 *
 * @param {HTMLAnchorElement} link
 * @param {string} text - the file's content.
 * @param {string} type - its media type.
 * @param {string} name - the name the browser saves it under.
 */
export function offerFile(link, text, type, name) {
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.hidden = false;
}

/** @param {HTMLAnchorElement} link */
export function withdrawFile(link) {
  if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.removeAttribute('href');
  link.hidden = true;
}
