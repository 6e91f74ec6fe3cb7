"""Drives the ciscoaxl library against a node as its users would, one command a line on stdin,
one JSON answer a line on stdout (so the Java test can look at the node's store after each write).

Arguments: user password host version port. The node's certificate is trusted through
REQUESTS_CA_BUNDLE (set by the test), not by turning verification off.
"""
import json
import sys

from ciscoaxl import axl
from zeep.helpers import serialize_object

user, password, host, version, port = sys.argv[1:6]
ucm = axl(user, password, host, version, cucm_port=int(port), strict_ssl=True)


def plain(value):
    return json.loads(json.dumps(serialize_object(value), default=str))


def names(items, key):
    if isinstance(items, Exception):
        raise items
    return sorted(str(i[key]) for i in items)


def run(words):
    op = words[0]
    if op == "users":
        return names(ucm.get_users(), "userid")
    if op == "phones":
        return names(ucm.get_phones(), "name")
    if op == "device_profiles":
        return names(ucm.get_device_profiles(), "name")
    if op == "device_pools":
        return names(ucm.get_device_pools(), "name")
    if op == "sip_trunks":
        return names(ucm.get_sip_trunks(), "name")
    if op == "get_user":
        return plain(ucm.get_user(words[1]))
    if op == "update_user_first_name":
        return plain(ucm.update_user(userid=words[1], firstName=words[2]))
    if op == "get_remote_cluster":
        return plain(ucm.client.getRemoteCluster(clusterId=words[1])["return"]["remoteCluster"])
    if op == "enable_remote_tftp":
        return plain(ucm.client.updateRemoteCluster(clusterId=words[1], tftp={"enabled": words[2]}))
    if op == "get_feature":
        return plain(ucm.client.getEmccFeatureConfig(parameterName=words[1])["return"]["emccFeatureConfig"])
    if op == "update_feature":
        return plain(ucm.client.updateEmccFeatureConfig(parameterName=words[1], value=words[2]))
    if op == "get_profile":
        service = " ".join(words[1:])
        return plain(ucm.client.getInterClusterServiceProfile(interClusterService=service)["return"]
                     ["interClusterServiceProfile"])
    if op == "deactivate_profile":
        service = " ".join(words[1:])
        return plain(ucm.client.updateInterClusterServiceProfile(interClusterService=service, isActivated="false"))
    if op == "sql":
        result = ucm.sql_query(" ".join(words[1:]))
        if isinstance(result, Exception):
            raise result
        return [{column.tag: column.text for column in row} for row in (result["row"] if result else [])]
    if op == "get_service_parameter":
        return plain(ucm.client.getServiceParameter(processNodeName=words[1], name=words[2],
                                                    service=" ".join(words[3:]))["return"]["serviceParameter"])
    if op == "update_service_parameter":
        return plain(ucm.client.updateServiceParameter(processNodeName=words[1], name=words[2], value=words[3],
                                                       service=" ".join(words[4:])))
    if op == "login":
        result = ucm.do_device_login(deviceName=words[1], userId=words[2], profileName=words[3], loginDuration=0)
        if isinstance(result, Exception):
            raise result
        return plain(result)
    raise ValueError("unknown command " + op)


print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    try:
        print(json.dumps({"ok": run(words)}), flush=True)
    except Exception as e:  # the test reads the failure
        print(json.dumps({"error": type(e).__name__ + ": " + str(e)}), flush=True)
