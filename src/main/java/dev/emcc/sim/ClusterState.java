package dev.emcc.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one cluster's EMService remembers: sessions on its phones (its visiting role), sessions of
 * its users and the EMCC devices they hold (its home role), and what the last remote-cluster
 * update learned about each remote cluster, and its users' wrong PINs.
 */
final class ClusterState {
  /** By phone name: sessions on this cluster's phones. */
  final Map<String, Session> phoneSessions = new LinkedHashMap<>();
  /** By user ID: sessions of this cluster's users, wherever they are logged in. */
  final Map<String, Session> userSessions = new LinkedHashMap<>();
  /** By EMCC device name: the sessions holding this cluster's EMCC devices. */
  final Map<String, Session> devicesInUse = new LinkedHashMap<>();
  /**
   * By phone name: EMCC sessions that the visiting Phone window's Log Out removed from this
   * (visiting) cluster's database while the phone stays registered to the home cluster.
   */
  final Map<String, Session> registeredToHome = new LinkedHashMap<>();
  /** Wrong PINs of this cluster's users and their lockouts (its credential policy). */
  final dev.emcc.model.PinLockout pins = new dev.emcc.model.PinLockout();
  /**
   * Device names (upper case) this (home) cluster created by auto-registration when a phone
   * logged out of EMCC and reset while auto-registration was on (seed, restrictions).
   */
  final java.util.Set<String> autoRegistered = new java.util.LinkedHashSet<>();
  /** By remote cluster ID (lower case): did it answer the last update. */
  final Map<String, RemoteUpdate> remoteUpdates = new LinkedHashMap<>();

  /** The outcome of one remote-cluster update: answered or not, and why not. */
  record RemoteUpdate(boolean answered, Integer failureCode, java.time.Instant at) {}

  void putHomeSession(Session s) {
    userSessions.put(s.userId(), s);
    if (s.emccDevice() != null) {
      devicesInUse.put(s.emccDevice(), s);
    }
  }

  void removeHomeSession(Session s) {
    userSessions.remove(s.userId(), userSessions.get(s.userId()));
    if (s.emccDevice() != null) {
      devicesInUse.remove(s.emccDevice());
    }
  }
}
