/**
 * Refuses common and guessable passwords with zxcvbn (Dropbox's estimator, maintained as
 * zxcvbn-ts), and says why. The words of the install itself (organisation, username) count as
 * guessable too. The dictionaries are loaded on first use only.
 */
import { PASSWORD_MIN_LENGTH } from '../../../shared/policy';
import { KluisError } from '../errors';

/** 3 of 4: "safely unguessable", about 10^10 guesses — with Argon2id in front, years per account. */
const MIN_SCORE = 3;

type Estimator = (password: string, userInputs: string[]) => { score: number; feedback: { warning: string | null; suggestions: string[] } };
let estimator: Estimator | null = null;

async function loadEstimator(): Promise<Estimator> {
  if (estimator) return estimator;
  const [{ zxcvbn, zxcvbnOptions }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  zxcvbnOptions.setOptions({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  estimator = (password, userInputs) => zxcvbn(password, userInputs);
  return estimator;
}

/** Throws VALIDATION on `field` with a reason a person can act on. */
export async function assertStrongPassword(password: string, context: string[], field: string): Promise<void> {
  const fail = (reason: string) => {
    throw new KluisError('VALIDATION', reason, { formErrors: [], fieldErrors: { [field]: [reason] } });
  };
  if (password.length < PASSWORD_MIN_LENGTH) fail(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
  const result = (await loadEstimator())(password, context.filter(Boolean));
  if (result.score < MIN_SCORE) {
    const why = result.feedback.warning || 'It is too easy to guess.';
    const hint = result.feedback.suggestions[0] ?? 'Add more unrelated words.';
    fail(`This password is too easy to guess. ${why.replace(/\.?$/, '.')} ${hint.replace(/\.?$/, '.')}`);
  }
}
