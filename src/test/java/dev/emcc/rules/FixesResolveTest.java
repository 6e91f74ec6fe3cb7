package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Field;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every rule over the catalogue of broken workspaces: each case provokes its rule, every rule id
 * is provoked by some case, and every finding's fix resolves to a real field of a real window and,
 * in a list window, to an object the list holds.
 */
class FixesResolveTest {
  /** Findings that name the object to add, not one that exists (the entry the other cluster lacks). */
  private static final Set<String> NAMES_THE_OBJECT_TO_ADD = Set.of(RemoteClusterRule.NOT_RECIPROCAL);

  @Test
  void everyCaseProvokesItsRuleAndEveryFixLeadsToAField() {
    List<String> problems = new ArrayList<>();
    for (BrokenWorkspaces.Case c : BrokenWorkspaces.all()) {
      List<Diagnostic> found = new ArrayList<>();
      for (Rule rule : Validator.allRules()) {
        found.addAll(rule.check(c.workspace(), BrokenWorkspaces.context()));
      }
      if (found.stream().noneMatch(d -> d.rule().equals(c.rule()))) {
        problems.add(c + ": not found in " + found);
      }
      for (Diagnostic d : found) {
        String where = resolve(c.workspace(), d);
        if (where != null) {
          problems.add(c + ": " + d.rule() + " " + where);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Every rule id of every family: the public String constants of the rule classes. */
  static Set<String> ruleIds() throws IllegalAccessException {
    Set<String> ids = new TreeSet<>();
    for (Rule rule : Validator.allRules()) {
      for (java.lang.reflect.Field f : rule.getClass().getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          ids.add((String) f.get(null));
        }
      }
    }
    return ids;
  }

  @Test
  void theCatalogueProvokesEveryRuleId() throws IllegalAccessException {
    Set<String> ids = ruleIds();
    assertThat(ids).hasSizeGreaterThan(70);
    Set<String> provoked = new TreeSet<>();
    BrokenWorkspaces.all().forEach(c -> provoked.add(c.rule()));
    assertThat(provoked).containsAll(ids);
  }

  /** docs/validation-rules.md has a row for every rule id (certificate.expiring was once missing). */
  @Test
  void everyRuleIdHasARowInTheDocs() throws Exception {
    Set<String> rows = new TreeSet<>();
    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("docs/validation-rules.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length > 2) {
        rows.add(cells[1].trim());
      }
    }
    assertThat(rows).containsAll(ruleIds());
  }

  /** Null when the fix resolves; else what is wrong with it. */
  private static String resolve(Workspace ws, Diagnostic d) {
    Fix fix = d.fix();
    if (fix == null || fix.field() == null) {
      return "has no field to fix";
    }
    Window window = Windows.get(fix.window()).orElse(null);
    if (window == null) {
      return "names no window: " + fix.window();
    }
    Field field = window.field(fix.field()).orElse(null);
    if (field == null) {
      return "names no field of " + fix.window() + ": " + fix.field();
    }
    if (fix.object() != null && window.collection().isPresent() && !NAMES_THE_OBJECT_TO_ADD.contains(d.rule())) {
      Cluster cluster = ws.cluster(d.cluster()).orElse(null);
      if (cluster == null) {
        return "names no cluster: " + d.cluster();
      }
      if (!names(window.collection().orElseThrow(), cluster).contains(fix.object())) {
        return "names no object of " + fix.window() + ": " + fix.object();
      }
    }
    return null;
  }

  private static <T> List<String> names(CollectionBinding<T> b, Cluster c) {
    return b.get().apply(c).stream().map(b.name()).toList();
  }
}
