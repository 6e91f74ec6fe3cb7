package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * The conditions of a scenario: whether the WAN between the clusters is up (default true when
 * the key is missing; an explicit null is an error), the
 * sessions that exist before the attempt, and the EM requests already in progress at the visiting
 * EMService. {@code faults} (ours, beyond workspace-format.md; left out when empty) are failures
 * inside a cluster ({@link ClusterFault}).
 */
@JsonPropertyOrder({"wanUp", "loggedIn", "concurrentRequests", "faults"})
public record Conditions(@JsonSetter(nulls = Nulls.FAIL) Boolean wanUp, List<LoggedIn> loggedIn, int concurrentRequests,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Fault> faults) {
  public static final Conditions NORMAL = new Conditions(true, List.of(), 0, List.of());

  public Conditions {
    wanUp = wanUp == null ? Boolean.TRUE : wanUp;
    loggedIn = loggedIn == null ? List.of() : List.copyOf(loggedIn);
    faults = faults == null ? List.of() : List.copyOf(faults);
  }

  public Conditions(Boolean wanUp, List<LoggedIn> loggedIn, int concurrentRequests) {
    this(wanUp, loggedIn, concurrentRequests, List.of());
  }

  /** A session that exists before the attempt (Extension Mobility or EMCC). */
  @JsonPropertyOrder({"userId", "phone"})
  public record LoggedIn(String userId, String phone) {}

  /** A fault in one cluster at the moment of the attempt. */
  @JsonPropertyOrder({"cluster", "fault"})
  public record Fault(String cluster, ClusterFault fault) {}
}
