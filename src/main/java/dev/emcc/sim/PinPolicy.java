package dev.emcc.sim;

import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EndUser;
import dev.emcc.model.PinLockout;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A PIN checked under the cluster's credential policy (its EM service parameters): a locked PIN
 * is refused even when right, with the EM service's 9 (Dir. User Info Error, the code for
 * authentication failures other than a wrong PIN); a wrong PIN counts, and the one that reaches
 * the threshold locks the PIN. The trace says which, with the count and until when.
 */
final class PinPolicy {
  private PinPolicy() {}

  /**
   * @param keys the message keys' prefix ({@code home.pin}, {@code local.pin})
   * @param wrong the error of a wrong PIN below the threshold
   */
  static Outcome check(PinLockout pins, EmServiceParameters policy, EndUser user, String pin, Instant now,
      String keys, EmccError wrong) {
    PinLockout.Standing standing = pins.check(user.userId(), user.pinHash(), policy, now);
    if (standing.locked()) {
      return locked(keys + ".locked", user, standing);
    }
    if (user.pinMatches(pin)) {
      pins.succeeded(user.userId());
      return Outcome.pass(keys + ".ok", user.userId());
    }
    PinLockout.Standing after = pins.failed(user.userId(), user.pinHash(), policy, now);
    if (after.locked()) {
      return locked(keys + ".locks", user, after);
    }
    int threshold = policy.failedLogonThreshold();
    return threshold <= 0 ? Outcome.fail(wrong, keys + ".fail", user.userId())
        : Outcome.fail(wrong, keys + ".failCounted", user.userId(), after.failures(), threshold);
  }

  private static Outcome locked(String key, EndUser user, PinLockout.Standing s) {
    return s.lockedUntil() == null
        ? Outcome.fail(EmccError.service(9), key + "UntilNewPin", user.userId(), s.failures())
        : Outcome.fail(EmccError.service(9), key, user.userId(), s.failures(),
            DateTimeFormatter.ISO_INSTANT.format(s.lockedUntil().truncatedTo(ChronoUnit.SECONDS)));
  }
}
