package dev.emcc.ui.simulator;

import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Fix;
import dev.emcc.schema.Windows;
import dev.emcc.sim.PredictedLogin;
import java.util.Optional;

/**
 * The login a validator finding predicts the failure of, as the simulator runs it: the finding's
 * cluster, and the phone or the user its fix points at ({@link PredictedLogin}). The Problems view,
 * the checklist and the rules' agreement test read findings through here. No JavaFX.
 */
public final class Predictions {
  private Predictions() {}

  /** What a finding is about: its cluster, and the phone or the user its fix points at. */
  public static PredictedLogin.Subject subject(Diagnostic d) {
    Fix f = d.fix();
    String phone = f != null && Windows.PHONE.id().equals(f.window()) ? f.object() : null;
    String user = f != null && Windows.END_USER.id().equals(f.window()) ? f.object() : null;
    return new PredictedLogin.Subject(d.cluster(), phone, user);
  }

  /** The first login the finding is about that fails with its predicted code; empty without a prediction. */
  public static Optional<PredictedLogin.Run> run(Workspace ws, Diagnostic d) {
    if (d == null || d.predictedError() == null || d.cluster() == null) {
      return Optional.empty();
    }
    return PredictedLogin.failingWith(ws, subject(d), d.predictedError());
  }
}
