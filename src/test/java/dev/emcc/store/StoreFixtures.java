package dev.emcc.store;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EndUser;
import dev.emcc.model.Line;
import dev.emcc.model.Phone;
import dev.emcc.model.PinHash;
import dev.emcc.model.Protocol;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Workspaces for the store's tests and measurements. */
public final class StoreFixtures {
  private StoreFixtures() {}

  private static Workspace twoClusters;

  /**
   * Two clusters, TOKYO and OSAKA, with an object in nearly every collection. Read once: alice's
   * PIN is hashed with a random salt, so every read would give another pinHash.
   */
  public static synchronized Workspace twoClusters() {
    if (twoClusters == null) {
      twoClusters = read();
    }
    return twoClusters;
  }

  private static Workspace read() {
    try (InputStream in = StoreFixtures.class.getResourceAsStream("two-clusters.json")) {
      return WorkspaceFormat.read(in.readAllBytes(), "two-clusters.json");
    } catch (IOException | dev.emcc.format.DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@link #twoClusters()} with TOKYO grown by generated phones, device profiles, end users and
   * EMCC devices (the shape of the benchmark workspace).
   */
  public static Workspace generated(int phones, int profiles, int users, int emccDevices) {
    Workspace base = twoClusters();
    Cluster tokyo = base.cluster("TOKYO").orElseThrow();
    // One hash for every generated user: hashing 20,000 PINs would measure PBKDF2, not the store.
    String pinHash = PinHash.hash("12345", 1000);
    List<Phone> phoneList = new ArrayList<>(tokyo.phones());
    for (int i = 0; i < phones; i++) {
      phoneList.add(new Phone(String.format("SEP%012X", 0x100000L + i), "generated phone " + i, "Cisco 8865",
          Protocol.SIP, true, List.of("Extension Mobility"), DeviceSecurityMode.NON_SECURE, "DP_TOKYO",
          "GEO_TOKYO", "10.1." + (i / 250) % 256 + "." + (i % 250 + 1)));
    }
    List<DeviceProfile> profileList = new ArrayList<>(tokyo.deviceProfiles());
    for (int i = 0; i < profiles; i++) {
      profileList.add(new DeviceProfile("UDP_gen_" + i, "Cisco 8865", Protocol.SIP, "generated profile " + i, null,
          null, "Standard 8865 SIP", "Standard User", null, null, null, null, null, false, false, null, null,
          null, null, null, null, null, null, null,
          List.of(new Line(1, String.valueOf(200000 + i), "PT_INTERNAL"))));
    }
    List<EndUser> userList = new ArrayList<>(tokyo.endUsers());
    for (int i = 0; i < users; i++) {
      userList.add(new EndUser("user" + i, "First" + i, "Last" + i, String.valueOf(200000 + i),
          String.valueOf(200000 + i), pinHash, false, true, List.of("UDP_gen_" + (i % Math.max(1, profiles)))));
    }
    Cluster grown = tokyo.withPhones(phoneList).withDeviceProfiles(profileList).withEndUsers(userList)
        .withEmccDevices(new EmccDevices("EMCC_TPL", List.of()).insert(emccDevices));
    return base.withCluster(grown);
  }
}
