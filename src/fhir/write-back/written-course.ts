// The parts of a course that every written resource shares: the course read (through
// explainCourse, which refuses anything buildCourse did not make) with its words in the locale.
import { type Issue, issue } from '../../_internal/result.js';
import type { Course, Session } from '../../course/course.js';
import { type CourseExplanation, explainCourse, NOT_A_COURSE } from '../../messages/explain-course.js';
import type { MessageOptions } from '../../messages/message-options.js';
import type { FhirWrittenPeriod } from './written-resources.js';

/** A course that explainCourse accepted, with its words. */
export interface ReadCourse {
  readonly course: Course;
  readonly words: CourseExplanation;
  readonly period: FhirWrittenPeriod;
}

/**
 * The course and its words, or an issue: `invalid-course` at the root when it is not a course,
 * `invalid-option` at `locale` when the locale (or its messages) is refused.
 */
export function readCourse(course: unknown, messages: MessageOptions, issues: Issue[]): ReadCourse | undefined {
  try {
    const words = explainCourse(course as Course, { ...messages, sessions: true });
    const sessions = (course as Course).sessions;
    const period = {
      start: (sessions[0] as Session).date,
      end: (sessions[sessions.length - 1] as Session).date,
    };
    return { course: course as Course, words, period };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(NOT_A_COURSE)) {
      issues.push(issue('invalid-course', [], 'expected a course as returned by buildCourse() (its value)'));
    } else issues.push(issue('invalid-option', ['locale'], message));
    return undefined;
  }
}

/** Escapes text for XHTML. */
export function xhtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A generated narrative's div: a heading paragraph, then the lines as a list. */
export function narrativeDiv(heading: string, lines: readonly string[]): string {
  const items = lines.map((line) => `<li>${xhtml(line)}</li>`).join('');
  return `<div xmlns="http://www.w3.org/1999/xhtml"><p>${xhtml(heading)}</p>${items === '' ? '' : `<ul>${items}</ul>`}</div>`;
}
