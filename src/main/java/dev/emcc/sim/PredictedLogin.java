package dev.emcc.sim;

import dev.emcc.model.Cluster;
import dev.emcc.model.EndUser;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.PinHash;
import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The logins a validator finding is about, run through the simulator. A finding in a cluster
 * concerns the EMCC logins in which that cluster is the visiting or the home cluster: about one of
 * its phones (that phone, visited by a user of each other cluster; a phone of the same name in
 * another cluster, visited by a user of this one), about one of its users (that user on a phone of
 * each other cluster, then on one of its own: a local login), or about the cluster as a whole (its first user on a phone of each other
 * cluster, then a user of each other cluster on its first phone). "First" prefers what a login
 * needs: a user with EMCC enabled and a device profile, a phone with Extension Mobility on.
 *
 * <p>A prediction is about the configuration, not the PIN typed: each candidate runs in a fresh
 * session on a copy of the workspace in which the user's PIN is {@link #PIN}. A login that succeeds
 * is also tried again after a logout, for what a logout leaves behind (a phone the home cluster
 * auto-registers: 37).
 */
public final class PredictedLogin {
  /** The PIN the candidates send; the copy of the workspace gives the user this PIN. */
  public static final String PIN = "13579";
  private static final int ITERATIONS = 1_000;

  private PredictedLogin() {}

  /** What a finding is about: a cluster, and maybe one of its phones or users (null otherwise). */
  public record Subject(String cluster, String phone, String userId) {
    public static Subject cluster(String cluster) {
      return new Subject(cluster, null, null);
    }
  }

  /** One candidate: the user (by user ID) and where, and the attempt as the phone sends it. */
  public record Candidate(String userId, String homeCluster, String visitingCluster, String phone,
      LoginAttempt attempt) {}

  /** A candidate and what the simulator made of it; {@code again}: the login after a login and a logout. */
  public record Run(Candidate candidate, SimulationResult result, boolean again) {}

  /** The logins the subject is about, most specific first, without repeats. */
  public static List<Candidate> candidates(Workspace ws, Subject s) {
    Cluster x = ws.cluster(s.cluster()).orElse(null);
    if (x == null) {
      return List.of();
    }
    Set<Candidate> out = new LinkedHashSet<>();
    List<Cluster> others = ws.clusters().stream().filter(c -> c != x).toList();
    if (s.phone() != null) {
      x.phone(s.phone()).ifPresent(p -> others.forEach(h -> typicalUser(h).ifPresent(u -> out.add(candidate(x, p, h, u)))));
      for (Cluster v : others) {
        v.phone(s.phone()).ifPresent(p -> typicalUser(x).ifPresent(u -> out.add(candidate(v, p, x, u))));
      }
    }
    if (s.userId() != null) {
      x.endUser(s.userId()).ifPresent(u -> {
        others.forEach(v -> typicalPhone(v).ifPresent(p -> out.add(candidate(v, p, x, u))));
        typicalPhone(x).ifPresent(p -> out.add(candidate(x, p, x, u))); // plain Extension Mobility at home
      });
    }
    if (s.phone() == null && s.userId() == null) {
      typicalUser(x).ifPresent(u -> others.forEach(v -> typicalPhone(v).ifPresent(p -> out.add(candidate(v, p, x, u)))));
      typicalPhone(x).ifPresent(p -> others.forEach(h -> typicalUser(h).ifPresent(u -> out.add(candidate(x, p, h, u)))));
    }
    return List.copyOf(out);
  }

  /** Runs every candidate, each in a fresh session on the workspace copy with the user's PIN known. */
  public static List<Run> run(Workspace ws, Subject s) {
    List<Run> runs = new ArrayList<>();
    for (Candidate c : candidates(ws, s)) {
      runs.add(run(ws, c));
    }
    return runs;
  }

  /** The first candidate whose login (or login again after a logout) fails with the code, if any. */
  public static Optional<Run> failingWith(Workspace ws, Subject s, int code) {
    for (Candidate c : candidates(ws, s)) {
      Run r = run(ws, c);
      if (!r.result().isSuccess() && Integer.valueOf(code).equals(r.result().code())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * One candidate in a fresh session on the copy of the workspace in which the user's PIN is known:
   * the login, and when it succeeds, a logout and the login again (whose result is kept when it
   * differs in outcome or code).
   */
  public static Run run(Workspace ws, Candidate c) {
    SimulatorSession session = new SimulatorSession(withKnownPin(ws, c.homeCluster(), c.userId()));
    SimulationResult first = session.login(c.attempt());
    if (!first.isSuccess() || !session.logout(c.phone(), c.visitingCluster()).isSuccess()) {
      return new Run(c, first, false);
    }
    SimulationResult again = session.login(c.attempt());
    return again.isSuccess() ? new Run(c, first, false) : new Run(c, again, true);
  }

  /** The workspace with the user's PIN set to {@link #PIN} (other users keep theirs). */
  public static Workspace withKnownPin(Workspace ws, String clusterId, String userId) {
    String hash = PinHash.hash(PIN, ITERATIONS);
    return ws.updateCluster(clusterId, c -> c.withEndUsers(c.endUsers().stream()
        .map(u -> u.userId().equals(userId) ? new EndUser(u.userId(), u.firstName(), u.lastName(),
            u.primaryExtension(), u.selfServiceUserId(), hash, u.pinMustChange(),
            u.enableExtensionMobilityCrossCluster(), u.controlledProfiles()) : u)
        .toList()));
  }

  private static Candidate candidate(Cluster visiting, Phone phone, Cluster home, EndUser user) {
    LoginAttempt a = LoginAttempt.of(phone.name(), identifier(visiting, phone, user), PIN)
        .withVisitingCluster(visiting.clusterId());
    return new Candidate(user.userId(), home.clusterId(), visiting.clusterId(), phone.name(), a);
  }

  /** What the user types: the extension with loginType DN, the self-service ID with SP, else the user ID. */
  private static String identifier(Cluster visiting, Phone phone, EndUser user) {
    String type = visiting.extensionMobilityServices().stream()
        .filter(s -> s.enterpriseSubscription() || phone.subscribedServices().contains(s.name()))
        .findFirst().flatMap(PhoneService::loginType).orElse("");
    return switch (type.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "DN" -> user.primaryExtension();
      case "SP" -> user.selfServiceUserId();
      default -> user.userId();
    };
  }

  private static Optional<EndUser> typicalUser(Cluster c) {
    return c.endUsers().stream()
        .filter(u -> u.enableExtensionMobilityCrossCluster() && !u.controlledProfiles().isEmpty()).findFirst()
        .or(() -> c.endUsers().stream().findFirst());
  }

  private static Optional<Phone> typicalPhone(Cluster c) {
    return c.phones().stream().filter(Phone::enableExtensionMobility).findFirst()
        .or(() -> c.phones().stream().findFirst());
  }
}
