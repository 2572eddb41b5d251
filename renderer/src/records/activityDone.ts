/** Whether a new activity starts as done, in every form that makes one. */
import { todayIso } from '../format';
import type { Drafts } from './RecordForm';

/**
 * What is logged has mostly happened (a call just made, a note written), so it starts as done; a
 * task, or anything dated after today, is a plan and is not done. Until the user ticks or unticks
 * Done themselves, which then stands. Without this a note made on the Activities page was an open
 * task on the home page for good.
 */
export function doneFollowsKindAndDay(drafts: Drafts, touched: ReadonlySet<string>): Drafts {
  if (touched.has('done')) return drafts;
  const day = typeof drafts.due_at === 'string' ? drafts.due_at : '';
  return { ...drafts, done: drafts.kind !== 'task' && (day === '' || day <= todayIso()) };
}
