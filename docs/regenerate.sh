#!/usr/bin/env bash
# Regenerates docs/commands.md, the command reference that 'descent help --markdown' prints, from
# the declarations of the commands and contributions in the bundles' plugin.xml. It runs
# org.descent.headless.tests' CommandReferenceTest in its writing mode, in the same runtime in
# which the build checks the file (every product bundle that contributes; the test's own command
# left out). Run it after changing a command's options or a contribution's declaration, then
# commit docs/commands.md. Needs a JDK >= 21 in JAVA_HOME and the Maven repository that
# './descent test' filled (it builds offline); takes about a minute.
set -euo pipefail
[[ -n "${JAVA_HOME:-}" ]] || command -v java >/dev/null \
  || { echo "docs/regenerate.sh: no Java found; set JAVA_HOME to a JDK >= 21" >&2; exit 2; }
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
modules=target-platform,releng/tests-parent,bundles/org.descent.core,bundles/org.descent.testing
for b in compute compute.cpu compute.opencl optimizers losses models nd4j data experiment analysis.curvature analysis.distributions \
    analysis.precision analysis.landscape analysis.gradients analysis.race profiler sweep p2 headless headless.tests; do
  modules+=",bundles/org.descent.$b"
done
./mvnw -B -o -q verify -pl "$modules" -Dtest=CommandReferenceTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddescent.docs.write=true
git diff --stat -- docs/commands.md 2>/dev/null || true
