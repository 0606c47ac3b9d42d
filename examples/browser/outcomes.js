// The course outcomes page: reads a file of course outcome records (NDJSON) in the browser,
// summarizes it with the library's 'acuspine/outcomes' entry point (served as
// /acuspine/outcomes.js, the ESM build dist/outcomes.js) and charts the responders and the pain
// per session in plain SVG. Plain ES module, no framework; nothing leaves the browser but the
// request for the synthetic sample, to this page's own server.

import { byRegion, readOutcomeRecords, responderDefinitions, summarizeOutcomes } from '/acuspine/outcomes.js';

/** @typedef {import('../../dist/outcomes.js').OutcomeSummary} OutcomeSummary */
/** @typedef {import('../../dist/outcomes.js').OutcomeStatistics} OutcomeStatistics */
/** @typedef {import('../../dist/outcomes.js').ResponderCounts} ResponderCounts */
/** @typedef {import('../../dist/outcomes.js').OutcomeEntry} OutcomeEntry */
/** @typedef {'circle' | 'square' | 'diamond' | 'triangle'} Shape */

const SVG = 'http://www.w3.org/2000/svg';
/** The problems listed by line; the rest are counted, so a file of bad lines stays readable. */
const MAX_PROBLEMS = 5;
/** Below this width the responder chart stacks each row's label, interval and counts. */
const NARROW = 600;

/**
 * How each series is drawn: by colour (Okabe-Ito, told apart with colour blindness) and by shape,
 * so that the colour is never the only cue.
 *
 * @type {Record<string, { label: string, colour: string, shape: Shape }>}
 */
const series = {
  all: { label: 'All records', colour: '#1b1f24', shape: 'diamond' },
  cervical: { label: 'Cervical', colour: '#0072b2', shape: 'circle' },
  thoracic: { label: 'Thoracic', colour: '#c45100', shape: 'square' },
  lumbosacral: { label: 'Lumbosacral', colour: '#00805d', shape: 'triangle' },
};
const regionOrder = ['cervical', 'thoracic', 'lumbosacral'];

const page = {
  file: /** @type {HTMLInputElement} */ (document.getElementById('file')),
  dropZone: /** @type {HTMLElement} */ (document.getElementById('drop-zone')),
  sampleButton: /** @type {HTMLButtonElement} */ (document.getElementById('sample-button')),
  status: /** @type {HTMLElement} */ (document.getElementById('status')),
  results: /** @type {HTMLElement} */ (document.getElementById('results')),
  counts: /** @type {HTMLElement} */ (document.getElementById('counts')),
  problems: /** @type {HTMLElement} */ (document.getElementById('problems')),
  responderChart: /** @type {HTMLElement} */ (document.getElementById('responder-chart')),
  responderTable: /** @type {HTMLElement} */ (document.getElementById('responder-table')),
  painLegend: /** @type {HTMLElement} */ (document.getElementById('pain-legend')),
  painChart: /** @type {HTMLElement} */ (document.getElementById('pain-chart')),
  painTable: /** @type {HTMLElement} */ (document.getElementById('pain-table')),
};

const state = {
  /** @type {OutcomeSummary | undefined} */
  summary: undefined,
  /** The width the charts were drawn for: they are drawn again, not scaled, so text keeps its size. */
  width: 0,
  /** Counts the loads, so that a slow earlier one never overwrites a later one. */
  loads: 0,
};

// ---------------------------------------------------------------- small DOM helpers

/**
 * Creates an HTML element with attributes and children (strings become text: nothing is parsed as HTML).
 *
 * @param {string} tag
 * @param {Record<string, string | number | boolean>} [attributes]
 * @param {...(Node | string)} children
 */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false) element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}

/**
 * Creates an SVG element with attributes and children.
 *
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {...(Node | string)} children
 */
function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** A share as a percentage with one decimal, the rounding of the page and its tables. @param {number} share */
function percent(share) {
  return (share * 100).toFixed(1);
}

/** @param {number} value */
function round1(value) {
  return value.toFixed(1);
}

/** A number for an SVG attribute: whole pixels and a half are enough. @param {number} value */
function px(value) {
  return Math.round(value * 2) / 2;
}

