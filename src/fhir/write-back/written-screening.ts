// The parts of a screening that written resources share: the screening read (through explain,
// which refuses anything screen did not make) with its words in the locale, and its narrative.
import { type Issue, issue } from '../../_internal/result.js';
import { type Explanation, explain } from '../../messages/explain.js';
import type { Locale } from '../../messages/message-code.js';
import type { RuleSet } from '../../screening/rule.js';
import type { Screening } from '../../screening/screening.js';
import { narrativeDiv } from './written-course.js';

/** A screening that explain accepted, with its words. */
export interface ReadScreening {
  readonly screening: Screening<string, string>;
  readonly words: Explanation<string>;
}

/**
 * The screening and its words, or an issue: `invalid-screening` at the root when it is not a
 * screening, `invalid-option` at `locale` or `ruleSet` when explain refuses those.
 */
export function readWrittenScreening(
  screening: unknown,
  locale: unknown,
  ruleSet: unknown,
  issues: Issue[],
): ReadScreening | undefined {
  try {
    const words = explain(screening as Screening<string, string>, {
      ...(locale === undefined ? {} : { locale: locale as Locale }),
      ...(ruleSet === undefined ? {} : { ruleSet: ruleSet as RuleSet<string, string> }),
    });
    return { screening: screening as Screening<string, string>, words };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('explain: expected a screening')) {
      issues.push(issue('invalid-screening', [], message.slice('explain: '.length)));
    } else issues.push(issue('invalid-option', [message.includes('ruleSet') ? 'ruleSet' : 'locale'], message));
    return undefined;
  }
}

/** The screening in words: the headline, then the findings that need attention and the questions. */
export function screeningNarrative(words: Explanation<string>): string {
  return narrativeDiv(words.headline, [
    ...(words.uncheckedProtocol === undefined ? [] : [words.uncheckedProtocol]),
    ...words.findings.map((finding) => `${finding.sentence} (${finding.source})`),
    ...words.questions.map((question) => question.question),
  ]);
}

/** The code system of a rule set's rules: the rule's id is the code. */
export function ruleCodeSystem(ruleSetId: string): string {
  return `https://acuspine.github.io/codes/rule-set/${encodeURIComponent(ruleSetId)}/rule`;
}
