/** A problem met while reading or auditing, named by input and (when it applies to one place) line. */
export interface IngestWarning {
  input: string;
  /** 1-based line (or record) in the input, when it applies to one place. */
  line?: number;
  code: string;
  message: string;
}
