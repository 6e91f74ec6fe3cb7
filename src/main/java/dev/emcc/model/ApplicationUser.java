package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An application user (User Management > Application User): the account a program signs in with,
 * such as an Extension Mobility API client (its {@code <appInfo>}) or an AXL client. The password
 * is never kept in clear: only a salted, slow hash, the same kind as a PIN's ({@link PinHash}); the
 * document's {@code password} is accepted on import and hashed at once, and never written back.
 *
 * @param roles the permission groups / roles granted, by their CUCM names ({@link #EM_PROXY_RIGHTS},
 *     {@link #AXL_API_ACCESS})
 */
@JsonPropertyOrder({"userId", "description", "passwordHash", "roles"})
public record ApplicationUser(String userId, String description, String passwordHash, List<String> roles) {
  /** Lets a program log end users in and out through the EM API (proxy rights). */
  public static final String EM_PROXY_RIGHTS = ApplicationRole.EM_PROXY_RIGHTS.json();
  /** Lets a program use the AXL API. */
  public static final String AXL_API_ACCESS = ApplicationRole.AXL_API_ACCESS.json();
  /** The shortest password taken (CUCM's default credential policy asks for 8 characters). */
  public static final int MIN_PASSWORD = 8;
  /** The longest password taken. */
  public static final int MAX_PASSWORD = 127;

  public ApplicationUser {
    roles = Defaults.list(roles);
  }

  /** The document's creator: {@code password} (clear, hashed here) or {@code passwordHash}, not both. */
  @JsonCreator
  static ApplicationUser fromDocument(
      @JsonProperty("userId") String userId,
      @JsonProperty("description") String description,
      @JsonProperty("password") String password,
      @JsonProperty("passwordHash") String passwordHash,
      @JsonProperty("roles") List<String> roles) {
    if (password != null && passwordHash != null) {
      throw new FieldException("passwordHash", "passwordAndPasswordHash", "give either password or passwordHash, not both");
    }
    if (passwordHash != null && !PinHash.isWellFormed(passwordHash)) {
      throw new FieldException("passwordHash", "badPasswordHash", "passwordHash is not a hash this console wrote");
    }
    if (password != null) {
      String problem = passwordProblem(password, userId);
      if (problem != null) {
        throw new FieldException("password", "passwordPolicy", problem);
      }
    }
    for (String role : roles == null ? List.<String>of() : roles) {
      if (role == null || ApplicationRole.of(role).isEmpty()) {
        throw new FieldException("roles", "unknownRole", "unknown role \"" + role + "\": one of \""
            + ApplicationRole.EM_PROXY_RIGHTS.json() + "\", \"" + ApplicationRole.AXL_API_ACCESS.json() + "\"");
      }
    }
    return new ApplicationUser(userId, description, password != null ? PinHash.hash(password) : passwordHash, roles);
  }

  /**
   * What the password policy finds wrong with a new password, or null: 8 to 127 characters, not
   * only spaces, not the user ID.
   */
  public static String passwordProblem(String password, String userId) {
    if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      return "a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters, not " + password.length();
    }
    if (password.isBlank()) {
      return "a password is not only spaces";
    }
    if (password.equals(userId)) {
      return "a password is not the user ID";
    }
    return null;
  }

  /** True when the given password is this user's (constant-time comparison of the hashes). */
  @JsonIgnore
  public boolean passwordMatches(String password) {
    return passwordHash != null && password != null && PinHash.verify(password, passwordHash);
  }

  /** True when the user holds the role (by its exact CUCM name). */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public ApplicationUser withPassword(String password) {
    return new ApplicationUser(userId, description, PinHash.hash(password), roles);
  }

  public ApplicationUser withRoles(List<String> roles) {
    return new ApplicationUser(userId, description, passwordHash, roles);
  }
}
