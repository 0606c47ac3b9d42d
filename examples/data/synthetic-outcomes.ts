// A seeded generator of synthetic course outcome records, as JSON rows (the input of
// parseCourseOutcomeRecord), for the examples, the tests, the bench and the browser page's
// sample file. Every number in it is invented to exercise the code: missing follow-ups,
// missed sessions, sessions without pain recorded, baselines of 0, unscorable questionnaires,
// sensations and adverse events. Nothing here is a result, and nothing in it says whether
// acupuncture works: the pain paths are drawn at random, some better, some not.

/** A course outcome record as JSON. */
export interface SyntheticOutcomeRow {
  readonly id: string;
  readonly region: 'cervical' | 'thoracic' | 'lumbosacral';
  readonly plannedSessions: number;
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly baseline?: { readonly date: string; readonly answers: Record<string, Record<string, number | null>> };
  readonly followUp?: { readonly date: string; readonly answers: Record<string, Record<string, number | null>> };
  readonly sessions: readonly Record<string, unknown>[];
}

/** mulberry32: a small, fast, seeded generator, so that every run draws the same cohort. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['cervical', 'thoracic', 'lumbosacral'] as const;
const ODI = [
  'painIntensity',
  'personalCare',
  'lifting',
  'walking',
  'sitting',
  'standing',
  'sleeping',
  'sexLife',
  'socialLife',
  'travelling',
];
const NDI = [
  'painIntensity',
  'personalCare',
  'lifting',
  'reading',
  'headaches',
  'concentration',
  'work',
  'driving',
  'sleeping',
  'recreation',
];
const SENSATIONS = ['numbness', 'burning', 'tingling', 'cold'] as const;
const EVENTS = ['bruising', 'bleeding at a needle site', 'dizziness', 'fainting', 'pain at a needle site'];

function isoDate(dayNumber: number): string {
  // Day 0 is 2026-01-05; plain arithmetic on a UTC date, no time zone involved.
  return new Date(Date.UTC(2026, 0, 5 + dayNumber)).toISOString().slice(0, 10);
}

/**
 * `count` synthetic records drawn from `seed`, one at a time (a generator: a million rows never
 * sit in memory at once).
 */
export function* syntheticOutcomeRows(count: number, seed = 20261201): Generator<SyntheticOutcomeRow> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, Math.round(value)));
  for (let i = 0; i < count; i++) {
    const region = pick(REGIONS);
    const plannedSessions = between(10, 12);
    const start = between(0, 300);
    // A baseline of 0 now and then: its percentage change does not exist.
    const baselinePain = next() < 0.02 ? 0 : between(3, 9);
    // The pain at the end of the course, drawn at random around some change, better or worse.
    const drift = (next() - 0.35) * 6;
    const questionnaire = region === 'cervical' ? 'ndi' : 'odi';
    const items = region === 'cervical' ? NDI : ODI;
    const answers = (level: number, unanswered: number) => {
      const values: Record<string, number | null> = {};
      items.forEach((item, k) => {
        values[`${questionnaire}.${item}`] = k < unanswered ? null : clamp(level + (next() - 0.5) * 2, 0, 5);
      });
      return values;
    };
    const baselineLevel = between(1, 4);
    // One unanswered item is prorated; now and then two make the questionnaire unscorable.
    const missingItems = () => (next() < 0.1 ? 1 : next() < 0.03 ? 2 : 0);
    const sessions: Record<string, unknown>[] = [];
    const attended = next() < 0.1 ? between(1, plannedSessions - 1) : plannedSessions;
    for (let s = 1; s <= plannedSessions; s++) {
      const date = isoDate(start + Math.floor((s - 1) * 3.5));
      if (s > attended) {
        if (next() < 0.5) sessions.push({ number: s, date, tookPlace: false });
        continue;
      }
      const progress = s / plannedSessions;
      const before = clamp(baselinePain - drift * (progress - 1 / plannedSessions) + (next() - 0.5) * 2, 0, 10);
      const after = clamp(before - next() * 2, 0, 10);
      const session: Record<string, unknown> = { number: s, date, tookPlace: next() < 0.97 ? true : undefined };
      if (next() < 0.95) session['painBefore'] = before;
      if (next() < 0.93) session['painAfter'] = after;
      if (next() < 0.9) {
        session['sensations'] =
          next() < 0.6
            ? []
            : [
                {
                  kind: pick(SENSATIONS),
                  extent: next() < 0.8 ? 'local' : 'general',
                  persisted: next() < 0.85 ? false : next() < 0.5 ? true : undefined,
                },
              ];
      }
      if (next() < 0.92) {
        session['adverseEvents'] =
          next() < 0.97 ? [] : [{ kind: pick(EVENTS), severity: next() < 0.85 ? 'mild' : 'moderate' }];
      }
      sessions.push(session);
    }
    const followUpPain = clamp(baselinePain - drift + (next() - 0.5) * 2, 0, 10);
    const row: SyntheticOutcomeRow = {
      id: `synthetic-${String(i + 1).padStart(7, '0')}`,
      region,
      plannedSessions,
      ruleSet: { id: 'acuspine-protocol', version: '1.0.0' },
      baseline: {
        date: isoDate(start),
        answers: { 'pain-nrs': { 'nrs.pain': baselinePain }, [questionnaire]: answers(baselineLevel, missingItems()) },
      },
      ...(attended < plannedSessions && next() < 0.7
        ? {}
        : next() < 0.12
          ? {}
          : {
              followUp: {
                date: isoDate(start + plannedSessions * 4 + 28),
                answers: {
                  'pain-nrs': { 'nrs.pain': followUpPain },
                  [questionnaire]: answers(clamp(baselineLevel - drift / 2, 0, 5), missingItems()),
                },
              },
            }),
      sessions,
    };
    yield row;
  }
}
