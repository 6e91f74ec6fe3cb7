package dev.emcc.ui.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.model.Cluster;
import dev.emcc.sync.FieldDiff;
import dev.emcc.sync.LocalWorkspace;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeException;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import dev.emcc.sync.Plan;
import dev.emcc.sync.PlanItem;
import dev.emcc.sync.PullResult;
import dev.emcc.sync.PushResult;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.sync.SyncBase;
import dev.emcc.sync.Syncer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Sync window without a screen: the shown cluster's registered nodes and what the last look
 * at each found, trust on first use of a new node, the plans, and push, pull and the resolution
 * of conflicts (keeping one side, or one field of the node's). The work methods block: the view
 * runs them off the JavaFX thread and hears of each node through a {@link Listener}; a test calls
 * them directly. Texts are {@link Say}s (a key of the ui messages and its arguments) that the view
 * words in the language shown.
 */
public final class SyncModel {
  /** A text of the window: a key of {@code dev/emcc/ui/messages*.properties} and its arguments. */
  public record Say(String key, List<Object> args) {
    private static final String VERBATIM = "";

    public Say {
      args = List.copyOf(args);
    }

    public static Say of(String key, Object... args) {
      return new Say(key, List.of(args));
    }

    /** A text shown as it is (what a node answered). */
    public static Say verbatim(String text) {
      return new Say(VERBATIM, List.of(String.valueOf(text)));
    }

    public boolean isVerbatim() {
      return VERBATIM.equals(key);
    }

    public Object[] argArray() {
      return args.toArray();
    }
  }

  /**
   * What the window knows of one registered node: whether it answered (null: not asked yet), its
   * revision (null: unknown), when it was last synced, and what the last action on it found.
   */
  public record NodeStatus(NodeRef ref, Boolean reachable, Long revision, Say lastSync, Say state) {
    NodeStatus withAnswer(Boolean reachable, Long revision, Say state) {
      return new NodeStatus(ref, reachable, revision, lastSync, state);
    }

    NodeStatus withState(Say state) {
      return new NodeStatus(ref, reachable, revision, lastSync, state);
    }

    NodeStatus withLastSync(Say lastSync) {
      return new NodeStatus(ref, reachable, revision, lastSync, state);
    }
  }

  /** Hears of each node as the work reaches it (on the worker's thread). */
  public interface Listener {
    void changed(NodeStatus node);

    Listener NONE = n -> {};
  }

  /** What a first contact found: the fingerprint shown, and the one pinned before when it differs. */
  public record Offer(String url, String fingerprint, String pinnedBefore) {
    public boolean changed() {
      return pinnedBefore != null;
    }
  }

  /** The plans of the last round, one a node that answered, and the nodes that failed ("url: why"). */
  public record Plans(List<Plan> plans, List<String> errors) {
    public Plans {
      plans = List.copyOf(plans);
      errors = List.copyOf(errors);
    }

    static final Plans NONE = new Plans(List.of(), List.of());
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Duration CONTACT_TIMEOUT = Duration.ofSeconds(20);

  private final SyncPaths paths;
  private final RetryPolicy retry;
  private final Map<String, NodeStatus> nodes = new LinkedHashMap<>();
  private volatile String clusterId;
  private volatile Plans plans = Plans.NONE;
  private volatile Offer offer;

  public SyncModel(SyncPaths paths, RetryPolicy retry) {
    this.paths = Objects.requireNonNull(paths, "paths");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  public SyncPaths paths() {
    return paths;
  }

  public String clusterId() {
    return clusterId;
  }

  /** The shown cluster's nodes, in the nodes file's order. */
  public synchronized List<NodeStatus> nodes() {
    return List.copyOf(nodes.values());
  }

  public Plans plans() {
    return plans;
  }

  /** The fingerprint offered for confirmation, null when none is. */
  public Offer offer() {
    return offer;
  }

  // ---- the nodes of a cluster ----

  /**
   * Shows another cluster (or re-reads the nodes file for this one): its nodes with the revision
   * last synced; another cluster's plans are forgotten.
   *
   * @throws IOException when the nodes file or the sync base cannot be read
   */
  public List<NodeStatus> show(String clusterId) throws IOException {
    if (!Objects.equals(clusterId, this.clusterId)) {
      plans = Plans.NONE;
    }
    this.clusterId = clusterId;
    List<NodeStatus> found = new ArrayList<>();
    synchronized (this) {
      nodes.clear();
    }
    if (clusterId == null) {
      return found;
    }
    SyncBase base = SyncBase.load(paths.baseFile());
    for (NodeRef n : nodesFile().forCluster(clusterId)) {
      SyncBase.Section synced = base.section(n.url(), clusterId);
      Say last = synced.isEmpty() ? Say.of("sync.never")
          : Say.of("sync.atRevision", synced.seenRevision() >= 0 ? synced.seenRevision()
              : synced.entries().values().stream().mapToLong(SyncBase.Entry::nodeRevision).max().orElse(0));
      found.add(new NodeStatus(n, null, null, last, null));
    }
    synchronized (this) {
      found.forEach(s -> nodes.put(s.ref().url(), s));
    }
    return found;
  }

  private NodesFile nodesFile() throws IOException {
    return NodesFile.load(paths.nodesFile());
  }

  private synchronized NodeStatus update(NodeStatus s, Listener listener) {
    if (nodes.containsKey(s.ref().url())) {
      nodes.put(s.ref().url(), s);
    }
    listener.changed(s);
    return s;
  }

  private synchronized NodeStatus current(NodeRef ref) {
    return nodes.getOrDefault(ref.url(), new NodeStatus(ref, null, null, null, null));
  }

  /** Forgets a node (from the nodes file). */
  public void remove(String url) throws IOException {
    NodesFile file = nodesFile();
    file.remove(url);
    file.save();
    show(clusterId);
  }

  // ---- adding a node: trust on first use ----

  /** Normalises a typed URL; a bad one is an {@link IllegalArgumentException}. */
  public static String normalizeUrl(String typed) {
    return NodeRef.normalizeUrl(typed.trim());
  }

  /**
   * First contact: reads the fingerprint the node presents, without sending anything. Offered for
   * confirmation unless the URL is registered with another one (then nothing is offered).
   */
  public Offer contact(String url) throws IOException {
    forgetOffer();
    String normalized = normalizeUrl(url);
    String fp = FirstContact.fingerprint(normalized);
    NodeRef known = nodesFile().find(normalized).orElse(null);
    if (known != null && !known.fingerprint().equals(fp)) {
      return new Offer(normalized, fp, known.fingerprint());
    }
    Offer o = new Offer(normalized, fp, null);
    offer = o;
    return o;
  }

  public void forgetOffer() {
    offer = null;
  }

  /** Whether a token was given, pasted or as a file to read. */
  public static boolean tokenGiven(String pasted, String file) {
    return !blank(pasted) || !blank(file);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The user confirmed the offered fingerprint: pins it, checks the token (health and the object
   * list, which needs it) and records the node, for the cluster the node holds (else the one shown).
   *
   * @throws IllegalStateException when no fingerprint is offered
   */
  public NodeRef trust(String pasted, String tokenFile) throws IOException, NodeException {
    Offer o = offer;
    if (o == null) {
      throw new IllegalStateException("no fingerprint is offered: contact the node first");
    }
    String token = !blank(pasted) ? pasted.trim() : Files.readString(Path.of(tokenFile.trim()), StandardCharsets.UTF_8).trim();
    NodeClient probe = new NodeClient(new NodeRef(o.url(), o.fingerprint(), token, null), CONTACT_TIMEOUT);
    NodeClient.Health h = probe.health();
    probe.objects(Long.MAX_VALUE); // needs the token: a refused token is caught here, not at the first sync
    NodeRef ref = new NodeRef(o.url(), o.fingerprint(), token, h.clusterId() != null ? h.clusterId() : clusterId);
    NodesFile file = nodesFile();
    file.add(ref);
    file.save();
    forgetOffer();
    show(clusterId);
    return ref;
  }

  // ---- health, plan, push, pull ----

  /** Asks every node of the cluster for its health (reachable, revision, cluster). */
  public void refresh(Listener listener) {
    for (NodeStatus n : nodes()) {
      try {
        NodeClient.Health h = new NodeClient(n.ref(), CONTACT_TIMEOUT).health();
        update(current(n.ref()).withAnswer(true, h.revision(),
            Say.of("sync.healthy", h.status(), h.clusterId() == null ? "-" : h.clusterId())), listener);
      } catch (NodeException e) {
        update(current(n.ref()).withAnswer(false, null, Say.verbatim(e.getMessage())), listener);
      }
    }
  }

  /**
   * Plans against every node of the cluster; nothing is applied. {@code sayInRows} false after a
   * push or pull: the nodes keep saying what it did.
   */
  public Plans plan(LocalWorkspace local, boolean sayInRows, Listener listener) {
    Syncer syncer = new Syncer(local, retry);
    List<Plan> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (NodeStatus n : nodes()) {
      if (sayInRows) {
        update(current(n.ref()).withState(Say.of("sync.planning")), listener);
      }
      try {
        Plan p = syncer.plan(new NodeClient(n.ref()), clusterId);
        found.add(p);
        NodeStatus s = current(n.ref());
        update(s.withAnswer(true, p.nodeRevision(), sayInRows ? summary(p) : s.state()), listener);
      } catch (Exception e) {
        errors.add(n.ref().url() + ": " + e.getMessage());
        update(failed(current(n.ref()), e), listener);
      }
    }
    Plans round = new Plans(found, errors);
    plans = round;
    return round;
  }

  /** Pushes the cluster to each node in turn; the number of nodes that took it. */
  public int push(LocalWorkspace local, Listener listener) throws IOException, DocumentException {
    Syncer syncer = new Syncer(local, retry);
    int ok = 0;
    for (NodeStatus n : nodes()) {
      update(current(n.ref()).withState(Say.of("sync.pushing")), listener);
      // one node at a time: each push records its last-synced state in the same base file
      PushResult res = syncer.push(List.of(new NodeClient(n.ref())), clusterId).get(0);
      if (res.ok()) {
        ok++;
        update(current(n.ref()).withAnswer(true, res.revision(),
            Say.of("sync.pushed", res.pushed(), res.revision(), res.conflicts().size()))
            .withLastSync(lastSyncNow(res.revision())), listener);
      } else {
        update(failed(current(n.ref()), res.error()), listener);
      }
    }
    return ok;
  }

  /**
   * Takes the first node's changes into the workspace (saved through {@code local}).
   *
   * @throws Exception what the pull failed with; the node says so too
   */
  public PullResult pull(LocalWorkspace local, Listener listener) throws Exception {
    List<NodeStatus> all = nodes();
    if (all.isEmpty()) {
      throw new IllegalStateException("no node is registered for " + clusterId);
    }
    NodeRef first = all.get(0).ref();
    update(current(first).withState(Say.of("sync.pulling")), listener);
    try {
      PullResult res = new Syncer(local, retry).pull(new NodeClient(first), clusterId);
      update(current(first).withState(Say.of("sync.pulled", res.pulled(), res.conflicts().size()))
          .withLastSync(lastSyncNow(res.plan().nodeRevision())), listener);
      return res;
    } catch (Exception e) {
      update(failed(current(first), e), listener);
      throw e;
    }
  }

  private static NodeStatus failed(NodeStatus s, Exception e) {
    boolean unreachable = e instanceof NodeException ne && ne.kind() == NodeException.Kind.UNREACHABLE;
    return s.withAnswer(unreachable ? Boolean.FALSE : s.reachable(), s.revision(),
        Say.of("sync.failed", String.valueOf(e.getMessage())));
  }

  private static Say lastSyncNow(long revision) {
    return Say.of("sync.lastSyncAt", LocalTime.now().format(TIME), revision);
  }

  /** A node's plan in a line: what would be pushed, pulled, what conflicts and what is in sync. */
  public static Say summary(Plan p) {
    return Say.of("sync.planSummary", p.items(PlanItem.Action.PUSH).size(), p.items(PlanItem.Action.PULL).size(),
        p.conflicts().size(), p.inSync());
  }

  // ---- conflicts ----

  /**
   * Keeps the node's side of a conflict: the cluster with the node's object in place of ours, or,
   * for one field, ours with only that field taking the node's value (the conflict stays for the
   * other fields). The caller commits it (saved, undoable).
   */
  public static Cluster keepNode(Cluster current, Plan plan, PlanItem conflict, FieldDiff field) {
    PlanItem item = field == null ? conflict : takeField(conflict, field);
    return Syncer.applyInPlace(current, plan.clusterId(), List.of(item));
  }

  /** The conflict with our object, but {@code field} as the node has it (absent on the node: removed). */
  static PlanItem takeField(PlanItem conflict, FieldDiff field) {
    ObjectNode merged = (ObjectNode) conflict.local().deepCopy();
    JsonNode theirs = field.node();
    if (theirs == null) {
      merged.remove(field.field());
    } else {
      merged.set(field.field(), theirs);
    }
    return new PlanItem(conflict.key(), conflict.action(), conflict.change(), List.of(), conflict.local(), merged,
        conflict.base(), conflict.nodeRevision());
  }

  /**
   * Keeps our side of a conflict: the node's current object becomes the last-synced state, so the
   * next plan turns the conflict into a push of ours.
   */
  public void keepLocal(Plan plan, PlanItem conflict) throws IOException {
    SyncBase.load(paths.baseFile()).agree(plan.node(), plan.clusterId(), conflict.key(), conflict.nodeRevision(),
        conflict.node());
  }
}
