package org.descent.headless.tests;

import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/** A command for the tests: echoes its arguments, or fails on request. */
public class EchoCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        String fail = context.option("fail").orElse("");
        if (fail.equals("usage")) {
            throw new UsageException("option '--fail': asked to fail");
        }
        if (fail.equals("error")) {
            throw new IllegalStateException("the data file is broken");
        }
        int times;
        try {
            times = Integer.parseInt(context.option("times").orElse("1"));
        } catch (NumberFormatException e) {
            throw new UsageException("option '--times': '" + context.option("times").get() + "' is not a whole number");
        }
        String text = String.join(" ", context.arguments());
        if (context.has("upper")) {
            text = text.toUpperCase();
        }
        for (int i = 0; i < times; i++) {
            context.out().println(text);
        }
        return OK;
    }
}
