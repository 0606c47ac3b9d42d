/**
 * The fields of a course request, as `buildCourse` reads them; explainIssues gives each one a
 * label of its own. One list, so that a new field is known to both.
 */
export const COURSE_REQUEST_FIELDS: readonly string[] = [
  'region',
  'screening',
  'start',
  'sessions',
  'minutes',
  'weekdays',
  'contralateral',
  'override',
];

/** The fields of a course request's override. */
export const OVERRIDE_FIELDS: readonly string[] = ['reason', 'by'];
