package dev.emcc.model;

/** EMCC feature parameters (Advanced Features > EMCC > EMCC Feature Configuration), with CUCM defaults. */
public record EmccFeatureConfig(
    String defaultTftpServer,
    String backupTftpServer,
    Integer expiredDeviceMaintenanceIntervalMinutes,
    boolean enableAllRemoteClusterServicesOnAdd,
    PstnAccessTrunkCss pstnAccessTrunkCss,
    String geolocationFilter,
    Integer regionMaxAudioBitRateKbps,
    Integer regionMaxVideoCallBitRateKbps,
    LinkLossType regionLinkLossType,
    Integer rsvpSipTrunkKeepAliveSeconds,
    String remoteClusterUpdateDefaultServer,
    String remoteClusterUpdateBackupServer,
    Integer remoteClusterUpdateIntervalMinutes) {

  public static final int DEFAULT_EXPIRED_DEVICE_MAINTENANCE_MINUTES = 1440;
  public static final int MIN_EXPIRED_DEVICE_MAINTENANCE_MINUTES = 10;
  public static final int MAX_EXPIRED_DEVICE_MAINTENANCE_MINUTES = 1440;
  public static final int DEFAULT_REGION_MAX_AUDIO_KBPS = 8;
  /** The values CUCM offers for EMCC Region Max Audio Bit Rate, in kbps (the region bit-rate list). */
  public static final java.util.List<Integer> REGION_AUDIO_RATES_KBPS = java.util.List.of(8, 16, 24, 32, 64, 256);
  public static final int DEFAULT_REGION_MAX_VIDEO_KBPS = 384;
  public static final int MIN_REGION_MAX_VIDEO_KBPS = 0;
  public static final int MAX_REGION_MAX_VIDEO_KBPS = 8128;
  public static final int DEFAULT_RSVP_KEEPALIVE_SECONDS = 15;
  public static final int MIN_RSVP_KEEPALIVE_SECONDS = 1;
  public static final int MAX_RSVP_KEEPALIVE_SECONDS = 600;
  public static final int DEFAULT_REMOTE_CLUSTER_UPDATE_MINUTES = 30;
  public static final int MIN_REMOTE_CLUSTER_UPDATE_MINUTES = 15;
  public static final int MAX_REMOTE_CLUSTER_UPDATE_MINUTES = 10_080;

  /** The CUCM defaults of a fresh cluster. */
  public static final EmccFeatureConfig DEFAULTS =
      new EmccFeatureConfig(null, null, null, false, null, null, null, null, null, null, null, null, null);

  public EmccFeatureConfig {
    expiredDeviceMaintenanceIntervalMinutes =
        Defaults.or(expiredDeviceMaintenanceIntervalMinutes, DEFAULT_EXPIRED_DEVICE_MAINTENANCE_MINUTES);
    pstnAccessTrunkCss = Defaults.or(pstnAccessTrunkCss, PstnAccessTrunkCss.USE_TRUNK_CSS);
    regionMaxAudioBitRateKbps = Defaults.or(regionMaxAudioBitRateKbps, DEFAULT_REGION_MAX_AUDIO_KBPS);
    regionMaxVideoCallBitRateKbps = Defaults.or(regionMaxVideoCallBitRateKbps, DEFAULT_REGION_MAX_VIDEO_KBPS);
    regionLinkLossType = Defaults.or(regionLinkLossType, LinkLossType.LOW_LOSS);
    rsvpSipTrunkKeepAliveSeconds = Defaults.or(rsvpSipTrunkKeepAliveSeconds, DEFAULT_RSVP_KEEPALIVE_SECONDS);
    remoteClusterUpdateIntervalMinutes =
        Defaults.or(remoteClusterUpdateIntervalMinutes, DEFAULT_REMOTE_CLUSTER_UPDATE_MINUTES);
  }

  public EmccFeatureConfig withTftpServers(String primary, String backup) {
    return new EmccFeatureConfig(primary, backup, expiredDeviceMaintenanceIntervalMinutes,
        enableAllRemoteClusterServicesOnAdd, pstnAccessTrunkCss, geolocationFilter,
        regionMaxAudioBitRateKbps, regionMaxVideoCallBitRateKbps, regionLinkLossType,
        rsvpSipTrunkKeepAliveSeconds, remoteClusterUpdateDefaultServer, remoteClusterUpdateBackupServer,
        remoteClusterUpdateIntervalMinutes);
  }

  public EmccFeatureConfig withRegion(int audioKbps, int videoKbps, LinkLossType loss) {
    return new EmccFeatureConfig(defaultTftpServer, backupTftpServer, expiredDeviceMaintenanceIntervalMinutes,
        enableAllRemoteClusterServicesOnAdd, pstnAccessTrunkCss, geolocationFilter,
        audioKbps, videoKbps, loss, rsvpSipTrunkKeepAliveSeconds, remoteClusterUpdateDefaultServer,
        remoteClusterUpdateBackupServer, remoteClusterUpdateIntervalMinutes);
  }

  public EmccFeatureConfig withRemoteClusterUpdateServers(String primary, String backup) {
    return new EmccFeatureConfig(defaultTftpServer, backupTftpServer, expiredDeviceMaintenanceIntervalMinutes,
        enableAllRemoteClusterServicesOnAdd, pstnAccessTrunkCss, geolocationFilter,
        regionMaxAudioBitRateKbps, regionMaxVideoCallBitRateKbps, regionLinkLossType,
        rsvpSipTrunkKeepAliveSeconds, primary, backup, remoteClusterUpdateIntervalMinutes);
  }

  public EmccFeatureConfig withGeolocationFilter(String filter) {
    return new EmccFeatureConfig(defaultTftpServer, backupTftpServer, expiredDeviceMaintenanceIntervalMinutes,
        enableAllRemoteClusterServicesOnAdd, pstnAccessTrunkCss, filter,
        regionMaxAudioBitRateKbps, regionMaxVideoCallBitRateKbps, regionLinkLossType,
        rsvpSipTrunkKeepAliveSeconds, remoteClusterUpdateDefaultServer, remoteClusterUpdateBackupServer,
        remoteClusterUpdateIntervalMinutes);
  }

  public EmccFeatureConfig withIntervals(int expiredMaintenanceMinutes, int keepAliveSeconds, int updateMinutes) {
    return new EmccFeatureConfig(defaultTftpServer, backupTftpServer, expiredMaintenanceMinutes,
        enableAllRemoteClusterServicesOnAdd, pstnAccessTrunkCss, geolocationFilter,
        regionMaxAudioBitRateKbps, regionMaxVideoCallBitRateKbps, regionLinkLossType,
        keepAliveSeconds, remoteClusterUpdateDefaultServer, remoteClusterUpdateBackupServer, updateMinutes);
  }
}
