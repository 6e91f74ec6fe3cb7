package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a third-party application's EM API request carries beside the login (ours, beyond
 * workspace-format.md): the application user of {@code <appInfo>}, whether its password
 * ({@code <appCertificate>}) is wrong, whether it lacks the proxy rights to log users in on their
 * behalf (Standard EM Authentication Proxy Rights), and a query type when the request is a
 * {@code <query>} the EMService does not know rather than a login or logout. Missing keys take
 * the harmless value (false, null).
 */
@JsonPropertyOrder({"appUser", "wrongPassword", "lacksProxyRights", "queryType"})
public record EmApiRequest(String appUser, boolean wrongPassword, boolean lacksProxyRights, String queryType) {
  /** The two queries the EM API knows (seed, code 8). */
  public static final List<String> QUERIES = List.of("DeviceUserQuery", "UserDeviceQuery");

  /** An application user with the right password and proxy rights. */
  public static EmApiRequest of(String appUser) {
    return new EmApiRequest(appUser, false, false, null);
  }
}
