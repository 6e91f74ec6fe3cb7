package dev.emcc.bat;

import dev.emcc.bat.BatColumn.Role;
import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.schema.EndUserFields;
import dev.emcc.schema.PhoneFields;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.ArrayList;
import java.util.List;

/**
 * The column orders of Cisco's Bulk Administration Guide (Release 15, appendix "Text-Based CSV
 * Files"), one place: the users file, the user device profile file and the phones with users
 * file (insert files, BAT's default formats, lengths as the guide gives them) and the "All
 * details" export files of phones and user device profiles. The lengths of the columns the model
 * carries are their fields' ({@code Field.bat} in the schema, the one place); the ones set here are
 * of columns no field carries (Display, Line Text Label, the forwards ...) and the phones with
 * users file's shorter PIN and the MAC address. Where the guide's releases differ
 * (the users file's Password column) both are here; docs/bat.md says which is which and lists
 * the columns appended for fields the guide's export lists lack.
 */
public final class BatLayouts {
  private static final Window USER = Windows.END_USER;
  private static final Window PROFILE = Windows.DEVICE_PROFILE;
  private static final Window PHONE = Windows.PHONE;

  private BatLayouts() {}

  /**
   * The layout of a kind and format. {@code withPassword}: a users insert file with a Password
   * column after User ID (releases before 15, and the sample rows of every release).
   */
  public static Layout of(BatKind kind, BatFormat format, boolean withPassword) {
    return switch (format) {
      case INSERT -> switch (kind) {
        case USERS -> usersInsert(withPassword);
        case UDP -> UDP_INSERT;
        case PHONES -> PHONES_INSERT;
      };
      case EXPORT -> switch (kind) {
        case USERS -> USERS_EXPORT;
        case UDP -> UDP_EXPORT;
        case PHONES -> PHONES_EXPORT;
      };
    };
  }

  /** A column of a window, its field found by the name (null: not carried). */
  private static BatColumn col(Window w, String name) {
    return BatColumn.of(name, w, BatNames.field(w, name));
  }

  private static List<BatColumn> cols(Window w, String... names) {
    List<BatColumn> out = new ArrayList<>();
    for (String n : names) {
      out.add(col(w, n));
    }
    return out;
  }

  // ---- users ------------------------------------------------------------------------------

  /**
   * The user columns of a users insert file and of a phones with users file, whose PIN (20, where
   * the field's BAT length is 128) and Telephone Number are shorter: {@code pinMax} 0 is the field's.
   */
  private static List<BatColumn> userColumns(boolean withPassword, int pinMax, int telephoneMax) {
    List<BatColumn> c = new ArrayList<>();
    c.add(col(USER, "First Name"));
    c.add(col(USER, "Last Name").required());
    c.add(col(USER, "User ID").required());
    if (withPassword) {
      c.add(col(USER, "Password").max(128).role(Role.SECRET));
    }
    c.add(col(USER, "Manager User ID").max(128));
    c.add(col(USER, "Department").max(64));
    c.add(pinMax > 0 ? col(USER, "PIN").max(pinMax) : col(USER, "PIN"));
    c.add(col(USER, "Default Profile").max(50));
    c.add(col(USER, "User Locale").max(50));
    c.add(col(USER, "Telephone Number").max(telephoneMax));
    c.add(col(USER, "Primary Extension"));
    c.add(col(USER, "Associated PC").max(50));
    c.add(col(USER, "ICD Extension").max(50));
    c.add(col(USER, "Mail ID").max(255));
    c.add(col(USER, "Presence Group").max(50));
    c.add(col(USER, "Subscribe Calling Search Space").max(50));
    return c;
  }

  private static BatColumn controlledDevice() {
    return col(USER, "Controlled Device").as(EndUserFields.CONTROLLED_PROFILES, Role.CONTROLLED_DEVICE);
  }

  private static Layout usersInsert(boolean withPassword) {
    return new Layout(BatKind.USERS, BatFormat.INSERT, userColumns(withPassword, 0, 64),
        List.of(new ColumnGroup(ColumnGroup.CONTROLLED_DEVICES, List.of(controlledDevice()), true)));
  }

  /**
   * The guide has no "All details" list for users: the users file's columns with a header, then
   * the End User window's Extension Mobility columns as BAT's user file format names them.
   */
  private static final Layout USERS_EXPORT = new Layout(BatKind.USERS, BatFormat.EXPORT,
      concat(userColumns(false, 0, 64), cols(USER, "Self-Service User ID", "PIN Must Change at Next Login",
          "Enable EMCC", "Home Cluster")),
      List.of(new ColumnGroup(ColumnGroup.CONTROLLED_PROFILES, cols(USER, "Controlled Profile"), false),
          new ColumnGroup(ColumnGroup.CONTROLLED_DEVICES, List.of(controlledDevice()), false)));

