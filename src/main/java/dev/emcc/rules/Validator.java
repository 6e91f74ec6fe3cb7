package dev.emcc.rules;

import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validation engine: runs every rule family over a workspace and returns the diagnostics
 * sorted by path (cluster first, list indices compared as numbers), then rule id. Each family
 * builds its own hash indices, so the whole run is linear in the size of the workspace.
 */
public final class Validator {
  private final List<Rule> rules;

  public Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The engine with every rule family of the project. */
  public static Validator standard() {
    return new Validator(allRules());
  }

  /** Every rule family, field rules first, cross-cluster rules last. */
  public static List<Rule> allRules() {
    return List.of(
        new ConstraintRule(),
        new UniqueNameRule(),
        new AudioBitRateRule(),
        new VersionRule(),
        new MlppRule(),
        new DndOptionRule(),
        new ProductRule(),
        new CapacityRule(),
        new AutoRegistrationRule(),
        new ServiceActivationRule(),
        new FeatureConfigServerRule(),
        new EmServiceUrlRule(),
        new PhoneSubscriptionRule(),
        new EndUserRule(),
        new ReferenceRule(),
        new SipTrunkRule(),
        new InterclusterServiceProfileRule(),
        new RestrictionRule(),
        new EmccDeviceRule(),
        new RegionConsistencyRule(),
        new RemoteClusterRule(),
        new DuplicateDeviceRule(),
        new TrustRule(),
        new LoginTypeVersionRule(),
        new SecurityModeRule(),
        new CertificateRule());
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Diagnostic> validate(Workspace workspace) {
    return validate(workspace, RuleContext.standard());
  }

  public List<Diagnostic> validate(Workspace workspace, RuleContext context) {
    List<Diagnostic> out = new ArrayList<>();
    for (Rule rule : rules) {
      for (Diagnostic d : rule.check(workspace, context)) {
        declared(rule, d);
        out.add(d);
      }
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  /**
   * A finding predicts only a code its family declares ({@link Rule#predictions}): the declared
   * list is what the agreement with the simulator is tested over, so a prediction outside it would
   * be one nobody checked.
   */
  private static void declared(Rule rule, Diagnostic d) {
    Integer code = d.predictedError();
    if (code != null && !rule.predictions().getOrDefault(d.rule(), Set.of()).contains(code)) {
      throw new IllegalStateException(rule.getClass().getSimpleName() + ": " + d.rule() + " predicts " + code
          + ", which its predictions() do not declare");
    }
  }

  /** Every (rule id, codes) a family of the standard engine declares it may predict. */
  public static Map<String, Set<Integer>> predictions() {
    Map<String, Set<Integer>> all = new java.util.TreeMap<>();
    allRules().forEach(r -> all.putAll(r.predictions()));
    return all;
  }

  /** True when any diagnostic is an error. */
  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  static final Comparator<Diagnostic> ORDER = Comparator
      .comparing(Diagnostic::path, Validator::comparePaths)
      .thenComparing(Diagnostic::rule)
      .thenComparing(Diagnostic::message);

  /** Compares JSON paths with runs of digits compared as numbers ([10] after [9]). */
  static int comparePaths(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        int c = compareDigits(a.substring(si, i), b.substring(sj, j));
        if (c != 0) {
          return c;
        }
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int compareDigits(String x, String y) {
    String a = x.replaceFirst("^0+(?=.)", "");
    String b = y.replaceFirst("^0+(?=.)", "");
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
