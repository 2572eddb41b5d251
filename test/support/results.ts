/** A dispatcher answer in a test: its value where it must have succeeded, its error where it must not. */
import { expect } from 'vitest';
import type { ApiError } from '../../shared/errors';

export function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

export function refusal(result: { ok: boolean }): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: ApiError }).error;
}
