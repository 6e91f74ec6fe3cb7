package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.util.Optional;

/**
 * An IP phone service (Device > Device Settings > Phone Services), such as the Extension Mobility
 * service. The loginType of the service is read from its URL's {@code loginType} query parameter.
 */
public record PhoneService(
    String name,
    String description,
    String serviceUrl,
    String secureServiceUrl,
    ServiceCategory serviceCategory,
    ServiceType serviceType,
    Boolean enabled,
    boolean enterpriseSubscription) {

  public PhoneService {
    serviceCategory = Defaults.or(serviceCategory, ServiceCategory.XML_SERVICE);
    serviceType = Defaults.or(serviceType, ServiceType.STANDARD_IP_PHONE_SERVICE);
    enabled = Defaults.or(enabled, Boolean.TRUE);
  }

  /** True when the URL points at the Extension Mobility application (EMAppServlet). */
  @JsonIgnore
  public boolean isExtensionMobility() {
    return serviceUrl != null && serviceUrl.toLowerCase(java.util.Locale.ROOT).contains("/emapp/emappservlet");
  }

  /** The {@code loginType} query parameter of the service URL, as written, if any. */
  public Optional<String> loginType() {
    return queryParameter(serviceUrl, "loginType");
  }

  /** The value of a query parameter of a URL, matched case-insensitively by name. */
  public static Optional<String> queryParameter(String url, String parameter) {
    if (url == null) {
      return Optional.empty();
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return Optional.empty();
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equalsIgnoreCase(parameter)) {
        return Optional.of(eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return Optional.empty();
  }

  /** The host of the service URL, if the URL can be parsed. */
  public Optional<String> host() {
    try {
      return Optional.ofNullable(URI.create(serviceUrl.replace("#", "%23")).getHost());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