const measureText = (() => {
  const context = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.documentElement).fontFamily;
  /**
   * The width of a text in the page's font, to lay out and wrap the charts' labels (SVG text does
   * not wrap by itself).
   *
   * @param {string} text @param {number} size @param {number} [weight]
   */
  return (text, size, weight = 400) => {
    if (context === null) return text.length * size * 0.6;
    context.font = `${weight} ${size}px ${family}`;
    return context.measureText(text).width;
  };
})();

/**
 * The text in lines no wider than `width`, broken between words.
 *
 * @param {string} text @param {number} width @param {number} size @param {number} [weight]
 */
function wrap(text, width, size, weight = 400) {
  /** @type {string[]} */
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measureText(candidate, size, weight) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A series' marker, centred on (x, y): filled, or hollow (white inside) for the pain before the needles.
 *
 * @param {Shape} shape @param {number} x @param {number} y @param {number} size @param {string} colour
 * @param {boolean} [filled]
 */
function marker(shape, x, y, size, colour, filled = true) {
  const paint = { fill: filled ? colour : '#ffffff', stroke: colour, 'stroke-width': 1.5 };
  if (shape === 'circle') return svg('circle', { cx: px(x), cy: px(y), r: size, ...paint });
  if (shape === 'square') {
    const side = size * 1.7;
    return svg('rect', { x: px(x - side / 2), y: px(y - side / 2), width: side, height: side, ...paint });
  }
  const d =
    shape === 'diamond'
      ? `M${px(x)} ${px(y - size * 1.3)}L${px(x + size * 1.3)} ${px(y)}L${px(x)} ${px(y + size * 1.3)}L${px(x - size * 1.3)} ${px(y)}Z`
      : `M${px(x)} ${px(y - size * 1.25)}L${px(x + size * 1.15)} ${px(y + size * 0.85)}L${px(x - size * 1.15)} ${px(y + size * 0.85)}Z`;
  return svg('path', { d, ...paint });
}

/** A small SVG of a series' marker, beside its name in a legend or a table. @param {string} key */
function swatch(key) {
  const { colour, shape } = series[key] ?? series['all'];
  return svg(
    'svg',
    { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' },
    marker(shape, 7, 7, 4.5, colour),
  );
}

// ---------------------------------------------------------------- reading the file

/**
 * @typedef {object} ReadFile
 * @property {unknown[]} rows - one row per non-blank line: the parsed JSON, or the line's text
 *   when it is not JSON, which the library then counts as an invalid record.
 * @property {number[]} lineNumbers - the line (from 1) of each row.
 * @property {Map<number, string>} notJson - by row index, why the line is not JSON.
 */

/**
 * The rows of an NDJSON text. Blank lines are skipped; a line that is not JSON is kept as a row
 * (its text), so that it is counted as an invalid record, never dropped.
 *
 * @param {string} text
 * @returns {ReadFile}
 */
function readLines(text) {
  /** @type {ReadFile} */
  const read = { rows: [], lineNumbers: [], notJson: new Map() };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    read.lineNumbers.push(i + 1);
    try {
      read.rows.push(JSON.parse(line));
    } catch (error) {
      read.notJson.set(read.rows.length, error instanceof Error ? error.message : String(error));
      read.rows.push(line);
    }
  });
  return read;
}

