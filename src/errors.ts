/**
 * Errors caused by the user's input, options or config. The CLI prints them as one line plus a hint
 * and exits with 2; anything else is a bug and keeps its stack trace.
 */
export class UserError extends Error {
  readonly hint: string | undefined;
  /**
   * The catalogue id of the message (its hint is `<id>.hint`) and the data its placeholders take, so the
   * CLI can say it in the user's locale; without one, or without a template, the English sentence is shown.
   */
  readonly key: ErrorKey | undefined;
  constructor(message: string, hint?: string, key?: ErrorKey) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
    this.key = key;
  }
}

export interface ErrorKey {
  id: string;
  data?: Readonly<Record<string, string | number>>;
}

/** Bad command-line usage or option values. */
export class UsageError extends UserError {}

/** Unreadable, unrecognised or unusable input data. */
export class InputError extends UserError {}

/** A config file that cannot be read or does not validate. */
export class ConfigError extends UserError {}
