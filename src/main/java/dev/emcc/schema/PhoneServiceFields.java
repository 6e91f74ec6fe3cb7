package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.PhoneService;
import dev.emcc.model.ServiceCategory;
import dev.emcc.model.ServiceType;
import java.util.List;

/** Device > Device Settings > Phone Services: the Extension Mobility service and its URL. */
public final class PhoneServiceFields {
  public static final String ID = "phoneService";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().maxLength(32).axl("serviceName");
  public static final Field DESCRIPTION = F.text("description").axl("serviceDescription");
  public static final Field SERVICE_URL = F.text("serviceUrl").mandatory().axl("serviceUrl");
  public static final Field SECURE_SERVICE_URL = F.text("secureServiceUrl").axl("secureServiceUrl");
  public static final Field SERVICE_CATEGORY = F.choice("serviceCategory", ServiceCategory.class).defaults("xmlService").axl("serviceCategory");
  public static final Field SERVICE_TYPE = F.choice("serviceType", ServiceType.class).defaults("standardIpPhoneService").axl("serviceType");
  public static final Field ENABLED = F.check("enabled").defaults("true").axl("enabled");
  public static final Field ENTERPRISE_SUBSCRIPTION = F.check("enterpriseSubscription").axl("enterpriseSubscription");

  static final Window WINDOW = Window.form(ID, Menus.DEVICE_SETTINGS,
      new CollectionBinding<>(ClusterCollection.PHONE_SERVICES, () -> new PhoneService("", "", "", null, null, null, null, false),
          List.of(new CollectionBinding.Column<>(SERVICE_URL, PhoneService::serviceUrl))),
      Section.of("sec.serviceInfo", NAME, DESCRIPTION, SERVICE_URL, SECURE_SERVICE_URL, SERVICE_CATEGORY,
          SERVICE_TYPE, ENABLED, ENTERPRISE_SUBSCRIPTION));

  private PhoneServiceFields() {}
}
