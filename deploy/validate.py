#!/usr/bin/env python3
"""Checks deploy/ where no Docker engine or helm is: YAML and JSON parse, the compose services and
their references and variables, the chart's variables, the Grafana queries name metrics the
aggregator exports, the broker's TLS and ACL lines. Exit 1 on a problem. DeployFilesIT runs it, and
`docker-compose config` (Compose's own schema and interpolation check) beside it."""
import json, pathlib, re, sys
import yaml

root = pathlib.Path(__file__).parent
problems = []
compose = yaml.safe_load((root / "compose/docker-compose.yml").read_text())
services = compose["services"]
for name in ["mosquitto", "postgres", "aggregator-1", "aggregator-2", "aggregator-3", "vtn", "fleet"]:
    if name not in services:
        problems.append(f"compose: service {name} missing")
for name, s in services.items():
    for dep in s.get("depends_on", []):
        if dep not in services:
            problems.append(f"compose: {name} depends on unknown {dep}")
    members = s.get("environment", {}).get("GRIDSHIFT_AGGREGATOR_CLUSTER_MEMBERS")
    for m in (members or "").split(","):
        if m and m.split(":")[0] not in services:
            problems.append(f"compose: member {m} is no service")
# every variable the compose file sets is a documented option of the aggregator or the agent
reference = (root.parent / "src/docs/configuration.md").read_text()
compose_text = (root / "compose/docker-compose.yml").read_text()
for var in sorted(set(re.findall(r"GRIDSHIFT_[A-Z_]+", compose_text))):
    if f"`{var}`" not in reference:
        problems.append(f"compose: {var} is no documented option (src/docs/configuration.md)")
if re.search(r"(?m)^name:", compose_text):
    problems.append("compose: a top-level 'name:' is refused by Compose 1; the name is in .env")
for f in (root / "helm/gridshift").rglob("*.yaml"):
    text = f.read_text()
    # control lines ({{- if }}, {{- else }}, {{- end }}) go; both branches stay and must parse
    text = re.sub(r"(?m)^\s*\{\{-?\s*(if|else|end|range|with)\b.*?\}\}\s*$\n?", "", text)
    text = re.sub(r"\{\{.*?\}\}", "X", text)  # templates: check the YAML around them
    try:
        list(yaml.safe_load_all(text))
    except yaml.YAMLError as e:
        problems.append(f"{f}: {e}")
# the chart's members find each other by Kubernetes discovery with options the aggregator has
sts = (root / "helm/gridshift/templates/statefulset.yaml").read_text()
aggregator_readme = (root.parent / "modules/aggregator/README.md").read_text()
for var in set(re.findall(r"GRIDSHIFT_AGGREGATOR_[A-Z_]+", sts)):
    if f"`{var}`" not in aggregator_readme:
        problems.append(f"helm: {var} is no documented aggregator option")
if "GRIDSHIFT_AGGREGATOR_CLUSTER_DISCOVERY" not in sts:
    problems.append("helm: the StatefulSet does not use Kubernetes discovery")
grafana = json.loads((root / "grafana/gridshift-aggregator.json").read_text())
exported = {"gridshift_sites_online", "gridshift_fleet_load_kw", "gridshift_fleet_flex_kw",
            "gridshift_ingest_messages_total", "gridshift_rejected_messages_total",
            "gridshift_ingest_backlog", "gridshift_dispatch_ack_latency_seconds_bucket",
            "gridshift_cluster_members"}
for p in grafana["panels"]:
    for t in p["targets"]:
        for m in re.findall(r"gridshift_[a-z_]+", t["expr"]):
            if m not in exported:
                problems.append(f"grafana: {p['title']} queries unknown {m}")
broker = (root / "mosquitto/mosquitto.conf").read_text().splitlines()
for line in ["listener 8883", "require_certificate true", "use_identity_as_username true",
             "allow_anonymous false", "acl_file /etc/mosquitto/acl.conf"]:
    if line not in broker:
        problems.append(f"mosquitto.conf: '{line}' missing")
acl = (root / "mosquitto/acl.conf").read_text()
for channel, access in [("telemetry", "write"), ("flex", "write"), ("ack", "write"), ("jobs", "write"),
                        ("dispatch", "read"), ("plan", "read")]:
    if f"pattern {access} gridshift/v1/sites/%u/{channel}" not in acl:
        problems.append(f"acl.conf: no '{access}' pattern for sites' {channel}")
print("\n".join(problems) or "deploy/: compose, helm, grafana, mosquitto checked")
sys.exit(1 if problems else 0)
