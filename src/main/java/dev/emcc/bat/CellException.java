package dev.emcc.bat;

/** A cell whose text is not a value of its column: the message key of the rule it breaks and its arguments. */
final class CellException extends Exception {
  final String rule;
  final Object[] args;

  CellException(String rule, Object... args) {
    super(rule, null, false, false);
    this.rule = rule;
    this.args = args;
  }
}
