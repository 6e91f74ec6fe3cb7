package dev.emcc.sync;

import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import java.util.List;
import java.util.function.Function;

/**
 * What stops a push: the validation errors of the cluster being pushed (a node given a broken
 * configuration breaks logins). The console asks before pushing them, {@code emcc sync push}
 * refuses them unless {@code --force}. Warnings and notes never stop a push; findings of the
 * workspace's other clusters don't either (they are not sent), those of no cluster do.
 */
public final class PushCheck {
  private PushCheck() {}

  public static List<Diagnostic> errors(Workspace workspace, String clusterId,
      Function<Workspace, List<Diagnostic>> validator) {
    return validator.apply(workspace).stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .filter(d -> d.cluster() == null || d.cluster().isEmpty() || d.cluster().equals(clusterId))
        .toList();
  }
}
