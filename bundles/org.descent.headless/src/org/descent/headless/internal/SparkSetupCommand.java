package org.descent.headless.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.descent.core.Json;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.sweep.spark.SparkSetup;

/**
 * {@code descent spark-setup [--json]}: the Apache Spark that {@code descent sweep --spark} uses on
 * this machine (fetched and compiled first when missing), as the environment that starts a
 * standalone master and workers from it.
 */
public final class SparkSetupCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        SparkSetup s = SparkSetup.resolve(l -> context.err().println("descent spark-setup: " + l));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("java_home", s.jdk().toString());
        s.environment().forEach((k, x) -> v.put(k.toLowerCase(java.util.Locale.ROOT), x));
        v.put("classpath", s.sparkHome().resolve("jars") + java.io.File.separator + "*");
        v.put("jvm_options", s.jvmOptions().toString());
        v.put("driver_jar", s.driverJar().toString());
        if (context.has("json")) {
            context.out().println(Json.write(v));
            return OK;
        }
        s.environment().forEach((k, x) -> context.out().println("export " + k + "=" + x));
        context.out().println("# a standalone master and a worker (JDK 17 or 21; Spark's executors do not start on 25):");
        String java = "\"$JAVA_HOME/bin/java\" @" + s.jvmOptions() + " -cp \"" + v.get("classpath") + "\"";
        context.out().println("# " + java + " org.apache.spark.deploy.master.Master --host HOST --port 7077");
        context.out().println("# " + java + " org.apache.spark.deploy.worker.Worker spark://HOST:7077");
        return OK;
    }
}
