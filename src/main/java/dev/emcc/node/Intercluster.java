package dev.emcc.node;

import java.io.IOException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * This product's own cluster-to-cluster messages, on a path of their own
 * ({@value dev.emcc.wire.WirePaths#INTERCLUSTER}, HTTPS and the API token): the
 * home cluster query of an EMCC login and the remote cluster query of "Update Remote Cluster Now".
 * They are not CUCM's (the EM API does not support EMCC; on Unified CM the two clusters' EM
 * services talk over an interface Cisco does not publish): docs/nodes.md describes them as ours.
 * The documents look like the EM API's ({@code <query>} in, {@code <response>} out) so that one
 * XML reader serves both.
 */
final class Intercluster {
  private final EmService service;

  Intercluster(EmService service) {
    this.service = service;
  }

  EmService.Answer handle(String xml) {
    Element root;
    try {
      root = EmXml.parse(xml);
    } catch (IOException e) {
      return new EmService.Answer(400, EmXml.failure(EmService.PARSE_ERROR, "cannot parse the XML request: "
          + e.getMessage()));
    }
    List<Element> ops = EmXml.children(root);
    if (!root.getTagName().equals("query") || ops.size() != 1) {
      return new EmService.Answer(400, EmXml.failure(EmService.PARSE_ERROR,
          "a cluster-to-cluster message is <query> with one operation"));
    }
    if (service.state().clusterId() == null) {
      return EmService.Answer.fail(EmService.DATABASE, "this node holds no cluster yet");
    }
    Element op = ops.get(0);
    return switch (op.getTagName()) {
      case "homeClusterQuery" -> service.homeClusterQuery(EmXml.text(op, "visitingClusterId"),
          EmXml.text(op, "userID"), EmXml.text(op, "loginType"), EmXml.text(op, "pin"));
      case "remoteClusterQuery" -> service.remoteClusterQuery(EmXml.text(op, "fromClusterId"),
          EmXml.text(op, "toClusterId"));
      default -> new EmService.Answer(400, EmXml.failure(EmService.QUERY_TYPE_UNDETERMINED, "unknown operation <"
          + op.getTagName() + ">"));
    };
  }
}
