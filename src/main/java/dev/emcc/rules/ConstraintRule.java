package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Limits;
import dev.emcc.schema.SingletonBinding;
import dev.emcc.schema.Violation;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.List;

/**
 * The limits every form knows, checked on every object of every window of the schema
 * ({@link Limits}): a mandatory value is there (field.required), a choice CUCM has no default for
 * is made (field.enum), a text is not too long (field.maxLength), a number is in its range
 * (field.range), a text has its shape (field.pattern: a line's directory number). The form shows
 * the same messages as a value is typed.
 */
public final class ConstraintRule extends ClusterRule {
  public static final String REQUIRED = Violation.REQUIRED;
  public static final String ENUM = Violation.ENUM;
  public static final String MAX_LENGTH = Violation.MAX_LENGTH;
  public static final String RANGE = Violation.RANGE;
  public static final String PATTERN = Violation.PATTERN;

  /** The windows whose objects live in a cluster. */
  private static final List<Window> BOUND = Windows.ALL.stream().filter(w -> w.binding() != null).toList();

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    for (Window w : BOUND) {
      if (w.binding() instanceof CollectionBinding<?> b) {
        collection(out, cl, c, w, b);
      } else if (w.binding() instanceof SingletonBinding<?> s) {
        Object object = s.get().apply(cl);
        for (Violation v : Limits.check(w, object)) {
          String path = s.clusterKey().isEmpty() ? v.path() : s.clusterKey() + "." + v.path();
          out.violation(cl.clusterId(), Paths.of(c, path), Fix.at(v.at(), null), v);
        }
      }
    }
  }

  private static <T> void collection(Findings out, Cluster cl, int c, Window w, CollectionBinding<T> b) {
    List<T> items = b.get().apply(cl);
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      List<Violation> found = Limits.check(w, item);
      if (found.isEmpty()) {
        continue;
      }
      String name = b.name().apply(item);
      // an object without its name: the fix names no object (there is none to name)
      String object = Blank.is(name) ? null : name;
      for (Violation v : found) {
        out.violation(cl.clusterId(), Paths.item(c, b.clusterKey(), i, v.path()), Fix.at(v.at(), object), v);
      }
    }
  }
}