/** @param {string} text @param {number} length */
function shorten(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * What is wrong with an invalid entry, by its line.
 *
 * @param {Extract<OutcomeEntry, { ok: false }>} entry @param {ReadFile} read
 */
function problemOf(entry, read) {
  const line = read.lineNumbers[entry.index] ?? entry.index + 1;
  const notJson = read.notJson.get(entry.index);
  if (notJson !== undefined) return { line, text: `not JSON (${shorten(notJson, 100)})` };
  const [first] = entry.issues;
  const where = first === undefined || first.path.length === 0 ? '' : `${first.path.join('.')}: `;
  const more = entry.issues.length > 1 ? ` (and ${entry.issues.length - 1} more)` : '';
  return { line, text: `not a valid record: ${where}${shorten(first?.message ?? 'invalid', 140)}${more}` };
}

/**
 * The summary of the rows, grouped by region, and the first problems of the invalid ones.
 *
 * @param {ReadFile} read
 */
function summarize(read) {
  /** @type {{ line: number, text: string }[]} */
  const problems = [];
  /** @param {Iterable<OutcomeEntry>} entries */
  function* noted(entries) {
    for (const entry of entries) {
      if (!entry.ok && problems.length < MAX_PROBLEMS) problems.push(problemOf(entry, read));
      yield entry;
    }
  }
  const summary = summarizeOutcomes(noted(readOutcomeRecords(read.rows)), { groupBy: byRegion });
  return { summary, problems };
}

// ---------------------------------------------------------------- what the charts show

/** The region groups of a summary, in the spine's order, without the invalid records. @param {OutcomeSummary} summary */
function regionKeys(summary) {
  const keys = Object.keys(summary.groups ?? {}).filter((key) => key !== 'invalid');
  const rank = (/** @type {string} */ key) => {
    const at = regionOrder.indexOf(key);
    return at === -1 ? regionOrder.length : at;
  };
  return keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** @param {string} key */
function seriesLabel(key) {
  return series[key]?.label ?? key;
}

/** @param {string} id */
function definitionTitle(id) {
  return responderDefinitions[id]?.title ?? id;
}

/**
 * The rows of the responder chart: each definition with a known response for some record, and
 * in it the whole cohort and each region with a record assessed by it (a region whose records
 * all lack a follow-up keeps its row: its unknown records are shown, with no interval).
 *
 * @param {OutcomeSummary} summary
 */
function responderBlocks(summary) {
  const regions = regionKeys(summary);
  return summary.analysis.definitions.flatMap((id) => {
    const whole = summary.responders[id];
    if (whole === undefined || whole.proportion.n === 0) return [];
    /** @type {{ key: string, counts: ResponderCounts }[]} */
    const rows = [{ key: 'all', counts: whole }];
    for (const key of regions) {
      const counts = summary.groups?.[key]?.responders[id];
      if (counts !== undefined && counts.proportion.n + counts.unknown > 0) rows.push({ key, counts });
    }
    return [{ id, title: definitionTitle(id), rows }];
  });
}

/** @param {ResponderCounts} counts */
function shareText(counts) {
  return counts.proportion.p === null ? 'no estimate' : `${percent(counts.proportion.p)}%`;
}

/** @param {ResponderCounts} counts */
function countsText(counts) {
  return `n ${counts.proportion.n} · unknown ${counts.unknown} (${counts.missingFollowUp} missing follow-up)`;
}

/** @param {ResponderCounts} counts */
function intervalText(counts) {
  const { p, low, high } = counts.proportion;
  return p === null ? 'no interval' : `${percent(low)}–${percent(high)}%`;
}

// ---------------------------------------------------------------- the responder chart

/**
 * One chart of every definition: a row per group, its share as a marker and its 95% Wilson
 * interval as a line on a 0-100% axis, with n, the unknown and the missing follow-ups beside it.
 * Drawn for the width it has; below NARROW each row stacks its label, interval and counts.
 *
 * @param {OutcomeSummary} summary @param {number} width
 */
function responderChart(summary, width) {
  const blocks = responderBlocks(summary);
  const narrow = width < NARROW;
  const labelSize = 13;
  const smallSize = 12;
  const rowTexts = blocks.flatMap((block) =>
    block.rows.map((row) => `${shareText(row.counts)} · ${countsText(row.counts)}`),
  );
  const labelWidth = Math.max(...Object.values(series).map((entry) => measureText(entry.label, labelSize, 600))) + 26;
  const textWidth = Math.max(...rowTexts.map((text) => measureText(text, smallSize))) + 12;
  const pad = 18;
  const x0 = narrow ? pad : labelWidth + pad;
  const x1 = narrow ? width - pad : width - textWidth - pad;
  const x = (/** @type {number} */ share) => x0 + share * (x1 - x0);
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  const titleId = 'responder-svg-title';
  const descId = 'responder-svg-desc';
  const content = svg('g', {});
  /** Axis labels at a baseline. @param {number} baseline */
  const axisLabels = (baseline) =>
    svg(
      'g',
      { class: 'axis', 'aria-hidden': 'true' },
      ...ticks.map((tick) =>
        svg(
          'text',
          { x: px(x(tick)), y: baseline, 'text-anchor': 'middle', 'font-size': smallSize, class: 'muted' },
          `${tick * 100}%`,
        ),
      ),
    );

  let y = 0;
  if (!narrow) {
    content.append(axisLabels(14));
    y = 24;
  }
  for (const block of blocks) {
    const group = svg('g', { class: 'responder-definition', 'data-definition': block.id });
    for (const line of wrap(block.title, width - 4, labelSize, 700)) {
      group.append(svg('text', { x: 0, y: y + 15, 'font-size': labelSize, 'font-weight': 700 }, line));
      y += 19;
    }
    y += 3;
    if (narrow) {
      group.append(axisLabels(y + 12));
      y += 18;
    }
    const rowsTop = y;
    const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
    group.append(grid);
    for (const { key, counts } of block.rows) {
      const { colour, shape } = series[key] ?? series['all'];
      const { count, n, p, low, high } = counts.proportion;
      const row = svg('g', {
        class: 'responder-row',
        'data-definition': block.id,
        'data-group': key,
        'data-count': count,
        'data-n': n,
        'data-p': p === null ? '' : p,
        'data-low': low,
        'data-high': high,
        'data-unknown': counts.unknown,
        'data-missing-follow-up': counts.missingFollowUp,
      });
      row.append(
        svg(
          'title',
          {},
          `${seriesLabel(key)}, ${block.title}: ${p === null ? 'no known response' : `${percent(p)}% (95% interval ${intervalText(counts)}), ${count} of ${n}`}; unknown ${counts.unknown}, of them ${counts.missingFollowUp} missing follow-up`,
        ),
      );
      let centre;
      if (narrow) {
        row.append(
          marker(shape, 7, y + 10, 4.5, colour),
          svg(
            'text',
            { x: 18, y: y + 15, 'font-size': labelSize },
            svg('tspan', { 'font-weight': 600 }, seriesLabel(key)),
            ` · ${shareText(counts)}`,
          ),
        );
        centre = y + 31;
        // A track with ticks per row: there are no gridlines through the stacked text.
        row.append(
          svg('line', { x1: px(x(0)), x2: px(x(1)), y1: centre, y2: centre, class: 'track' }),
          ...ticks.map((tick) =>
            svg('line', { x1: px(x(tick)), x2: px(x(tick)), y1: centre - 3, y2: centre + 3, class: 'track' }),
          ),
        );
        let textY = centre + 22;
        for (const line of wrap(countsText(counts), width - 4, smallSize)) {
          row.append(svg('text', { x: 0, y: textY, 'font-size': smallSize, class: 'muted' }, line));
          textY += 16;
        }
        y = textY - 2;
      } else {
        centre = y + 13;
        row.append(
          marker(shape, 7, centre, 4.5, colour),
          svg('text', { x: 18, y: centre + 4.5, 'font-size': labelSize, 'font-weight': 600 }, seriesLabel(key)),
          svg(
            'text',
            { x: px(x1 + pad), y: centre + 4, 'font-size': smallSize },
            svg('tspan', { 'font-weight': 600 }, shareText(counts)),
            svg('tspan', { class: 'muted' }, ` · ${countsText(counts)}`),
          ),
        );
        y += 26;
      }
      if (p !== null) {
        row.append(
          svg('line', { x1: px(x(low)), x2: px(x(high)), y1: centre, y2: centre, stroke: colour, 'stroke-width': 2 }),
          svg('line', {
            x1: px(x(low)),
            x2: px(x(low)),
            y1: centre - 5,
            y2: centre + 5,
            stroke: colour,
            'stroke-width': 2,
          }),
          svg('line', {
            x1: px(x(high)),
            x2: px(x(high)),
            y1: centre - 5,
            y2: centre + 5,
            stroke: colour,
            'stroke-width': 2,
          }),
          marker(shape, x(p), centre, 5, colour),
        );
      }
      group.append(row);
    }
    if (!narrow) {
      for (const tick of ticks) {
        grid.append(svg('line', { x1: px(x(tick)), x2: px(x(tick)), y1: rowsTop, y2: y, class: 'gridline' }));
      }
    }
    content.append(group);
    y += 14;
  }
  if (!narrow) {
    content.append(axisLabels(y + 4));
    content.append(
      svg(
        'text',
        { x: px((x0 + x1) / 2), y: y + 22, 'text-anchor': 'middle', 'font-size': smallSize, class: 'muted' },
        'Responders, % of the records with a known response',
      ),
    );
    y += 30;
  }
  const height = Math.ceil(y);
  return svg(
    'svg',
    {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
    },
    svg(
      'title',
      { id: titleId },
      'Responders by definition, with 95% Wilson intervals, for the whole cohort and each region',
    ),
    svg(
      'desc',
      { id: descId },
      `${blocks.length} definitions with a known response for some record; horizontal axis from 0 to 100%. Each row gives the share of responders, n (the records whose response is known), and the records whose response is unknown, with those missing a follow-up. The numbers are in the table after the chart.`,
    ),
    content,
  );
}

/**
 * The numbers of the responder chart: a body of rows per definition, headed by its title, so that
 * the long titles are not repeated on every row.
 *
 * @param {OutcomeSummary} summary
 */
function responderTable(summary) {
  const columns = [
    'Group',
    'Responders',
    'Known (n)',
    'Share',
    '95% interval',
    'Unknown',
    'Missing follow-up',
    'Missing baseline',
    'Baseline of 0',
    'Not assessed',
  ];
  const blocks = responderBlocks(summary);
  const bodies = blocks.map((block) =>
    el(
      'tbody',
      { 'data-definition': block.id },
      el('tr', { class: 'group-heading' }, el('th', { scope: 'colgroup', colspan: columns.length }, block.title)),
      ...block.rows.map(({ key, counts }) =>
        el(
          'tr',
          { 'data-definition': block.id, 'data-group': key },
          el('th', { scope: 'row' }, seriesLabel(key)),
          el('td', { class: 'number', 'data-column': 'responders' }, String(counts.responder)),
          el('td', { class: 'number', 'data-column': 'n' }, String(counts.proportion.n)),
          el('td', { class: 'number', 'data-column': 'share' }, shareText(counts)),
          el('td', { class: 'number', 'data-column': 'interval' }, intervalText(counts)),
          el('td', { class: 'number', 'data-column': 'unknown' }, String(counts.unknown)),
          el('td', { class: 'number', 'data-column': 'missing-follow-up' }, String(counts.missingFollowUp)),
          el('td', { class: 'number' }, String(counts.missingBaseline)),
          el('td', { class: 'number' }, String(counts.baselineZero)),
          el('td', { class: 'number' }, String(counts.notAssessed)),
        ),
      ),
    ),
  );
  const sources = blocks.map((block) => {
    const source = responderDefinitions[block.id]?.source.title;
    return el('li', {}, el('strong', {}, block.title), source === undefined ? '' : `: ${source}`);
  });
  return [
    el(
      'table',
      { id: 'responder-data' },
      el('caption', {}, 'Responders by definition and group'),
      el(
        'thead',
        {},
        el('tr', {}, ...columns.map((name, i) => el('th', { scope: 'col', class: i === 0 ? '' : 'number' }, name))),
      ),
      ...bodies,
    ),
    el('h4', {}, 'The definitions and their sources'),
    el('ul', { class: 'sources' }, ...sources),
  ];
}

// ---------------------------------------------------------------- the pain chart

/**
 * The sessions of one region's pain at one point (before or after the needles), with pain
 * recorded: the points of its line.
 *
 * @param {OutcomeStatistics} statistics @param {'before' | 'after'} phase
 */
function painPoints(statistics, phase) {
  return statistics.painBySession.flatMap((entry) => {
    const pain = entry[phase];
    return pain.n > 0 && pain.mean !== null ? [{ session: entry.session, mean: pain.mean, n: pain.n }] : [];
  });
}

/** The regions with any pain recorded, and their points. @param {OutcomeSummary} summary */
function painSeries(summary) {
  return regionKeys(summary).flatMap((key) => {
    const statistics = summary.groups?.[key];
    if (statistics === undefined) return [];
    const before = painPoints(statistics, 'before');
    const after = painPoints(statistics, 'after');
    return before.length + after.length === 0 ? [] : [{ key, before, after }];
  });
}

const phases = /** @type {const} */ ([
  { phase: 'before', label: 'before the needles', dash: '6 4', filled: false },
  { phase: 'after', label: 'after the needles', dash: '', filled: true },
]);

/**
 * Mean pain (0-10) per session number, a line per region for the pain before the needles
 * (dashed, hollow markers) and one for after (solid, filled markers); a line breaks where a
 * session has no pain recorded.
 *
 * @param {OutcomeSummary} summary @param {number} width
 */
function painChart(summary, width) {
  const lines = painSeries(summary);
  const narrow = width < NARROW;
  const smallSize = 12;
  const margin = { left: narrow ? 40 : 48, right: 14, top: 12, bottom: 44 };
  const height = narrow ? 260 : 320;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const sessions = lines.flatMap((line) => [...line.before, ...line.after].map((point) => point.session));
  const last = Math.max(1, ...sessions);
  const x = (/** @type {number} */ session) =>
    last === 1 ? margin.left + plotWidth / 2 : margin.left + ((session - 1) / (last - 1)) * plotWidth;
  const y = (/** @type {number} */ pain) => margin.top + (1 - pain / 10) * plotHeight;
  // Session labels at least 24 px apart.
  const step = [1, 2, 5, 10, 20, 50].find((candidate) => (plotWidth * candidate) / Math.max(1, last - 1) >= 24) ?? 100;

  const axes = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  for (let pain = 0; pain <= 10; pain += 2) {
    axes.append(
      svg('line', {
        x1: margin.left,
        x2: margin.left + plotWidth,
        y1: px(y(pain)),
        y2: px(y(pain)),
        class: 'gridline',
      }),
      svg(
        'text',
        { x: margin.left - 8, y: px(y(pain)) + 4, 'text-anchor': 'end', 'font-size': smallSize, class: 'muted' },
        String(pain),
      ),
    );
  }
  for (let session = 1; session <= last; session += step) {
    axes.append(
      svg('line', {
        x1: px(x(session)),
        x2: px(x(session)),
        y1: margin.top + plotHeight,
        y2: margin.top + plotHeight + 5,
        class: 'track',
      }),
      svg(
        'text',
        {
          x: px(x(session)),
          y: margin.top + plotHeight + 19,
          'text-anchor': 'middle',
          'font-size': smallSize,
          class: 'muted',
        },
        String(session),
      ),
    );
  }
  axes.append(
    svg(
      'text',
      {
        x: margin.left + plotWidth / 2,
        y: height - 4,
        'text-anchor': 'middle',
        'font-size': smallSize,
        class: 'muted',
      },
      'Session number',
    ),
    svg(
      'text',
      {
        x: 0,
        y: 0,
        transform: `translate(12 ${margin.top + plotHeight / 2}) rotate(-90)`,
        'text-anchor': 'middle',
        'font-size': smallSize,
        class: 'muted',
      },
      'Mean pain (0–10)',
    ),
  );

  const plotted = svg('g', {});
  for (const line of lines) {
    const { colour, shape } = series[line.key] ?? series['all'];
    const group = svg('g', { class: 'pain-series', 'data-region': line.key });
    for (const { phase, label, dash, filled } of phases) {
      const points = line[phase];
      // Consecutive sessions are joined; a session with no pain recorded breaks the line.
      let d = '';
      points.forEach((point, i) => {
        const joined = i > 0 && points[i - 1]?.session === point.session - 1;
        d += `${joined ? 'L' : 'M'}${px(x(point.session))} ${px(y(point.mean))}`;
      });
      group.append(
        svg('path', {
          d,
          class: 'pain-line',
          'data-region': line.key,
          'data-phase': phase,
          'data-points': points.length,
          fill: 'none',
          stroke: colour,
          'stroke-width': 2,
          ...(dash === '' ? {} : { 'stroke-dasharray': dash }),
        }),
      );
      for (const point of points) {
        const dot = marker(shape, x(point.session), y(point.mean), 3.5, colour, filled);
        dot.setAttribute('class', 'pain-point');
        dot.setAttribute('data-region', line.key);
        dot.setAttribute('data-phase', phase);
        dot.setAttribute('data-session', String(point.session));
        dot.setAttribute('data-mean', String(point.mean));
        dot.setAttribute('data-n', String(point.n));
        dot.append(
          svg(
            'title',
            {},
            `${seriesLabel(line.key)}, session ${point.session}, ${label}: mean ${round1(point.mean)} (n ${point.n})`,
          ),
        );
        group.append(dot);
      }
    }
    plotted.append(group);
  }

  const titleId = 'pain-svg-title';
  const descId = 'pain-svg-desc';
  return svg(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    svg('title', { id: titleId }, 'Mean pain before and after the needles at each session, by region'),
    svg(
      'desc',
      { id: descId },
      `Sessions 1 to ${last} on the horizontal axis, mean pain from 0 to 10 on the vertical axis; ${lines.map((line) => seriesLabel(line.key)).join(', ') || 'no region'}: a dashed line for the pain before the needles and a solid one for after. The numbers are in the table after the chart.`,
    ),
    axes,
    plotted,
  );
}

/** The legend: a marker per region, and the line styles of before and after. @param {OutcomeSummary} summary */
function painLegend(summary) {
  const items = painSeries(summary).map((line) =>
    el('li', { 'data-region': line.key }, swatch(line.key), seriesLabel(line.key)),
  );
  for (const { phase, label, dash, filled } of phases) {
    const sample = svg(
      'svg',
      { width: 34, height: 14, viewBox: '0 0 34 14', 'aria-hidden': 'true' },
      svg('line', {
        x1: 1,
        x2: 33,
        y1: 7,
        y2: 7,
        stroke: '#4a5361',
        'stroke-width': 2,
        ...(dash === '' ? {} : { 'stroke-dasharray': dash }),
      }),
      marker('circle', 17, 7, 3.5, '#4a5361', filled),
    );
    items.push(el('li', { 'data-phase': phase }, sample, `Pain ${label}`));
  }
  return items;
}

/** @param {OutcomeSummary} summary */
function painTable(summary) {
  const lines = painSeries(summary);
  const rows = [];
  const sessions = [
    ...new Set(lines.flatMap((line) => summary.groups?.[line.key]?.painBySession.map((entry) => entry.session) ?? [])),
  ].sort((a, b) => a - b);
  for (const session of sessions) {
    for (const line of lines) {
      const entry = summary.groups?.[line.key]?.painBySession.find((candidate) => candidate.session === session);
      if (entry === undefined) continue;
      const mean = (/** @type {number | null} */ value) => (value === null ? '—' : round1(value));
      rows.push(
        el(
          'tr',
          { 'data-session': session, 'data-region': line.key },
          el('th', { scope: 'row', class: 'number' }, String(session)),
          el('td', {}, seriesLabel(line.key)),
          el('td', { class: 'number' }, String(entry.before.n)),
          el('td', { class: 'number' }, mean(entry.before.mean)),
          el('td', { class: 'number' }, String(entry.after.n)),
          el('td', { class: 'number' }, mean(entry.after.mean)),
        ),
      );
    }
  }
  const head = ['Session', 'Region', 'Before: n', 'Before: mean', 'After: n', 'After: mean'].map((name) =>
    el('th', { scope: 'col', class: name === 'Region' ? '' : 'number' }, name),
  );
  return el(
    'table',
    { id: 'pain-data' },
    el('caption', {}, 'Pain (0–10) before and after the needles, per session and region'),
    el('thead', {}, el('tr', {}, ...head)),
    el('tbody', {}, ...rows),
  );
}

// ---------------------------------------------------------------- rendering

/** @param {string} message */
function showStatus(message, kind = 'hint') {
  page.status.replaceChildren(
    kind === 'error'
      ? el('div', { class: 'error', role: 'alert' }, el('p', {}, message))
      : el('p', { class: kind }, message),
  );
}

function renderCharts() {
  const summary = state.summary;
  if (summary === undefined) return;
  const width = Math.floor(page.responderChart.clientWidth);
  if (width === 0) return;
  state.width = width;
  page.responderChart.replaceChildren(
    responderBlocks(summary).length === 0
      ? el('p', { class: 'hint' }, 'No record has a known response by any definition: there is nothing to chart.')
      : responderChart(summary, width),
  );
  page.painChart.replaceChildren(
    painSeries(summary).length === 0
      ? el('p', { class: 'hint' }, 'No session has pain recorded: there is nothing to chart.')
      : painChart(summary, width),
  );
}

/**
 * @param {OutcomeSummary} summary
 * @param {{ line: number, text: string }[]} problems
 * @param {string} source - where the records came from, in words.
 */
function render(summary, problems, source) {
  const valid = summary.total - summary.invalid;
  const count = (/** @type {string} */ id, /** @type {string} */ name, /** @type {number} */ value) =>
    el('div', {}, el('dt', {}, name), el('dd', { id, 'data-count': value }, String(value)));
  page.counts.replaceChildren(
    count('count-total', 'Records read', summary.total),
    count('count-valid', 'Valid', valid),
    count('count-invalid', 'Invalid', summary.invalid),
  );
  page.problems.replaceChildren();
  if (summary.invalid > 0) {
    const shown = problems.map((problem) =>
      el('li', { 'data-line': problem.line }, el('strong', {}, `Line ${problem.line}: `), problem.text),
    );
    const rest = summary.invalid - problems.length;
    page.problems.append(
      el(
        'div',
        { class: 'problems' },
        el('p', {}, 'Invalid records are counted here and left out of the statistics below; the first problems:'),
        el('ul', { id: 'problem-list' }, ...shown),
        ...(rest > 0 ? [el('p', {}, `… and ${rest} more invalid ${rest === 1 ? 'record' : 'records'}.`)] : []),
      ),
    );
  }
  page.responderTable.replaceChildren(...responderTable(summary));
  page.painLegend.replaceChildren(...(painSeries(summary).length === 0 ? [] : painLegend(summary)));
  page.painTable.replaceChildren(painTable(summary));
  page.results.hidden = false;
  renderCharts();
  showStatus(`Read ${summary.total} records from ${source}: ${valid} valid, ${summary.invalid} invalid.`, 'summary');
}

/**
 * Reads the text, summarizes it and shows it, unless a later load has started meanwhile.
 *
 * @param {() => Promise<string>} getText @param {string} source
 */
async function load(getText, source) {
  const current = ++state.loads;
  showStatus(`Reading ${source}…`);
  try {
    const text = await getText();
    if (current !== state.loads) return;
    const read = readLines(text);
    if (read.rows.length === 0) {
      state.summary = undefined;
      page.results.hidden = true;
      showStatus(`${capitalize(source)} holds no records: every line is blank.`, 'error');
      return;
    }
    const { summary, problems } = summarize(read);
    state.summary = summary;
    render(summary, problems, source);
    page.results.dataset['loaded'] = String(current);
  } catch (error) {
    if (current !== state.loads) return;
    showStatus(`Could not read ${source}: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

/** @param {string} text */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** @param {File} file */
function loadFile(file) {
  return load(() => file.text(), `the file ${file.name}`);
}

// ---------------------------------------------------------------- events

page.file.addEventListener('change', () => {
  const file = page.file.files?.[0];
  if (file !== undefined) loadFile(file);
});

page.sampleButton.addEventListener('click', async () => {
  page.sampleButton.disabled = true;
  try {
    await load(async () => {
      // Same origin: the page's server, allowed by its connect-src 'self'.
      const response = await fetch('sample-outcomes.ndjson');
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      return response.text();
    }, 'the synthetic sample (invented data)');
  } finally {
    page.sampleButton.disabled = false;
  }
});

for (const type of ['dragenter', 'dragover']) {
  page.dropZone.addEventListener(type, (event) => {
    const drag = /** @type {DragEvent} */ (event);
    drag.preventDefault();
    if (drag.dataTransfer !== null) drag.dataTransfer.dropEffect = 'copy';
    page.dropZone.classList.add('dragging');
  });
}
page.dropZone.addEventListener('dragleave', (event) => {
  const related = /** @type {DragEvent} */ (event).relatedTarget;
  if (!(related instanceof Node && page.dropZone.contains(related))) page.dropZone.classList.remove('dragging');
});
page.dropZone.addEventListener('drop', (event) => {
  const drop = /** @type {DragEvent} */ (event);
  drop.preventDefault();
  page.dropZone.classList.remove('dragging');
  const file = drop.dataTransfer?.files[0];
  if (file === undefined) return;
  if (!/\.(ndjson|jsonl|json)$/i.test(file.name)) {
    showStatus(`${file.name} is not an .ndjson, .jsonl or .json file.`, 'error');
    return;
  }
  loadFile(file);
});
// A file dropped beside the zone would otherwise replace the page with the file.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

// Charts are drawn for their width (their text keeps its size): drawn again when it changes.
new ResizeObserver(() => {
  if (state.summary !== undefined && Math.floor(page.responderChart.clientWidth) !== state.width) renderCharts();
}).observe(page.results);

document.body.dataset['ready'] = 'true';
