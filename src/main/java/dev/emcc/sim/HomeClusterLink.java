package dev.emcc.sim;

import dev.emcc.model.RemoteCluster;

/**
 * The transport between a visiting EMService and the EMService of another cluster. In process now
 * ({@link InProcessHomeClusterLink}); a node server can implement it as HTTPS calls later. Every
 * call names the sender (cluster and node) and the remote-cluster entry it goes through; a
 * transport failure comes back as {@link LinkReply#failure()} (WAN down or untrusted certificates:
 * 208; nobody at the address: 40; another cluster ID answered: 42).
 */
public interface HomeClusterLink {

  /** Asks the cluster behind a remote-cluster entry whether it knows the user. */
  LinkReply<Wire.UserQueryAnswer> queryUser(Origin from, RemoteCluster entry, Wire.UserQuery query);

  /** Sends the login to the home cluster's EMService, which runs the home checks. */
  LinkReply<Wire.HomeLoginAnswer> login(Origin from, RemoteCluster entry, Wire.HomeLoginRequest request);

  /** Tells the home cluster that the user logged out of the visiting phone. */
  LinkReply<Boolean> logout(Origin from, RemoteCluster entry, Wire.HomeLogoutRequest request);

  /** The periodic remote-cluster update: does the remote cluster answer. */
  LinkReply<String> remoteUpdate(Origin from, RemoteCluster entry);

  /** The sender of a request: a cluster and the node its EMService runs on. */
  record Origin(String clusterId, String node) {}

  /** A reply, or a transport failure with its error code and a message key. */
  record LinkReply<T>(T value, EmccError failure, String failureKey, Object[] failureArgs) {
    public static <T> LinkReply<T> ok(T value) {
      return new LinkReply<>(value, null, null, new Object[0]);
    }

    public static <T> LinkReply<T> failed(EmccError error, String key, Object... args) {
      return new LinkReply<>(null, error, key, args);
    }

    public boolean failed() {
      return failure != null;
    }
  }
}
