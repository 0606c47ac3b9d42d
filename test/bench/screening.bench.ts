// Screens the same seeded synthetic patients four ways and compares throughput: acuspine's
// `screen` (the built package, as users get it), a hand-written if-chain, json-rules-engine and
// json-logic-js. All four must agree on status and contraindications for every record.
import { screen } from 'acuspine';
import jsonLogic from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import { syntheticPatients } from './synthetic-patients.js';

export interface StatusAndContraindications {
  readonly status: string;
  readonly contraindications: readonly string[];
}

const PROTOCOL_BOOLEAN_RULES = [
  ['oncology', ['oncologicalDisease']],
  ['pregnancy', ['pregnant']],
  ['coagulation', ['coagulationDisorder']],
  ['acute-infection', ['acuteInfection']],
  ['acute-mental-state', ['acuteMentalIllness', 'psychotropicInfluence']],
] as const;

const isAge = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value < 150;

/** The baseline: the protocol written by hand as a chain of ifs, three-valued like `screen`. */
export function handWrittenScreen(facts: Record<string, unknown>): StatusAndContraindications {
  const contraindications: string[] = [];
  let unknown = false;
  const age = facts.ageYears;
  if (isAge(age)) {
    const completed = Math.floor(age);
    if (completed < 3 || completed > 75) contraindications.push('age');
  } else unknown = true;
  const oncology = facts.oncologicalDisease;
  if (oncology === true) contraindications.push('oncology');
  else if (oncology !== false) unknown = true;
  const pregnant = facts.pregnant;
  if (pregnant === true) contraindications.push('pregnancy');
  else if (pregnant !== false) unknown = true;
  const coagulation = facts.coagulationDisorder;
  if (coagulation === true) contraindications.push('coagulation');
  else if (coagulation !== false) unknown = true;
  const infection = facts.acuteInfection;
  if (infection === true) contraindications.push('acute-infection');
  else if (infection !== false) unknown = true;
  const mental = facts.acuteMentalIllness;
  const psychotropic = facts.psychotropicInfluence;
  if (mental === true || psychotropic === true) contraindications.push('acute-mental-state');
  else if (mental !== false || psychotropic !== false) unknown = true;
  return {
    status: contraindications.length > 0 ? 'contraindicated' : unknown ? 'incomplete' : 'eligible',
    contraindications,
  };
}

function fromOutcomes(present: readonly string[], anyUnknown: boolean): StatusAndContraindications {
  const order = ['age', ...PROTOCOL_BOOLEAN_RULES.map(([id]) => id)];
  const contraindications = order.filter((id) => present.includes(id));
  return {
    status: contraindications.length > 0 ? 'contraindicated' : anyUnknown ? 'incomplete' : 'eligible',
    contraindications,
  };
}

/** The protocol as json-rules-engine rules: one rule for "present" and one for "unknown" per item. */
export function jsonRulesEngineScreen(): (facts: Record<string, unknown>) => Promise<StatusAndContraindications> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('validAge', (value: unknown, expected: boolean) => isAge(value) === expected);
  engine.addOperator(
    'outsideAge',
    (value: unknown) => isAge(value) && (Math.floor(value) < 3 || Math.floor(value) > 75),
  );
  engine.addOperator('notBoolean', (value: unknown) => value !== true && value !== false);
  engine.addRule({
    conditions: { all: [{ fact: 'ageYears', operator: 'outsideAge', value: true }] },
    event: { type: 'present', params: { rule: 'age' } },
  });
  engine.addRule({
    conditions: { all: [{ fact: 'ageYears', operator: 'validAge', value: false }] },
    event: { type: 'unknown', params: { rule: 'age' } },
  });
  for (const [id, facts] of PROTOCOL_BOOLEAN_RULES) {
    engine.addRule({
      conditions: { any: facts.map((fact) => ({ fact, operator: 'equal', value: true })) },
      event: { type: 'present', params: { rule: id } },
    });
    engine.addRule({
      conditions: {
        all: [
          ...facts.map((fact) => ({ fact, operator: 'notEqual', value: true })),
          { any: facts.map((fact) => ({ fact, operator: 'notBoolean', value: true })) },
        ],
      },
      event: { type: 'unknown', params: { rule: id } },
    });
  }
  return async (facts) => {
    const { events } = await engine.run({ ...facts });
    const present = events.filter((event) => event.type === 'present').map((event) => String(event.params?.rule));
    return fromOutcomes(
      present,
      events.some((event) => event.type === 'unknown'),
    );
  };
}

