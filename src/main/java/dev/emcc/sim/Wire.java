package dev.emcc.sim;

import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.Geolocation;
import dev.emcc.model.LinkLossType;
import dev.emcc.model.SecurityMode;
import java.util.List;

/**
 * What travels between a visiting and a home EMService: plain records, so a later HTTPS transport
 * can send them as JSON unchanged.
 */
public final class Wire {
  private Wire() {}

  /** "Do you know this user?" {@code loginType} null means a plain user ID. */
  public record UserQuery(String visitingClusterId, String loginType, String identifier) {}

  /** {@code error} is set when the home could not handle the query (e.g. 1, parse error). */
  public record UserQueryAnswer(String clusterId, boolean known, EmccError error) {}

  /** The EMCC region parameters of a cluster (must be equal on all clusters). */
  public record Region(int maxAudioKbps, int maxVideoKbps, LinkLossType linkLoss) {}

  /** The login as the visiting EMService forwards it to the home EMService. */
  public record HomeLoginRequest(
      String visitingClusterId,
      String visitingVersion,
      SecurityMode visitingSecurityMode,
      String visitingNode,
      String visitingNodeAddress,
      String phone,
      String phoneModel,
      DeviceSecurityMode phoneSecurityMode,
      Geolocation phoneGeolocation,
      String loginType,
      String identifier,
      String pin,
      Region visitingRegion,
      boolean phoneTftpEncryptedConfig) {}

  /** A step with everything it carries (the result document shows only part of it). */
  public record TracedStep(String from, String to, String message, boolean ok, String check, String messageJa) {
    static TracedStep of(Step s) {
      return new TracedStep(s.from(), s.to(), s.message(), s.ok(), s.check(), s.messageJa());
    }

    Step step() {
      return new Step(from, to, message, ok, check, messageJa);
    }
  }

  /** The home's answer: the steps it took, and on success the EMCC device and where it registers. */
  public record HomeLoginAnswer(
      String homeClusterId,
      EmccError error,
      List<TracedStep> steps,
      List<String> warnings,
      List<String> warningsJa,
      String userId,
      String emccDevice,
      String roamingDevicePool,
      String tftpServer,
      String emccStatus,
      List<String> codecPreference) {
    public boolean ok() {
      return error == null;
    }
  }

  public record HomeLogoutRequest(String visitingClusterId, String phone, String userId, String emccDevice) {}
}
