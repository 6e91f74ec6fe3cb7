package dev.emcc.edit;

/** What the edit service does with the validation findings of a proposed workspace. */
public enum Checks {
  /** Saves it; every finding (errors, warnings) is kept in the result for the caller to show. */
  RECORD,
  /**
   * Refuses it, saving nothing, when it has errors its base did not have (every error, when the
   * proposal names no base); warnings never refuse a change.
   */
  REFUSE_NEW_ERRORS
}
