package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One hop of the login as the trace shows it: who talks to whom, what happened, whether it passed.
 * {@code check} is the id of the check that made the step ({@link CheckOrder}); {@code messageJa}
 * is the Japanese text (not part of the pinned result document).
 */
@JsonPropertyOrder({"from", "to", "message", "ok"})
public record Step(
    String from,
    String to,
    String message,
    boolean ok,
    @JsonIgnore String check,
    @JsonIgnore String messageJa) {

  @JsonIgnore
  public String message(boolean japanese) {
    return japanese ? messageJa : message;
  }
}
