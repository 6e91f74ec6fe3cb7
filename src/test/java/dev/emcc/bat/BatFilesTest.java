package dev.emcc.bat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.EndUser;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by hand from the guide's column lists (src/test/resources/dev/emcc/bat), each with
 * the result docs/bat.md documents: quoted commas and doubled quotes, blank fields, Japanese
 * names, a byte order mark, a blank line, a too-long name, an EMCC-like name, bad values.
 */
class BatFilesTest {
  static final String TOKYO = DemoWorkspace.TOKYO;
  @TempDir Path dir;

  static Path resource(String name) throws URISyntaxException {
    return Path.of(BatFilesTest.class.getResource(name).toURI());
  }

  static ImportPlan plan(String file, ImportOptions o) throws Exception {
    return BatImport.plan(resource(file), o, DemoWorkspace.create(), null);
  }

  static List<String> problems(ImportPlan plan) {
    return plan.problems().stream().map(p -> p.located(Locale.ROOT)).toList();
  }

  @Test
  void theGuidesUserDeviceProfileSamplesImportWithATemplate() throws Exception {
    ImportPlan plan = plan("udp-guide-samples.csv", ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO)
        .withTemplate("UDP_alice_8865"));
    assertThat(problems(plan)).isEmpty();
    assertThat(plan.entries()).extracting(PlanEntry::name)
        .containsExactly("John Profile", "John Profile 2", "John Profile 3", "John Profile 4");
    assertThat(plan.entries()).allMatch(e -> e.change() == PlanEntry.Change.ADDED);
    DeviceProfile john = (DeviceProfile) plan.entries().get(0).after();
    assertThat(john.description()).isEqualTo("John's Profile");
    assertThat(john.loginUserId()).isEqualTo("Johns");
    assertThat(john.productType()).isEqualTo("Cisco 8865"); // the template's
    assertThat(john.lines()).singleElement().satisfies(l -> {
      assertThat(l.index()).isEqualTo(1);
      assertThat(l.directoryNumber()).isEqualTo("9725557154");
      assertThat(l.partition()).isEqualTo("PT_TOKYO"); // the template's line 1
    });
    // a 0-line profile with only its name: no line, the template's settings
    DeviceProfile zero = (DeviceProfile) plan.entries().get(2).after();
    assertThat(zero.lines()).isEmpty();
    assertThat(zero.description()).isEqualTo("Alice Sato");
    // the columns the model does not carry are named with their count of values
    assertThat(plan.ignoredColumns()).containsEntry("Display", 1).containsEntry("Line Text Label", 2)
        .containsEntry("Call Pickup Group", 2).containsEntry("Speed Dial Number", 2)
        .containsEntry("Forward Busy External Destination", 2);
    assertThat(String.join("\n", plan.summary(Locale.ROOT)))
        .contains("Ignored (the model does not carry them): Display (1 values)")
        .contains("Device profiles: 4 added, 0 changed, 0 unchanged");
  }

  @Test
  void withoutATemplateNewProfilesLackTheirDeviceType() throws Exception {
    ImportPlan plan = plan("udp-guide-samples.csv", ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO));
    assertThat(plan.applicable()).isFalse();
    assertThat(problems(plan)).contains(
        "line 1, Device Type (not in the file): Product Type is required. [field.required]",
        "line 1, Device Protocol (not in the file): Device Protocol has no value; expected one of: SCCP, SIP. "
            + "[field.enum]");
    assertThat(plan.notes()).extracting(ImportPlan.Note::key).contains("note.noTemplate");
  }

  @Test
  void usersWithQuotedCommasJapaneseNamesBlankFieldsAndControlledDevices() throws Exception {
    ImportPlan plan = plan("users-insert.csv", ImportOptions.of(BatKind.USERS, BatFormat.INSERT, TOKYO));
    assertThat(problems(plan)).isEmpty();
    List<EndUser> users = plan.entries().stream().map(e -> (EndUser) e.after()).toList();
    assertThat(users).extracting(EndUser::userId).containsExactly("tyamada", "yamada", "alee");
    EndUser taro = users.get(0);
    assertThat(taro.lastName()).isEqualTo("Yamada, Jr.");
    assertThat(taro.primaryExtension()).isEqualTo("1101");
    // a device profile's name is a controlled profile; a phone's is a controlled device, not carried
    assertThat(taro.controlledProfiles()).containsExactly("UDP_alice_8865");
    assertThat(plan.ignoredColumns()).containsEntry("Controlled Device", 1).containsEntry("Department", 2)
        .containsEntry("User Locale", 2);
    // the PIN is hashed at once, never kept in clear
    assertThat(taro.pinHash()).startsWith("pbkdf2-sha256$");
    assertThat(taro.pinMatches("13579")).isTrue();
    EndUser yamada = users.get(1);
    assertThat(yamada.firstName()).isEqualTo("太郎");
    assertThat(yamada.lastName()).isEqualTo("山田");
    assertThat(users.get(2).firstName()).isEqualTo("Ann \"The Boss\"");
    assertThat(users.get(2).pinHash()).isNull();
    assertThat(users.get(2).primaryExtension()).isNull();
    assertThat(plan.summary(Locale.ROOT)).anyMatch(s -> s.startsWith("PINs: 2 read and stored only as salted"));
  }

  @Test
  void theGuidesUsersSampleHasAPasswordColumnThatIsNeverStored() throws Exception {
    ImportPlan plan = plan("users-insert-password.csv", ImportOptions.of(BatKind.USERS, BatFormat.INSERT, TOKYO)
        .withPassword(true));
    assertThat(problems(plan)).isEmpty();
    EndUser john = (EndUser) plan.entries().get(0).after();
    assertThat(john.pinMatches("9989")).isTrue();
    assertThat(john.primaryExtension()).isEqualTo("9725557154");
    assertThat(plan.summary(Locale.ROOT)).contains("Never stored: Password");
    assertThat(plan.ignoredColumns()).containsKeys("Manager User ID", "Default Profile", "Controlled Device")
        .doesNotContainKey("Password");
  }

  @Test
  void aByteOrderMarkIsStrippedAndSaid() throws Exception {
    ImportPlan plan = plan("udp-bom.csv", ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO)
        .withTemplate("UDP_alice_8865"));
    assertThat(problems(plan)).isEmpty();
    assertThat(plan.entries()).extracting(PlanEntry::name).containsExactly("BOM Profile");
    assertThat(plan.summary(Locale.ROOT)).anyMatch(s -> s.startsWith("The file starts with a UTF-8 byte order mark: stripped"));
  }

  @Test
  void aBlankLineIsABadRowAndNothingIsAppliedUnlessSkipped() throws Exception {
    ImportOptions o = ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO).withTemplate("UDP_alice_8865");
    ImportPlan plan = plan("udp-blank-line.csv", o);
    assertThat(problems(plan)).containsExactly(
        "line 2: a blank line: BAT refuses a file with blank lines [row.blankLine]");
    assertThat(plan.applicable()).isFalse();
    assertThatThrownBy(() -> ImportApplier.apply(DemoWorkspace.create(), plan)).isInstanceOf(IllegalStateException.class);
    ImportPlan skipping = plan("udp-blank-line.csv", o.skippingBadRows(true));
    assertThat(skipping.applicable()).isTrue();
    assertThat(skipping.badLines()).containsExactly(2L);
    assertThat(skipping.summary(Locale.ROOT)).contains("Skipped bad rows (lines 2)");
    Workspace after = ImportApplier.apply(DemoWorkspace.create(), skipping);
    assertThat(after.cluster(TOKYO).orElseThrow().deviceProfile("Blank B")).isPresent();
  }

  @Test
  void aNameLongerThanBatTakesIsAnErrorAtItsColumn() throws Exception {
    ImportPlan plan = plan("udp-too-long.csv", ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO)
        .withTemplate("UDP_alice_8865"));
    assertThat(problems(plan)).containsExactly(
        "line 2, column 1 (Device Profile Name): 51 characters: BAT takes at most 50 [row.length]");
    assertThat(plan.entries()).extracting(PlanEntry::name).containsExactly("Short Profile");
    assertThat(plan.problems().get(0).text(Locale.JAPANESE)).isEqualTo("51 文字です。BAT は最大 50 文字です");
  }

  @Test
  void aProfileNamedLikeAnEmccDeviceIsRefusedNamingItsRow() throws Exception {
    ImportPlan plan = plan("udp-emcc-name.csv", ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO)
        .withTemplate("UDP_alice_8865"));
    assertThat(problems(plan)).containsExactly("line 2, column 1 (Device Profile Name): \"EMCC3\" is named like "
        + "an EMCC device (EMCC1, EMCC2, ...): BAT refuses such names [row.emccName]");
  }

  @Test
  void phonesWithUsersMakeAUserAndAPhoneFromARow() throws Exception {
    ImportPlan plan = plan("phones-with-users.csv", ImportOptions.of(BatKind.PHONES, BatFormat.INSERT, TOKYO)
        .withTemplate("SEP00AABBCC0101"));
    assertThat(problems(plan)).containsExactly(
        "line 2, column 17 (MAC Address): 11 characters: BAT takes at least 12 [row.length]");
    assertThat(plan.entries()).extracting(PlanEntry::collection, PlanEntry::name).containsExactly(
        org.assertj.core.groups.Tuple.tuple("endUsers", "johns"),
        org.assertj.core.groups.Tuple.tuple("phones", "SEP1231123245AB"));
    Phone phone = (Phone) plan.entries().get(1).after();
    assertThat(phone.description()).isEqualTo("Dallas lobby phone");
    assertThat(phone.model()).isEqualTo("Cisco 8865"); // the template's
    assertThat(phone.enableExtensionMobility()).isTrue();
    EndUser john = (EndUser) plan.entries().get(0).after();
    assertThat(john.pinMatches("12345")).isTrue();
    assertThat(plan.ignoredColumns()).containsKeys("Location", "Directory Number", "Call Pickup Group", "Speed Dial");
    assertThat(plan.summary(Locale.ROOT)).contains("Never stored: Password");
  }

  @Test
  void anExportFileIsReadByItsHeader() throws Exception {
    ImportPlan plan = plan("phones-export.csv", ImportOptions.of(BatKind.PHONES, BatFormat.EXPORT, TOKYO));
    assertThat(problems(plan)).containsExactly(
        "line 3, column 8 (Extension Mobility): \"Yes\" is not True or False [row.boolean]");
    Phone lobby = (Phone) plan.entries().get(0).after();
    assertThat(lobby.name()).isEqualTo("SEP00AABBCC0199");
    assertThat(lobby.description()).isEqualTo("Lobby, 1st floor");
    assertThat(lobby.enableExtensionMobility()).isTrue();
    assertThat(lobby.subscribedServices()).containsExactly("Extension Mobility");
    assertThat(lobby.geolocation()).isEqualTo("GEO_TOKYO");
    assertThat(lobby.deviceSecurityMode()).isEqualTo(DeviceSecurityMode.NON_SECURE);
    Phone room = (Phone) plan.entries().get(1).after();
    assertThat(room.deviceSecurityMode()).isEqualTo(DeviceSecurityMode.ENCRYPTED);
    assertThat(room.subscribedServices()).containsExactly("Extension Mobility"); // from Subscribed Service Name
    assertThat(plan.ignoredColumns()).containsEntry("Logout Profile", 1).containsEntry("Location", 1)
        .containsEntry("Directory Number", 1);
    assertThat(plan.summary(Locale.ROOT)).contains("Never stored: Secure Shell Password");
  }

  @Test
  void userDeviceProfilesOfAnExportFileWithJapaneseNamesAndBadValues() throws Exception {
    ImportPlan plan = plan("udp-export.csv", ImportOptions.of(BatKind.UDP, BatFormat.EXPORT, TOKYO));
    assertThat(problems(plan)).containsExactly(
        "line 3, column 17 (Privacy): \"Maybe\" is none of On, Off, Default [row.choice]",
        "line 3, column 68 (Directory Number 1): Directory Number \"10-2\" is not a directory number "
            + "(digits, *, #, +, X). [field.pattern]");
    DeviceProfile lobby = (DeviceProfile) plan.entries().get(0).after();
    assertThat(lobby.loginUserId()).isEqualTo("alice");
    assertThat(lobby.emccCss()).isEqualTo("CSS_TOKYO_EMCC");
    assertThat(lobby.lines()).extracting(l -> l.directoryNumber() + "/" + l.partition())
        .containsExactly("1090/PT_TOKYO", "1091/PT_TOKYO");
    assertThat(plan.ignoredColumns()).containsEntry("Call Pickup Group", 1).containsEntry("Custom Note", 1)
        .containsEntry("Speed Dial Number", 1);
  }

  @Test
  void aBadDirectoryNumberBreaksTheSchemasRuleAtItsColumn() throws Exception {
    Path file = dir.resolve("dn.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(resource("udp-export.csv")));
    lines.set(2, lines.get(2).replace("Maybe", "Default"));
    Files.write(file, lines);
    ImportPlan plan = BatImport.plan(file, ImportOptions.of(BatKind.UDP, BatFormat.EXPORT, TOKYO),
        DemoWorkspace.create(), null);
    assertThat(problems(plan)).hasSize(1).first().asString()
        .startsWith("line 3, column 68 (Directory Number 1): ").endsWith("[field.pattern]");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithItsLine() throws Exception {
    Path file = dir.resolve("sjis.csv");
    Files.write(file, "Good,,,1001,,,,,,,,,,,\n山田のプロファイル,,,1002,,,,,,,,,,,\n".getBytes(Charset.forName("Shift_JIS")));
    assertThatThrownBy(() -> BatImport.plan(file, ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO),
        DemoWorkspace.create(), null)).isInstanceOf(BatFileException.class)
        .satisfies(e -> assertThat(((BatFileException) e).text(Locale.ROOT))
            .isEqualTo("line 2: the file is not UTF-8: BAT reads UTF-8 only (save it as UTF-8 without BOM)"));
  }

  @Test
  void windows1252BytesAreRefusedWithTheirLineAndUtf16IsNamed() throws Exception {
    Path file = dir.resolve("cp1252.csv");
    Files.write(file, "Good,,,1001\nM\u00fcller Profile,Caf\u00e9,,1002\n".getBytes(Charset.forName("windows-1252")));
    ImportOptions o = ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO);
    assertThatThrownBy(() -> BatImport.plan(file, o, DemoWorkspace.create(), null))
        .isInstanceOf(BatFileException.class).satisfies(e -> assertThat(((BatFileException) e).text(Locale.ROOT))
            .isEqualTo("line 2: the file is not UTF-8: BAT reads UTF-8 only (save it as UTF-8 without BOM)"));
    // Excel's "Unicode Text": UTF-16 with its byte order mark
    Path utf16 = dir.resolve("utf16.csv");
    Files.write(utf16, "Good,,,1001\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    byte[] bytes = Files.readAllBytes(utf16);
    byte[] withBom = new byte[bytes.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(bytes, 0, withBom, 2, bytes.length);
    Files.write(utf16, withBom);
    assertThatThrownBy(() -> BatImport.plan(utf16, o, DemoWorkspace.create(), null))
        .isInstanceOf(BatFileException.class).satisfies(e -> assertThat(((BatFileException) e).text(Locale.ROOT))
            .isEqualTo("line 1: the file is UTF-16 (a byte order mark FF FE): BAT reads UTF-8 only (save it as "
                + "UTF-8 without BOM)"));
  }

  @Test
  void aProfileMayNotTakeAPhonesNameNorAPhoneAProfilesName() throws Exception {
    Path udp = dir.resolve("udp.csv");
    Files.writeString(udp, "sep00aabbcc0101,Named like a phone,,1001\n");
    assertThat(problems(BatImport.plan(udp, ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO)
        .withTemplate("UDP_alice_8865"), DemoWorkspace.create(), null))).containsExactly(
        "line 1, column 1 (Device Profile Name): \"sep00aabbcc0101\" is the name of a phone of the cluster: phones "
            + "and device profiles share CUCM's device names [row.deviceNameTaken]");
    Workspace ws = DemoWorkspace.create().updateCluster(TOKYO, c -> c.withDeviceProfiles(
        java.util.stream.Stream.concat(c.deviceProfiles().stream(), java.util.stream.Stream.of(
            c.deviceProfiles().get(0).withName("SEP00AABBCC0999"))).toList()));
    Path phones = dir.resolve("phones.csv");
    Files.writeString(phones, "Device Name,Device Type,Device Protocol\nSEP00AABBCC0999,Cisco 8865,SIP\n");
    assertThat(problems(BatImport.plan(phones, ImportOptions.of(BatKind.PHONES, BatFormat.EXPORT, TOKYO), ws,
        null))).containsExactly("line 2, column 1 (Device Name): \"SEP00AABBCC0999\" is the name of a device profile "
            + "of the cluster: phones and device profiles share CUCM's device names [row.deviceNameTaken]");
  }

  @Test
  void anUnclosedQuoteIsRefused() throws Exception {
    Path file = dir.resolve("quote.csv");
    Files.writeString(file, "Good,,,1001\n\"Open quote,,,1002\n");
    assertThatThrownBy(() -> BatImport.plan(file, ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO),
        DemoWorkspace.create(), null)).isInstanceOf(BatFileException.class).hasMessageContaining("line 2")
        .hasMessageContaining("quoted value is not closed");
  }

  @Test
  void moreFieldsThanTheFormatHasIsAnErrorThatNamesTheOptions() throws Exception {
    Path file = dir.resolve("wide.csv");
    // two lines and a speed dial: 3 + 2 x 10 + 2 fields; line 2 has a number and a line text label
    List<String> cells = new ArrayList<>(java.util.Collections.nCopies(25, ""));
    cells.set(0, "Two Lines");
    cells.set(3, "1001");
    cells.set(13, "2001");
    cells.set(15, "Second");
    Files.writeString(file, String.join(",", cells) + "\n");
    ImportOptions o = ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO).withTemplate("UDP_alice_8865");
    assertThat(problems(BatImport.plan(file, o, DemoWorkspace.create(), null))).containsExactly(
        "line 1, column 16: more fields than the format has (15: 1 line(s), 1 speed dial(s) a row; see --lines "
            + "and --speed-dials) [row.tooManyFields]");
    ImportPlan two = BatImport.plan(file, o.withLines(2, 1), DemoWorkspace.create(), null);
    assertThat(problems(two)).isEmpty();
    assertThat(((DeviceProfile) two.entries().get(0).after()).lines()).extracting(l -> l.directoryNumber())
        .containsExactly("1001", "2001");
  }

  @Test
  void aHeaderRowInAnInsertFileIsTakenAsAHeader() throws Exception {
    Path file = dir.resolve("named.csv");
    Files.writeString(file, "DEVICE PROFILE NAME,DESCRIPTION,LOGIN USER ID,DIRECTORY NUMBER  1\nNamed,,,1001\n");
    ImportPlan plan = BatImport.plan(file, ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO)
        .withTemplate("UDP_alice_8865"), DemoWorkspace.create(), null);
    assertThat(problems(plan)).isEmpty();
    assertThat(plan.entries()).extracting(PlanEntry::name).containsExactly("Named");
    assertThat(plan.summary(Locale.ROOT)).contains("Line 1 names the columns: taken as a header, not as a row");
  }

  @Test
  void aLoginUserIdShorterThanBatTakesAndADuplicateName() throws Exception {
    Path file = dir.resolve("short.csv");
    Files.writeString(file, "P1,,abc,1001\nP2,,abcd,1002\nP1,,,1003\n");
    ImportPlan plan = BatImport.plan(file, ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO)
        .withTemplate("UDP_alice_8865"), DemoWorkspace.create(), null);
    assertThat(problems(plan)).containsExactly(
        "line 1, column 3 (Login User ID): 3 characters: BAT takes at least 4 [row.length]",
        "line 3, column 1 (Device Profile Name): \"P1\" again: it is already on line 1 [row.duplicate]");
  }

  @Test
  void anExistingProfileChangedByAFileKeepsWhatTheFileDoesNotSay() throws Exception {
    Path file = dir.resolve("change.csv");
    Files.writeString(file, "UDP_alice_8865,Alice's new profile,,1001\nUDP_bob_8845,Bob Suzuki,,1002\n");
    ImportPlan plan = BatImport.plan(file, ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO),
        DemoWorkspace.create(), null);
    assertThat(problems(plan)).isEmpty();
    assertThat(plan.entries()).extracting(PlanEntry::change)
        .containsExactly(PlanEntry.Change.CHANGED, PlanEntry.Change.UNCHANGED);
    DeviceProfile alice = (DeviceProfile) plan.entries().get(0).after();
    assertThat(alice.description()).isEqualTo("Alice's new profile");
    assertThat(alice.productType()).isEqualTo("Cisco 8865");
    assertThat(alice.emccCss()).isEqualTo("CSS_TOKYO_EMCC");
    assertThat(alice.lines().get(0).partition()).isEqualTo("PT_TOKYO");
  }
}
