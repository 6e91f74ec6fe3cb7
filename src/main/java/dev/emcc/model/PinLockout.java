package dev.emcc.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Failed PIN attempts per user and the lockout of the credential policy in
 * {@link EmServiceParameters}: after {@code failedLogonThreshold} wrong PINs the PIN is locked for
 * {@code lockoutDurationMinutes} (0: until an administrator sets a new PIN), and even the right
 * PIN is refused meanwhile; failures are forgotten {@code resetFailedLogonMinutes} after the last
 * one, and a right PIN starts the count again. A new PIN (another hash) clears the user's record.
 * Time is the caller's (a node's clock, a simulation's), so tests move it. Thread-safe; in memory.
 */
public final class PinLockout {
  /** Where a user stands: locked or not, failures counted, and until when (null: until a new PIN). */
  public record Standing(boolean locked, int failures, Instant lockedUntil) {
    static final Standing CLEAR = new Standing(false, 0, null);
  }

  private record Entry(int failures, Instant lastFailure, boolean locked, Instant lockedUntil, String pinHash) {}

  private final Map<String, Entry> users = new HashMap<>();

  /** The user's standing now; an expired lock or a stale count is forgotten here. */
  public synchronized Standing check(String userId, String pinHash, EmServiceParameters policy, Instant now) {
    Entry e = current(userId, pinHash, policy, now);
    return e == null ? Standing.CLEAR : new Standing(e.locked(), e.failures(), e.lockedUntil());
  }

  /** Records a wrong PIN: the standing after it (locked when it reached the threshold). */
  public synchronized Standing failed(String userId, String pinHash, EmServiceParameters policy, Instant now) {
    int threshold = policy.failedLogonThreshold();
    if (threshold <= 0) {
      return Standing.CLEAR; // no limit
    }
    Entry e = current(userId, pinHash, policy, now);
    if (e != null && e.locked()) {
      return new Standing(true, e.failures(), e.lockedUntil()); // tries while locked do not lengthen the lock
    }
    int failures = (e == null ? 0 : e.failures()) + 1;
    boolean locked = failures >= threshold;
    int minutes = policy.lockoutDurationMinutes();
    Instant until = locked && minutes > 0 ? now.plus(Duration.ofMinutes(minutes)) : null;
    users.put(userId, new Entry(failures, now, locked, until, pinHash));
    return new Standing(locked, failures, until);
  }

  /** A right PIN: the user's failures are forgotten. */
  public synchronized void succeeded(String userId) {
    users.remove(userId);
  }

  private Entry current(String userId, String pinHash, EmServiceParameters policy, Instant now) {
    Entry e = users.get(userId);
    if (e == null) {
      return null;
    }
    boolean newPin = !Objects.equals(e.pinHash(), pinHash);
    boolean lockOver = e.locked() && e.lockedUntil() != null && !now.isBefore(e.lockedUntil());
    boolean countOver = !e.locked()
        && !now.isBefore(e.lastFailure().plus(Duration.ofMinutes(policy.resetFailedLogonMinutes())));
    if (newPin || lockOver || countOver) {
      users.remove(userId);
      return null;
    }
    return e;
  }
}
