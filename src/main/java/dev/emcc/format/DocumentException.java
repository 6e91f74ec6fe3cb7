package dev.emcc.format;

/**
 * A workspace document (or scenario) that cannot be read: says what is wrong and where, as a JSON
 * path and a line and column of the source text (1-based; 0 when unknown).
 */
public class DocumentException extends Exception {
  private final String source;
  private final String path;
  private final int line;
  private final int column;
  private final String problem;
  private final String problemJa;

  public DocumentException(String source, String path, int line, int column, String problem) {
    this(source, path, line, column, problem, null);
  }

  /** With the problem in Japanese too ({@code problemJa} null: the English text serves both). */
  public DocumentException(String source, String path, int line, int column, String problem, String problemJa) {
    super(format(source, path, line, column, problem));
    this.source = source;
    this.path = path;
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.problemJa = problemJa == null ? problem : problemJa;
  }

  DocumentException(String source, String path, int line, int column, Text problem) {
    this(source, path, line, column, problem.en(), problem.ja());
  }

  /** A key the document must not have at {@code path}, worded as the strict reader words it. */
  public static DocumentException unknownKey(String source, String path, String key) {
    return new DocumentException(source, path + "." + key, 0, 0, Text.of("problem.unknownKey", key));
  }

  private static String format(String source, String path, int line, int column, String problem) {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
    }
    if (line > 0) {
      sb.append(source != null ? ":" : "line ").append(line).append(':').append(column);
    }
    if (sb.length() > 0) {
      sb.append(": ");
    }
    sb.append(path == null || path.isEmpty() ? "$" : path).append(": ").append(problem);
    return sb.toString();
  }

  public String source() {
    return source;
  }

  /** The JSON path of the offending value, such as {@code $.clusters[0].phones[2].model}. */
  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** What is wrong in the given language (Japanese for a {@code ja} locale, else English). */
  public String problem(java.util.Locale locale) {
    return isJapanese(locale) ? problemJa : problem;
  }

  /** The whole line ({@code file:LINE:COL: $.path: problem}) in the given language. */
  public String message(java.util.Locale locale) {
    return format(source, path, line, column, problem(locale));
  }

  private static boolean isJapanese(java.util.Locale locale) {
    return locale != null && "ja".equals(locale.getLanguage());
  }
}
