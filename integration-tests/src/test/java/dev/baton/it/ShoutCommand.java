package dev.baton.it;

import dev.baton.cluster.spi.CommandHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A custom command for {@link CommandSpiIT}: answers its text argument upper-cased. */
@ApplicationScoped
public class ShoutCommand implements CommandHandler {

    @Override
    public String name() {
        return "it-shout";
    }

    @Override
    public JsonValue execute(JsonObject args) {
        return Json.createValue(args.getString("text").toUpperCase() + "!");
    }
}
