// The shipped rule sets by the names that the command line and the server's configuration take,
// and their combination: one source for `acuspine sql --rule-set` and `acuspine serve`.

import { fail, issue, ok, type Result } from '../../_internal/result.js';
import { cautionRuleSet } from '../../screening/caution-rule-set.js';
import { defineRuleSet } from '../../screening/define-rule-set.js';
import { protocolRuleSet } from '../../screening/protocol-rule-set.js';
import { redFlagRuleSet } from '../../screening/red-flag-rule-set.js';
import type { RuleSet } from '../../screening/rule.js';
import type { CdsServerRuleSetName } from './server-config.js';

/** The rule sets by name, in the order their rules come when several are named. */
const NAMED_RULE_SETS: Readonly<Record<CdsServerRuleSetName, RuleSet>> = {
  protocol: protocolRuleSet,
  cautions: cautionRuleSet,
  'red-flags': redFlagRuleSet,
};

/** The names, in their order: `protocol, cautions, red-flags`. */
export const RULE_SET_NAMES = Object.keys(NAMED_RULE_SETS) as readonly CdsServerRuleSetName[];

/**
 * The rule set of the names given: one alone, or several combined into one set with the rules of
 * each, in the order of {@link RULE_SET_NAMES} whatever order they are named in, and their ids and
 * versions joined by `+`.
 *
 * @returns the set, or an `unknown-rule-set` issue (path empty) for each name that is not one.
 */
export function ruleSetFromNames(names: readonly string[]): Result<RuleSet> {
  const unknown = names.filter((name) => !Object.hasOwn(NAMED_RULE_SETS, name));
  if (unknown.length > 0) {
    return fail(
      unknown.map((name) =>
        issue('unknown-rule-set', [], `no rule set is named "${name}": the names are ${RULE_SET_NAMES.join(', ')}`),
      ),
    );
  }
  const sets = RULE_SET_NAMES.filter((name) => names.includes(name)).map((name) => NAMED_RULE_SETS[name]);
  if (sets.length === 1) return ok(sets[0] as RuleSet);
  return ok(
    defineRuleSet({
      id: sets.map((set) => set.id).join('+'),
      version: sets.map((set) => set.version).join('+'),
      rules: sets.flatMap((set) => set.rules),
    }),
  );
}
