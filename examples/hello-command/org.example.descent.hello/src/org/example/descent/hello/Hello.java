package org.example.descent.hello;

import java.util.Locale;

import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent hello [--shout] [NAME]}. */
public final class Hello implements Command {

    @Override
    public int run(CommandContext context) {
        String who = context.arguments().isEmpty() ? "world" : context.arguments().get(0);
        String greeting = "Hello, " + who + "!";
        context.out().println(context.has("shout") ? greeting.toUpperCase(Locale.ROOT) : greeting);
        return OK;
    }
}
