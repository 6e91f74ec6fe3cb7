package dev.emcc.sim;

import java.util.List;
import java.util.function.Function;

/**
 * One check of the login flow. {@code id} is stable (trainers and tests refer to it), {@code from}
 * and {@code to} name the hop the check belongs to, {@code codes} the error codes it can produce.
 *
 * @param <C> the context the check reads (the visiting or the home side of the login)
 */
record Check<C>(String id, String from, String to, List<Integer> codes, Function<C, Outcome> body) {

  static <C> Check<C> of(String id, String from, String to, List<Integer> codes, Function<C, Outcome> body) {
    return new Check<>(id, from, to, List.copyOf(codes), body);
  }

  /**
   * Runs the checks in their order until one fails; each check that applies leaves a step.
   *
   * @return the failing outcome, or null when every check passed
   */
  static <C> Outcome runAll(List<Check<C>> checks, C ctx, Trace trace) {
    for (Check<C> check : checks) {
      Outcome o = check.body.apply(ctx);
      if (o.kind() == Outcome.Kind.SKIP) {
        continue;
      }
      trace.step(check.id, check.from, check.to, !o.failed(), o.key(), o.args());
      if (o.failed()) {
        return o;
      }
    }
    return null;
  }
}
