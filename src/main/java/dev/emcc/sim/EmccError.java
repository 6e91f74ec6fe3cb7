package dev.emcc.sim;

import dev.emcc.catalog.ErrorSource;

/** An error code of the seed's tables: EMApp (2xx) or EMService. */
public record EmccError(ErrorSource source, int code) {
  public static EmccError app(int code) {
    return new EmccError(ErrorSource.EM_APP, code);
  }

  public static EmccError service(int code) {
    return new EmccError(ErrorSource.EM_SERVICE, code);
  }
}
