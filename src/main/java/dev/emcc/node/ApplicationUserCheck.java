package dev.emcc.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.format.Json;
import dev.emcc.model.ApplicationUser;
import dev.emcc.model.ClusterCollection;
import dev.emcc.wire.ObjectKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a program signs in as on a node: an application user of the node's cluster (collection
 * {@code applicationUsers}), its password and one role. One per node, shared by the APIs that take
 * application users (the EM API's {@code <appInfo>}, AXL's HTTP Basic credentials).
 *
 * <p>A password is checked against its salted PBKDF2 hash once; a digest of what was verified is
 * then kept in memory, so that a client logging hundreds of users in does not pay the slow hash per
 * request. A changed password changes the stored hash, so an old digest never matches again.
 */
public final class ApplicationUserCheck {
  /** The cluster document's collection of application users. */
  public static final String COLLECTION = ClusterCollection.APPLICATION_USERS.key();
  private static final int VERIFIED_LIMIT = 1024;

  /** The outcome: signed in with the role, no such user or a wrong password, or without the role. */
  public enum Verdict { OK, UNKNOWN_OR_WRONG_PASSWORD, LACKS_ROLE }

  private final ClusterState state;
  private final Set<String> verified = ConcurrentHashMap.newKeySet();

  public ApplicationUserCheck(ClusterState state) {
    this.state = state;
  }

  /**
   * Checks a user ID, a password (taken exactly as given: no trimming) and a role by its CUCM
   * name ({@link ApplicationUser#EM_PROXY_RIGHTS}, {@link ApplicationUser#AXL_API_ACCESS}).
   */
  public Verdict check(String userId, String password, String role) {
    Optional<ApplicationUser> user = user(userId);
    if (user.isEmpty() || password == null || !passwordMatches(user.get(), password)) {
      return Verdict.UNKNOWN_OR_WRONG_PASSWORD;
    }
    return user.get().hasRole(role) ? Verdict.OK : Verdict.LACKS_ROLE;
  }

  /** The application user of that ID in the node's cluster, if any. */
  public Optional<ApplicationUser> user(String userId) {
    if (userId == null || userId.isEmpty()) {
      return Optional.empty();
    }
    return state.get(new ObjectKey(COLLECTION, userId)).map(o -> {
      try {
        return Json.mapper().treeToValue(o.value(), ApplicationUser.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a stored application user does not read back: " + e.getOriginalMessage(), e);
      }
    });
  }

  private boolean passwordMatches(ApplicationUser user, String password) {
    String key = digest(user.userId() + '\0' + user.passwordHash() + '\0' + password);
    if (verified.contains(key)) {
      return true;
    }
    if (!user.passwordMatches(password)) {
      return false;
    }
    if (verified.size() >= VERIFIED_LIMIT) {
      verified.clear();
    }
    verified.add(key);
    return true;
  }

  private static String digest(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