  // ---- user device profiles -------------------------------------------------------------

  private static final Layout UDP_INSERT = new Layout(BatKind.UDP, BatFormat.INSERT,
      List.of(col(PROFILE, "Device Profile Name").required(), col(PROFILE, "Description"),
          col(PROFILE, "Login User ID")),
      List.of(new ColumnGroup(ColumnGroup.LINES, List.of(col(PROFILE, "Directory Number"),
          col(PROFILE, "Display").max(30), col(PROFILE, "Line Text Label").max(30),
          col(PROFILE, "Forward Busy External Destination").max(50),
          col(PROFILE, "Forward No Answer External Destination").max(50),
          col(PROFILE, "Forward No Coverage External").max(50),
          col(PROFILE, "Forward Busy Internal Destination").max(50),
          col(PROFILE, "Forward No Answer Internal Destination").max(50),
          col(PROFILE, "Forward No Coverage Internal").max(50), col(PROFILE, "Call Pickup Group").max(50)), false),
          new ColumnGroup(ColumnGroup.SPEED_DIALS, List.of(col(PROFILE, "Speed Dial Number").max(50),
              col(PROFILE, "Speed Dial Label").max(30)), false)));

  /** The fixed part of the "All details" export of phones and of user device profiles (the guide's order). */
  private static List<BatColumn> deviceDetails(Window w, String nameColumn) {
    List<BatColumn> c = new ArrayList<>();
    c.add(col(w, nameColumn));
    c.addAll(cols(w, "Description", "Device Pool", "Phone Template", "CSS", "AAR CSS", "Location",
        "Extension Mobility", "Network Locale", "Media Resource Group List", "User Hold Audio Source",
        "Network Hold Audio Source", "Device User Locale", "Signal Packet Capture Mode", "Packet Capture Duration",
        "Built in Bridge", "Privacy", "Retry Video Call as Audio", "Ignore Presentation Indicators",
        "Softkey Template", "Module 1", "Module 2", "Phone Load Name", "Module 1 Load Name", "Module 2 Load Name",
        "Information", "Directory", "Messages", "Services", "Authentication Server", "Proxy Server", "Idle",
        "Idle Timer", "MLPP Indication", "MLPP Preemption", "MLPP Domain", "Device Type"));
    // "User ID" of a device profile is its login user
    c.add(w == PROFILE ? col(w, "User ID").as(DeviceProfileFields.LOGIN_USER_ID, Role.VALUE) : col(w, "User ID"));
    c.addAll(cols(w, "Common Profile", "Owner User ID", "Allow CTI Control Flag", "Device Presence Group",
        "Security Profile", "Device Subscribe CSS", "Unattended Port", "Require DTMF Reception", "RFC2833 Disabled",
        "Certificate Operation"));
    c.add(col(w, "Authentication String").role(Role.SECRET));
    c.addAll(cols(w, "Certification Operation Completion Time", "Device Protocol", "Secure Shell User"));
    c.add(col(w, "Secure Shell Password").role(Role.SECRET));
    c.addAll(cols(w, "XML", "Dial Rules", "CSS Reroute", "CSS Refer", "DTMF Signalling", "Default DTMF Capability",
        "SIP Profile", "SIPCodec_MTPPreferredOrigCodec", "Logout Profile", "MTP Required", "Digest User",
        "Always Use Prime Line"));
    return c;
  }

  /** The line columns of an "All details" export, repeated per line. */
  private static ColumnGroup exportLines(Window w) {
    return new ColumnGroup(ColumnGroup.LINES, cols(w, "Directory Number", "Partition", "Voice Mail Profile",
        "Line CSS", "AAR Group", "Line User Hold Audio Source", "Line Network Hold Audio Source", "Auto Answer",
        "Forward All Voice Mail", "Forward All Destination", "Forward All CSS", "Forward Busy Internal Voice Mail",
        "Forward Busy Internal Destination", "Forward Busy Internal CSS", "Forward Busy External Voice Mail",
        "Forward Busy External Destination", "Forward Busy External CSS", "Forward No Answer Internal Voice Mail",
        "Forward No Answer Internal Destination", "Forward No Answer Internal CSS",
        "Forward No Answer External Voice Mail", "Forward No Answer External Destination",
        "Forward No Answer External CSS", "Forward No Coverage Internal Voice Mail",
        "Forward No Coverage Internal Destination", "Forward No Coverage Internal CSS",
        "Forward No Coverage External Voice Mail", "Forward No Coverage External Destination",
        "Forward No Coverage External CSS", "Forward No Answer Ring Duration", "Call Pickup Group", "MLPP Target",
        "MLPP CSS", "MLPP No Answer Ring Duration", "Line Text Label", "External Phone Number Mask",
        "Maximum Number of Calls", "Busy Trigger", "Message Waiting Lamp Policy", "Ring setting (Phone Idle)",
        "Ring Setting (Phone Active)", "Caller Name", "Caller Number", "Redirected Number", "Dialed Number",
        "Line Description", "Alerting Name", "Alerting Name ASCII", "Line Presence Group",
        "Secondary CSS for Forward All", "Forward on CTI Failure Voice Mail", "Forward on CTI Failure Destination",
        "Forward on CTI Failure CSS", "Display", "ASCII Display", "Party Entrance Tone", "Log Missed Calls",
        "Park Monitor Forward No Retrieve Ext Voice Mail", "Park Monitor Forward No Retrieve Int Voice Mail",
        "Park Monitor Forward No Retrieve Ext CSS", "Park Monitor Forward No Retrieve Int CSS",
        "Park Monitor Forward No Retrieve Ext Destination", "Park Monitor Forward No Retrieve Int Destination",
        "Park Monitor Reversion Timer"), false);
  }

