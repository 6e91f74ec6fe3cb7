package dev.emcc.ui.simulator;

import dev.emcc.model.Workspace;
import dev.emcc.node.LiveNetwork;
import dev.emcc.sim.LoginAttempt;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.SimulatorSession;
import java.util.Set;

/**
 * The simulation behind the trainer's view, lasting from one attempt to the next: in process, or
 * over the wire with the clusters as HTTPS nodes on 127.0.0.1 ({@link LiveNetwork}). Each attempt
 * brings the saved workspace with the faults applied; the session keeps who is logged in where.
 * Live, the faulted workspace gets the network's real certificates before the session sees it,
 * so a fault on the trust stores changes what the TLS handshake accepts. Not thread-safe: the
 * view runs one attempt at a time. No JavaFX here, so it is tested without a screen.
 */
final class TrainerSession implements AutoCloseable {
  private final boolean live;
  private LiveNetwork network;
  private SimulatorSession session;
  private boolean closed;

  private TrainerSession(boolean live) {
    this.live = live;
  }

  static TrainerSession inProcess() {
    return new TrainerSession(false);
  }

  /** A live session; the network, its nodes and their keys come at the first attempt (slow: off the FX thread). */
  static TrainerSession live() {
    return new TrainerSession(true);
  }

  boolean isLive() {
    return live;
  }

  /** True before the first attempt (live: the nodes are not started yet, the first attempt is slow). */
  boolean isFresh() {
    return session == null;
  }

  /** What the trainer asks for: a login or a logout on the phone, or Log Out in the visiting Phone window. */
  enum Action {
    LOGIN("login"),
    LOGOUT("logout"),
    PHONE_WINDOW_LOGOUT("phoneWindowLogout");

    private final String key;

    Action(String key) {
      this.key = key;
    }

    /** The name in the attempt log and its export, and the message key suffix. */
    String key() {
      return key;
    }
  }

  /** One login or logout on the faulted workspace {@code ran}, the session conditions as the faults say. */
  SimulationResult attempt(boolean logout, Workspace ran, Set<Fault> faults, Fault.Attempt a) {
    return attempt(logout ? Action.LOGOUT : Action.LOGIN, ran, faults, a);
  }

  SimulationResult attempt(Action action, Workspace ran, Set<Fault> faults, Fault.Attempt a) {
    if (closed) {
      throw new IllegalStateException("the simulator session was closed");
    }
    if (session == null) {
      if (live) {
        network = new LiveNetwork();
        session = network.open(ran);
      } else {
        session = new SimulatorSession(ran);
      }
    } else {
      // faults are applied before the certificates: a fingerprint the fault removed stays removed
      session.setWorkspace(live ? network.certificates().prepare(ran) : ran);
    }
    Fault.stage(faults, session, a.visitingCluster());
    return switch (action) {
      case LOGOUT -> session.logout(a.phone(), a.visitingCluster());
      case PHONE_WINDOW_LOGOUT -> session.phoneWindowLogout(a.phone(), a.visitingCluster());
      case LOGIN -> session.login(LoginAttempt.of(a.phone(), a.userId(), a.pin())
          .withVisitingCluster(a.visitingCluster()).withLoginType(a.loginType()));
    };
  }

  /**
   * The home cluster resets the EMCC device of a phone the visiting Phone window left registered
   * to it: the phone returns to its visiting cluster. The EMCC session it ended, or empty when the
   * phone was not in that state (or nothing ran yet).
   */
  java.util.Optional<dev.emcc.sim.Session> resetAtHome(String phone) {
    if (session == null) {
      return java.util.Optional.empty();
    }
    java.util.Optional<dev.emcc.sim.Session> s = session.registeredToHome(phone);
    return s.isPresent() && session.resetAtHome(phone) ? s : java.util.Optional.empty();
  }

  /** The session after at least one attempt (who is logged in where). */
  SimulatorSession session() {
    return session;
  }

  /** Stops the nodes of a live session; nothing to do in process. Later attempts are refused. */
  @Override
  public void close() {
    closed = true;
    if (network != null) {
      network.close();
      network = null;
    }
  }

  /** The number of node servers running (0 in process and before the first live attempt). */
  int nodeCount() {
    return network == null ? 0 : network.nodeCount();
  }
}
