#!/usr/bin/env bash
# Regenerates the EMF model code (src-gen/, marked @generated) of org.descent.experiment from
# model/experiment.genmodel, headless, with EMF's own generator from Maven Central. Run it after
# changing model/experiment.ecore, and commit the result. Not part of the normal build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rm -rf "$root/bundles/org.descent.experiment/src-gen"
"$root/mvnw" -B -q -f "$here/pom.xml" compile exec:java \
  -Dexec.mainClass=org.descent.releng.emfcodegen.Generate -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="$root/bundles/org.descent.experiment model/experiment.genmodel"
# the model-project generator also writes a plugin.properties that nothing here uses
rm -f "$root/bundles/org.descent.experiment/plugin.properties"
