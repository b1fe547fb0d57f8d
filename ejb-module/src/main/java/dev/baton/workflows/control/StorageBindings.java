package dev.baton.workflows.control;

import dev.baton.infrastructure.json.JsonDocuments;
import dev.baton.infrastructure.problem.ProblemException;
import dev.baton.storage.control.Precondition;
import dev.baton.storage.control.StorageRead;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeJSON;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.json.JsonParser;

/**
 * The {@code storage} object of a javascript action: plain JS functions over the shared storage, taking
 * and returning plain JS values (JSON crosses the boundary, never a Java object):
 *
 * <ul>
 *   <li>{@code storage.get(path)}: the value, or the subtree below the path as an object; null when
 *       nothing is stored there;
 *   <li>{@code storage.entry(path)}: {@code {path, version, value}} (version null for a subtree), or null;
 *   <li>{@code storage.put(path, value)}: stores the value, returns its new version;
 *   <li>{@code storage.cas(path, version, value)}: stores the value only if the path is at {@code version}
 *       (null or undefined: only if nothing is stored there); true when stored, false otherwise;
 *   <li>{@code storage.remove(path)}: deletes the value or subtree; true when something was deleted.
 * </ul>
 *
 * A bad path, a value that is not JSON, a value too large or a write against the tree rule throws a JS
 * {@code Error} the script may catch. Each call commits at once (its own transaction); what a storage call
 * allocates on the server does not count against the script's memory limit, its time does.
 */
final class StorageBindings {

    private static final Logger LOG = Logger.getLogger(StorageBindings.class.getName());

    private StorageBindings() {}

    static void install(Context cx, ScriptableObject scope, ScriptStorage storage) {
        Scriptable object = cx.newObject(scope);
        define(scope, object, "get", 1, (c, args) -> {
            String path = path("get", args);
            Optional<StorageRead> read =
                    call(c, "get", () -> storage.operations().read(path));
            return read.isPresent() ? toJs(c, scope, read.get().value()) : null;
        });
        define(scope, object, "entry", 1, (c, args) -> {
            String path = path("entry", args);
            Optional<StorageRead> read =
                    call(c, "entry", () -> storage.operations().read(path));
            if (read.isEmpty()) {
                return null;
            }
            Scriptable entry = c.newObject(scope);
            ScriptableObject.putProperty(entry, "path", read.get().path());
            ScriptableObject.putProperty(
                    entry,
                    "version",
                    read.get().isSubtree()
                            ? null
                            : (Object) read.get().version().doubleValue());
            ScriptableObject.putProperty(
                    entry, "value", toJs(c, scope, read.get().value()));
            return entry;
        });
        define(scope, object, "put", 2, (c, args) -> {
            String path = path("put", args);
            JsonValue value = toJson(c, scope, "put", args, 1);
            return (double)
                    call(c, "put", () -> storage.operations().write(path, value, Precondition.NONE, storage.user()))
                            .stored()
                            .version();
        });
        define(scope, object, "cas", 3, (c, args) -> {
            String path = path("cas", args);
            Precondition precondition = expectedVersion(args);
            JsonValue value = toJson(c, scope, "cas", args, 2);
            try {
                call(c, "cas", () -> storage.operations().write(path, value, precondition, storage.user()));
                return true;
            } catch (PreconditionFailed e) {
                return false;
            }
        });
        define(scope, object, "remove", 1, (c, args) -> {
            String path = path("remove", args);
            return call(c, "remove", () -> storage.operations().remove(path, Precondition.NONE));
        });
        ScriptableObject.defineProperty(scope, "storage", object, ScriptableObject.DONTENUM);
    }

    private interface Body {
        Object call(Context cx, Object[] args);
    }

    private static void define(ScriptableObject scope, Scriptable object, String name, int arity, Body body) {
        LambdaFunction function =
                new LambdaFunction(scope, name, arity, (cx, sc, thisObj, args) -> body.call(cx, args));
        ScriptableObject.defineProperty(object, name, function, ScriptableObject.READONLY | ScriptableObject.PERMANENT);
    }

    /** A failed compare-and-set, inside {@link #call}: {@code cas} answers false. */
    private static final class PreconditionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreconditionFailed(ProblemException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Runs a storage call outside the script's memory budget; a 412 becomes {@link PreconditionFailed},
     * every other failure a JS Error naming the function.
     */
    private static <T> T call(Context cx, String function, Supplier<T> work) {
        try {
            if (cx.getThreadLocal(SandboxContextFactory.BUDGET) instanceof ScriptBudget budget) {
                return budget.excluding(work);
            }
            return work.get();
        } catch (ProblemException e) {
            if (e.status() == 412) {
                throw new PreconditionFailed(e);
            }
            throw ScriptRuntime.constructError("Error", "storage." + function + ": " + e.getMessage());
        } catch (RhinoException e) {
            throw e;
        } catch (RuntimeException e) {
            // never a Java exception into the script (Rhino would let it catch the wrapped Java object), nor
            // the server's internals into the run's error: those go to the log under an incident id
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "storage." + function + " failed in a script, incident " + incident, e);
            throw ScriptRuntime.constructError(
                    "Error", "storage." + function + " failed on the server (incident " + incident + ")");
        }
    }

    private static String path(String function, Object[] args) {
        Object path = args.length > 0 ? args[0] : Undefined.instance;
        if (!(path instanceof CharSequence text)) {
            throw ScriptRuntime.typeError(
                    "storage." + function + ": the path must be a string, was " + ScriptRuntime.typeof(path));
        }
        return text.toString();
    }

    private static Precondition expectedVersion(Object[] args) {
        Object version = args.length > 1 ? args[1] : Undefined.instance;
        if (version == null || Undefined.isUndefined(version)) {
            return Precondition.CREATE_ONLY;
        }
        double number = version instanceof Number n ? n.doubleValue() : Double.NaN;
        if (Double.isNaN(number) || number < 0 || number != Math.floor(number) || number > 1e15) {
            throw ScriptRuntime.typeError("storage.cas: the version must be a whole number (or null: create only), was "
                    + Context.toString(version));
        }
        return Precondition.ifMatch((long) number);
    }

    /** The argument as JSON, by JSON.stringify: undefined, functions and symbols are refused. */
    private static JsonValue toJson(Context cx, ScriptableObject scope, String function, Object[] args, int index) {
        Object value = args.length > index ? args[index] : Undefined.instance;
        Object json = NativeJSON.stringify(cx, scope, value, null, null);
        if (!(json instanceof CharSequence text)) {
            throw ScriptRuntime.typeError(
                    "storage." + function + ": the value must be JSON, was " + ScriptRuntime.typeof(value));
        }
        return JsonDocuments.parseStored(text.toString());
    }

    /** A JSON value as a plain JS value, parsed by Rhino inside the scope. */
    private static Object toJs(Context cx, ScriptableObject scope, JsonValue value) {
        try {
            return new JsonParser(cx, scope).parseValue(JsonDocuments.print(value));
        } catch (JsonParser.ParseException e) {
            throw ScriptRuntime.constructError("Error", "storage: stored JSON did not parse: " + e.getMessage());
        }
    }
}
