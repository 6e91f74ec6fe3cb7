package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What must never reach a client: a Java package or class name, an exception's or error's name, a
 * stack frame, or the words of the libraries under the node (JDK, Jackson, JAXP, Jetty).
 */
final class Leaks {
  private Leaks() {}

  static final List<Pattern> FORBIDDEN = List.of(
      Pattern.compile("\\b(java|javax|jdk|sun|com\\.sun|com\\.fasterxml|org\\.eclipse|org\\.xml|org\\.w3c|org\\.apache)\\.[a-z]"),
      Pattern.compile("[A-Z][A-Za-z]*(Exception|Error)\\b"),
      Pattern.compile("\\tat |\\bthrown\\b"),
      Pattern.compile("JAXP\\d|FEATURE_SECURE_PROCESSING|StreamReadConstraints|getMaxNestingDepth"),
      Pattern.compile("(?i)jackson|jetty|xerces|\\bsax\\b|Bad Message|Invalid SNI|Illegal character|URLDecoder"));

  /** Fails when {@code body} carries any of {@link #FORBIDDEN}. */
  static void assertNone(String body, String what) {
    for (Pattern p : FORBIDDEN) {
      assertThat(p.matcher(body).find()).as("%s leaks %s: %s", what, p, body).isFalse();
    }
  }
}
