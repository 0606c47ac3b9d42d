// The CDS service of the server's configuration: the shipped rule sets named there, combined.

import type { Ok } from '../../_internal/result.js';
import type { RuleSet } from '../../screening/rule.js';
import { type CdsService, cdsService } from '../cds-service.js';
import { ruleSetFromNames } from './rule-set-names.js';
import type { CdsServerConfig } from './server-config.js';

/** The CDS service of a configuration already read by readCdsServerConfig. */
export function serviceOf(config: CdsServerConfig['service']): CdsService {
  const { ruleSets, ...options } = config;
  // readCdsServerConfig has checked the names.
  const { value: ruleSet } = ruleSetFromNames(ruleSets) as Ok<RuleSet>;
  return cdsService({ ...options, ruleSet });
}