/** The protocol as json-logic-js expressions, evaluated per rule. */
export function jsonLogicScreen(): (facts: Record<string, unknown>) => StatusAndContraindications {
  jsonLogic.add_operation('validAge', (value: unknown) => isAge(value));
  jsonLogic.add_operation('completedYears', (value: number) => Math.floor(value));
  const isBoolean = (fact: string) => ({ in: [{ var: fact }, [true, false]] });
  const rules: { id: string; present: jsonLogic.RulesLogic; unknown: jsonLogic.RulesLogic }[] = [
    {
      id: 'age',
      present: {
        and: [
          { validAge: [{ var: 'ageYears' }] },
          {
            or: [
              { '<': [{ completedYears: [{ var: 'ageYears' }] }, 3] },
              { '>': [{ completedYears: [{ var: 'ageYears' }] }, 75] },
            ],
          },
        ],
      } as unknown as jsonLogic.RulesLogic,
      unknown: { '!': { validAge: [{ var: 'ageYears' }] } } as unknown as jsonLogic.RulesLogic,
    },
    ...PROTOCOL_BOOLEAN_RULES.map(([id, facts]) => ({
      id,
      present: { or: facts.map((fact) => ({ '===': [{ var: fact }, true] })) } as unknown as jsonLogic.RulesLogic,
      unknown: {
        and: [
          ...facts.map((fact) => ({ '!==': [{ var: fact }, true] })),
          { or: facts.map((fact) => ({ '!': isBoolean(fact) })) },
        ],
      } as unknown as jsonLogic.RulesLogic,
    })),
  ];
  return (facts) => {
    const present: string[] = [];
    let anyUnknown = false;
    for (const rule of rules) {
      if (jsonLogic.apply(rule.present, facts)) present.push(rule.id);
      else if (jsonLogic.apply(rule.unknown, facts)) anyUnknown = true;
    }
    return fromOutcomes(present, anyUnknown);
  };
}

export interface Measurement {
  readonly name: string;
  readonly recordsPerSecond: number;
}

function sameResult(a: StatusAndContraindications, b: StatusAndContraindications): boolean {
  return a.status === b.status && a.contraindications.join() === b.contraindications.join();
}

/** Runs the comparison and returns whether every target was met. */
export async function runScreeningBench(count = 200_000): Promise<boolean> {
  const records = syntheticPatients(count, 20261124) as Record<string, unknown>[];
  const engineScreen = jsonRulesEngineScreen();
  const logicScreen = jsonLogicScreen();

  // Agreement first: a fast wrong answer is no answer.
  for (const record of records.slice(0, 20_000)) {
    const expected = handWrittenScreen(record);
    const candidates = [screen(record), logicScreen(record), await engineScreen(record)];
    if (!candidates.every((candidate) => sameResult(candidate, expected))) {
      throw new Error(`implementations disagree on ${JSON.stringify(record)}`);
    }
  }

  const timeSync = (
    name: string,
    fn: (facts: Record<string, unknown>) => StatusAndContraindications,
    rounds: number,
  ) => {
    let best = Number.POSITIVE_INFINITY;
    let sink = 0;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      for (let i = 0; i < records.length; i++) sink += fn(records[i] as Record<string, unknown>).status.length;
      best = Math.min(best, performance.now() - started);
    }
    if (sink === 0) throw new Error('nothing screened');
    return { name, recordsPerSecond: (records.length / best) * 1000 };
  };
  const results: Measurement[] = [];
  results.push(timeSync('acuspine screen', screen, 7));
  results.push(timeSync('hand-written if-chain', handWrittenScreen, 7));
  results.push(timeSync('json-logic-js', logicScreen, 2));
  const started = performance.now();
  for (const record of records) await engineScreen(record);
  results.push({
    name: 'json-rules-engine',
    recordsPerSecond: (records.length / (performance.now() - started)) * 1000,
  });

  const rate = (name: string) => results.find((result) => result.name === name)?.recordsPerSecond ?? 0;
  const acuspine = rate('acuspine screen');
  console.log(
    `\nScreening ${count.toLocaleString('en')} synthetic patients (seeded, ~10% of each fact missing), best of rounds:`,
  );
  console.table(
    results.map((result) => ({
      implementation: result.name,
      'records/s': Math.round(result.recordsPerSecond).toLocaleString('en'),
      'acuspine is x faster': (acuspine / result.recordsPerSecond).toFixed(2),
    })),
  );
  const targets = [
    ['screen >= 0.7x hand-written', acuspine / rate('hand-written if-chain') >= 0.7],
    ['screen >= 100x json-rules-engine', acuspine / rate('json-rules-engine') >= 100],
    ['screen >= 10x json-logic-js', acuspine / rate('json-logic-js') >= 10],
  ] as const;
  for (const [target, met] of targets) console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
  return targets.every(([, met]) => met);
}
