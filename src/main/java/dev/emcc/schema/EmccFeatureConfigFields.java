package dev.emcc.schema;

import static dev.emcc.model.EmccFeatureConfig.*;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.LinkLossType;
import dev.emcc.model.PstnAccessTrunkCss;

/** Advanced Features > EMCC > EMCC Feature Configuration (seed table 2). */
public final class EmccFeatureConfigFields {
  public static final String ID = "emccFeatureConfig";
  private static final Field.Maker F = Field.in(ID);

  public static final Field DEFAULT_TFTP_SERVER = F.freeRef("defaultTftpServer", ServiceActivationFields.ID).defaults("none");
  public static final Field BACKUP_TFTP_SERVER = F.freeRef("backupTftpServer", ServiceActivationFields.ID).defaults("none");
  public static final Field EXPIRED_DEVICE_MAINTENANCE_INTERVAL = F.integer("expiredDeviceMaintenanceIntervalMinutes",
      MIN_EXPIRED_DEVICE_MAINTENANCE_MINUTES, MAX_EXPIRED_DEVICE_MAINTENANCE_MINUTES)
      .defaults(String.valueOf(DEFAULT_EXPIRED_DEVICE_MAINTENANCE_MINUTES));
  public static final Field ENABLE_ALL_REMOTE_CLUSTER_SERVICES =
      F.check("enableAllRemoteClusterServicesOnAdd").defaults("false");
  public static final Field PSTN_ACCESS_TRUNK_CSS = F.choice("pstnAccessTrunkCss", PstnAccessTrunkCss.class).defaults("useTrunkCss");
  public static final Field GEOLOCATION_FILTER = F.ref("geolocationFilter", GeolocationFilterFields.ID).defaults("none");
  /** One of the values CUCM offers (seed table 2's default, 8 kbps, among them). */
  public static final Field REGION_MAX_AUDIO_BIT_RATE = F.choiceOf("regionMaxAudioBitRateKbps",
      dev.emcc.model.EmccFeatureConfig.REGION_AUDIO_RATES_KBPS).defaults(String.valueOf(DEFAULT_REGION_MAX_AUDIO_KBPS));
  public static final Field REGION_MAX_VIDEO_CALL_BIT_RATE = F.integer("regionMaxVideoCallBitRateKbps",
      MIN_REGION_MAX_VIDEO_KBPS, MAX_REGION_MAX_VIDEO_KBPS).defaults(String.valueOf(DEFAULT_REGION_MAX_VIDEO_KBPS));
  public static final Field REGION_LINK_LOSS_TYPE = F.choice("regionLinkLossType", LinkLossType.class).defaults("lowLoss");
  public static final Field RSVP_SIP_TRUNK_KEEP_ALIVE = F.integer("rsvpSipTrunkKeepAliveSeconds",
      MIN_RSVP_KEEPALIVE_SECONDS, MAX_RSVP_KEEPALIVE_SECONDS).defaults(String.valueOf(DEFAULT_RSVP_KEEPALIVE_SECONDS));
  public static final Field REMOTE_CLUSTER_UPDATE_DEFAULT_SERVER =
      F.freeRef("remoteClusterUpdateDefaultServer", ServiceActivationFields.ID).defaults("none");
  public static final Field REMOTE_CLUSTER_UPDATE_BACKUP_SERVER =
      F.freeRef("remoteClusterUpdateBackupServer", ServiceActivationFields.ID).defaults("none");
  public static final Field REMOTE_CLUSTER_UPDATE_INTERVAL = F.integer("remoteClusterUpdateIntervalMinutes",
      MIN_REMOTE_CLUSTER_UPDATE_MINUTES, MAX_REMOTE_CLUSTER_UPDATE_MINUTES)
      .defaults(String.valueOf(DEFAULT_REMOTE_CLUSTER_UPDATE_MINUTES));

  static final Window WINDOW = Window.form(ID, Menus.ADVANCED_EMCC,
      new SingletonBinding<>(ClusterCollection.EMCC_FEATURE_CONFIG),
      Section.of("sec.emccParameters", DEFAULT_TFTP_SERVER, BACKUP_TFTP_SERVER, EXPIRED_DEVICE_MAINTENANCE_INTERVAL,
          ENABLE_ALL_REMOTE_CLUSTER_SERVICES, PSTN_ACCESS_TRUNK_CSS, GEOLOCATION_FILTER, REGION_MAX_AUDIO_BIT_RATE,
          REGION_MAX_VIDEO_CALL_BIT_RATE, REGION_LINK_LOSS_TYPE, RSVP_SIP_TRUNK_KEEP_ALIVE,
          REMOTE_CLUSTER_UPDATE_DEFAULT_SERVER, REMOTE_CLUSTER_UPDATE_BACKUP_SERVER, REMOTE_CLUSTER_UPDATE_INTERVAL));

  private EmccFeatureConfigFields() {}
}