  /** Speed dials, services and busy lamp fields of an "All details" export, repeated together. */
  private static ColumnGroup exportSpeedDials(Window w) {
    List<BatColumn> c = new ArrayList<>(cols(w, "Speed Dial Number", "Speed Dial Label", "Speed Dial Label ASCII",
        "Service Name"));
    BatColumn subscribed = col(w, "Subscribed Service Name");
    c.add(w == PHONE ? subscribed.as(PhoneFields.SUBSCRIBED_SERVICES, Role.ECHO) : subscribed);
    c.addAll(cols(w, "Subscribed Service Name ASCII", "Parameter Name", "Parameter Value",
        "Busy Lamp Field Destination", "Busy Lamp Field Directory Number", "Busy Lamp Field Label",
        "Busy Lamp Field Label ASCII"));
    return new ColumnGroup(ColumnGroup.SPEED_DIALS, c, false);
  }

  /**
   * After the guide's columns, those of newer CUCM exports for the fields this console carries
   * (Single Button Barge, Join Across Lines, DND Option, DND Incoming Call Alert), and the ones
   * no list of the guide has, named as the Device Profile window names them.
   */
  private static final Layout UDP_EXPORT = new Layout(BatKind.UDP, BatFormat.EXPORT,
      concat(deviceDetails(PROFILE, "Device Profile Name"), cols(PROFILE, "Always Use Prime Line for Voice Message",
          "Single Button Barge", "Join Across Lines", "Do Not Disturb", "DND Option", "DND Incoming Call Alert",
          "Extension Mobility Cross Cluster CSS")),
      List.of(exportLines(PROFILE), exportSpeedDials(PROFILE)));

  // ---- phones --------------------------------------------------------------------------

  /** Phones with users: the user's columns (with Password), then the phone's, its line and speed dial. */
  private static final Layout PHONES_INSERT = new Layout(BatKind.PHONES, BatFormat.INSERT,
      concat(userColumns(true, 20, 20), List.of(
          col(PHONE, "MAC Address").as(PhoneFields.NAME, Role.MAC_ADDRESS).len(12, 12).required(),
          col(PHONE, "Description"), col(PHONE, "Location").max(50))),
      List.of(new ColumnGroup(ColumnGroup.LINES, List.of(col(PHONE, "Directory Number").max(24),
          col(PHONE, "Display").max(30), col(PHONE, "Line Text Label").max(30),
          col(PHONE, "Forward Busy External").max(50), col(PHONE, "Forward No Answer External").max(50),
          col(PHONE, "Forward No Coverage External").max(50), col(PHONE, "Forward Busy Internal").max(50),
          col(PHONE, "Forward No Answer Internal").max(50), col(PHONE, "Forward No Coverage Internal").max(50),
          col(PHONE, "Call Pickup Group").max(50)), false),
          new ColumnGroup(ColumnGroup.SPEED_DIALS, List.of(col(PHONE, "Speed Dial").max(50),
              col(PHONE, "Speed Dial Label").max(30)), false)));

  /** The guide's phone export ends with "Always Use Prime Line for Voice Messages" and "Geo Location". */
  private static final Layout PHONES_EXPORT = new Layout(BatKind.PHONES, BatFormat.EXPORT,
      concat(deviceDetails(PHONE, "Device Name"), cols(PHONE, "Always Use Prime Line for Voice Messages",
          "Geo Location", "IP Address")),
      List.of(exportLines(PHONE), exportSpeedDials(PHONE)));

  private static List<BatColumn> concat(List<BatColumn> a, List<BatColumn> b) {
    List<BatColumn> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
