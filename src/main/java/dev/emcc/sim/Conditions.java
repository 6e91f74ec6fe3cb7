package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * The conditions of a scenario: whether the WAN between the clusters is up (default true when
 * the key is missing; an explicit null is an error), the
 * sessions that exist before the attempt, and the EM requests already in progress at the visiting
 * EMService.
 */
@JsonPropertyOrder({"wanUp", "loggedIn", "concurrentRequests"})
public record Conditions(@JsonSetter(nulls = Nulls.FAIL) Boolean wanUp, List<LoggedIn> loggedIn, int concurrentRequests) {
  public static final Conditions NORMAL = new Conditions(true, List.of(), 0);

  public Conditions {
    wanUp = wanUp == null ? Boolean.TRUE : wanUp;
    loggedIn = loggedIn == null ? List.of() : List.copyOf(loggedIn);
  }

  /** A session that exists before the attempt (Extension Mobility or EMCC). */
  @JsonPropertyOrder({"userId", "phone"})
  public record LoggedIn(String userId, String phone) {}
}
