package dev.emcc.rules;

/** JSON paths into the workspace document, built only when a finding needs one. */
final class Paths {
  private Paths() {}

  static String cluster(int c) {
    return "$.clusters[" + c + "]";
  }

  static String of(int c, String field) {
    return cluster(c) + "." + field;
  }

  static String item(int c, String collection, int i) {
    return cluster(c) + "." + collection + "[" + i + "]";
  }

  static String item(int c, String collection, int i, String field) {
    return item(c, collection, i) + "." + field;
  }
}
