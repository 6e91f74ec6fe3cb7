package dev.emcc.node;

/**
 * Who may use the node's AXL service: an application user with the "Standard AXL API Access"
 * role, as on CUCM. Behind this interface so the check can move to the store's application users.
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

  /** Nobody: the node answers AXL with 401 until accounts are given. */
  AxlAccounts NONE = (user, password) -> Access.REFUSED;

  /** One application user with the AXL role, the password compared in constant time. */
  static AxlAccounts single(String user, String password) {
    byte[] expected = password.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return (u, p) -> {
      boolean ok = java.security.MessageDigest.isEqual(expected,
          (p == null ? "" : p).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return ok && user.equals(u) ? Access.GRANTED : Access.REFUSED;
    };
  }
}
