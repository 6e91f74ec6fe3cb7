package dev.emcc.bat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.bat.BatColumn.Role;
import dev.emcc.schema.EndUserFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column lists and where their lengths come from: a carried column's from its field, one place. */
class BatLayoutsTest {
  private static List<Layout> all() {
    List<Layout> out = new ArrayList<>();
    for (BatKind k : BatKind.values()) {
      for (BatFormat f : BatFormat.values()) {
        out.add(BatLayouts.of(k, f, false));
        out.add(BatLayouts.of(k, f, true));
      }
    }
    return out;
  }

  private static List<BatColumn> columns(Layout l) {
    List<BatColumn> c = new ArrayList<>(l.fixed());
    l.groups().forEach(g -> c.addAll(g.columns()));
    return c;
  }

  @Test
  void aCarriedColumnsLengthIsItsFieldsBatLength() {
    List<String> exceptions = new ArrayList<>();
    for (Layout l : all()) {
      for (BatColumn c : columns(l)) {
        if (c.field() == null) {
          continue;
        }
        if (c.maxLength() != c.field().batMaxLength() || c.minLength() != c.field().external().batMinLength()) {
          exceptions.add(l.kind() + " " + l.format() + " " + c.name() + " " + c.minLength() + "-" + c.maxLength());
        }
      }
    }
    // the guide's phones-with-users file: a PIN of at most 20 numerals; the phone's MAC address
    assertThat(exceptions).containsOnly("PHONES INSERT PIN 0-20", "PHONES INSERT MAC Address 12-12");
    assertThat(EndUserFields.PIN.batMaxLength()).isEqualTo(128);
  }

  @Test
  void theGuidesLengthsAreTheFields() {
    Layout udp = BatLayouts.of(BatKind.UDP, BatFormat.INSERT, false);
    assertThat(udp.fixed()).extracting(c -> c.name() + " " + c.minLength() + "-" + c.maxLength())
        .containsExactly("Device Profile Name 0-50", "Description 0-50", "Login User ID 4-30");
    assertThat(udp.groups().get(0).columns().get(0)).satisfies(dn -> {
      assertThat(dn.name()).isEqualTo("Directory Number");
      assertThat(dn.maxLength()).isEqualTo(24);
    });
    Layout users = BatLayouts.of(BatKind.USERS, BatFormat.INSERT, false);
    assertThat(users.fixed()).filteredOn(BatColumn::carried)
        .extracting(c -> c.name() + " " + c.maxLength() + (c.mandatory() ? " mandatory" : ""))
        .containsExactly("First Name 64", "Last Name 64 mandatory", "User ID 128 mandatory", "PIN 128",
            "Primary Extension 50");
    assertThat(users.openGroup().orElseThrow().columns().get(0)).satisfies(c -> {
      assertThat(c.role()).isEqualTo(Role.CONTROLLED_DEVICE);
      assertThat(c.maxLength()).isEqualTo(50);
    });
  }
}
