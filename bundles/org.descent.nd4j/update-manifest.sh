#!/usr/bin/env bash
# Writes META-INF/MANIFEST.MF from the jars in lib/ (build the bundle once first, so that lib/ is
# filled). Export-Package takes no wildcards, so the org.nd4j.* packages are listed one by one.
# Run it after changing the ND4J version in pom.xml, and commit the result.
set -euo pipefail
cd "$(dirname "$0")"
ls lib/*.jar >/dev/null 2>&1 || { echo "lib/ is empty: build this bundle first" >&2; exit 1; }
jars=$(cd lib && ls *.jar | LC_ALL=C sort)
packages=$(for j in lib/*.jar; do unzip -Z1 "$j" 'org/nd4j/*.class' 2>/dev/null || true; done \
  | sed -n 's#/[^/]*\.class$##p' | LC_ALL=C sort -u | tr / .)
{
  cat <<'HEAD'
Manifest-Version: 1.0
Bundle-ManifestVersion: 2
Bundle-Name: Descent ND4J (CPU backend)
Bundle-SymbolicName: org.descent.nd4j
Bundle-Version: 0.1.0.qualifier
Bundle-Vendor: Descent
Automatic-Module-Name: org.descent.nd4j
Bundle-RequiredExecutionEnvironment: JavaSE-21
Bundle-ActivationPolicy: lazy
Bundle-Activator: org.descent.nd4j.internal.Nd4jActivator
Require-Bundle: org.descent.core;bundle-version="[0.1.0,1.0.0)"
Import-Package: org.osgi.framework;version="[1.9,2)",
 org.slf4j;version="[1.7,3)",
 org.slf4j.helpers;version="[1.7,3)",
 org.slf4j.spi;version="[1.7,3)",
 org.eclipse.jdt.annotation;resolution:=optional
HEAD
  printf 'Bundle-ClassPath: .'
  for j in $jars; do printf ',\n lib/%s' "$j"; done
  printf '\nExport-Package: org.descent.nd4j;version="0.1.0"'
  for p in $packages; do printf ',\n %s' "$p"; done
  printf '\n'
} > META-INF/MANIFEST.MF
echo "$(echo "$jars" | wc -l) jars, $(echo "$packages" | wc -l) org.nd4j packages exported"
