package dev.emcc.node;

import dev.emcc.model.ApplicationUser;

/**
 * Who may use the node's AXL service: an application user of the node's cluster with the
 * "Standard AXL API Access" role, as on CUCM ({@link #of}: the store's application users).
 */
public interface AxlAccounts {
  /** What a Basic-auth user and password get. */
  enum Access {
    /** Known user, right password, with the AXL role. */
    GRANTED,
    /** Unknown user or wrong password: 401. */
    REFUSED,
    /** Right password but without the AXL role: 403. */
    NO_ROLE
  }

  Access check(String user, String password);

  /** The cluster's application users ({@code applicationUsers}) with {@link ApplicationUser#AXL_API_ACCESS}. */
  static AxlAccounts of(ApplicationUserCheck users) {
    return (user, password) -> switch (users.check(user, password, ApplicationUser.AXL_API_ACCESS)) {
      case OK -> Access.GRANTED;
      case LACKS_ROLE -> Access.NO_ROLE;
      case UNKNOWN_OR_WRONG_PASSWORD -> Access.REFUSED;
    };
  }
}
