package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;

/** Advanced Features > EMCC > EMCC Intercluster Service Profile. */
public final class InterclusterServiceProfileFields {
  public static final String ID = "interclusterServiceProfile";
  private static final Field.Maker F = Field.in(ID);

  public static final Field EMCC_ACTIVE = F.check("emccActive").axl("EMCC:isActivated");
  public static final Field PSTN_ACCESS_ACTIVE = F.check("pstnAccessActive").axl("PSTN Access:isActivated");
  public static final Field PSTN_ACCESS_SIP_TRUNK = F.ref("pstnAccessSipTrunk", SipTrunkFields.ID).axl("PSTN Access:sipTrunkName");
  public static final Field RSVP_AGENT_ACTIVE = F.check("rsvpAgentActive").axl("RSVP Agent:isActivated");
  public static final Field RSVP_AGENT_SIP_TRUNK = F.ref("rsvpAgentSipTrunk", SipTrunkFields.ID).axl("RSVP Agent:sipTrunkName");

  static final Window WINDOW = Window.form(ID, Menus.ADVANCED_EMCC,
      new SingletonBinding<>(ClusterCollection.INTERCLUSTER_SERVICE_PROFILE),
      Section.of("sec.emccService", EMCC_ACTIVE),
      Section.of("sec.pstnAccess", PSTN_ACCESS_ACTIVE, PSTN_ACCESS_SIP_TRUNK),
      Section.of("sec.rsvpAgent", RSVP_AGENT_ACTIVE, RSVP_AGENT_SIP_TRUNK));

  private InterclusterServiceProfileFields() {}
}
