package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An end user (User Management > End User). The PIN is never kept in clear: only a salted,
 * slow hash ({@link PinHash}). The document's {@code pin} is accepted on import and hashed at once.
 */
@JsonPropertyOrder({"userId", "firstName", "lastName", "primaryExtension", "selfServiceUserId",
    "pinHash", "pinMustChange", "enableExtensionMobilityCrossCluster", "controlledProfiles"})
public record EndUser(
    String userId,
    String firstName,
    String lastName,
    String primaryExtension,
    String selfServiceUserId,
    String pinHash,
    boolean pinMustChange,
    boolean enableExtensionMobilityCrossCluster,
    List<String> controlledProfiles) {

  public EndUser {
    controlledProfiles = Defaults.list(controlledProfiles);
  }

  /** The document's creator: {@code pin} (clear, hashed here) or {@code pinHash}, not both. */
  @JsonCreator
  static EndUser fromDocument(
      @JsonProperty("userId") String userId,
      @JsonProperty("firstName") String firstName,
      @JsonProperty("lastName") String lastName,
      @JsonProperty("primaryExtension") String primaryExtension,
      @JsonProperty("selfServiceUserId") String selfServiceUserId,
      @JsonProperty("pin") String pin,
      @JsonProperty("pinHash") String pinHash,
      @JsonProperty("pinMustChange") boolean pinMustChange,
      @JsonProperty("enableExtensionMobilityCrossCluster") boolean enableEmcc,
      @JsonProperty("controlledProfiles") List<String> controlledProfiles) {
    if (pin != null && pinHash != null) {
      throw new FieldException("pinHash", "give either pin or pinHash, not both");
    }
    if (pinHash != null && !PinHash.isWellFormed(pinHash)) {
      throw new FieldException("pinHash", "pinHash is not a hash this console wrote");
    }
    String hash = pin != null ? PinHash.hash(pin) : pinHash;
    return new EndUser(userId, firstName, lastName, primaryExtension, selfServiceUserId, hash,
        pinMustChange, enableEmcc, controlledProfiles);
  }

  /** True when the given PIN is this user's PIN (constant-time comparison of the hashes). */
  @JsonIgnore
  public boolean pinMatches(String pin) {
    return pinHash != null && pin != null && PinHash.verify(pin, pinHash);
  }

  public EndUser withPin(String pin) {
    return new EndUser(userId, firstName, lastName, primaryExtension, selfServiceUserId,
        PinHash.hash(pin), pinMustChange, enableExtensionMobilityCrossCluster, controlledProfiles);
  }

  public EndUser withEnableEmcc(boolean on) {
    return new EndUser(userId, firstName, lastName, primaryExtension, selfServiceUserId, pinHash,
        pinMustChange, on, controlledProfiles);
  }

  public EndUser withControlledProfiles(List<String> profiles) {
    return new EndUser(userId, firstName, lastName, primaryExtension, selfServiceUserId, pinHash,
        pinMustChange, enableExtensionMobilityCrossCluster, profiles);
  }

  public EndUser withPinMustChange(boolean on) {
    return new EndUser(userId, firstName, lastName, primaryExtension, selfServiceUserId, pinHash,
        on, enableExtensionMobilityCrossCluster, controlledProfiles);
  }
}
