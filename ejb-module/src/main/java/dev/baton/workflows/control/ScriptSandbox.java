package dev.baton.workflows.control;

import dev.baton.infrastructure.json.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.NativeJSON;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.json.JsonParser;

/**
 * Runs a javascript action's source with Orchy's semantics, in a sandbox. Inside the script {@code $} is
 * a plain JS copy of the run's context ({@code $.input}, {@code $['1'].output}, ...). The action's output
 * is every top-level property of {@code $} that the script added, or reassigned to a value with other
 * JSON, except {@code input}; properties only mutated in place are not output, so Orchy's
 * {@code $['user'] = $['1'].output.user; $['user']['discount'] = 20} outputs {@code user} alone although
 * it changed {@code $['1']} too. Properties whose value is {@code undefined} are left out.
 *
 * <p>The sandbox: standard objects only (no {@code Java}, {@code Packages}, {@code load}, ...), a class
 * shutter refusing every Java class, interpreted mode with an instruction observer enforcing a wall-clock
 * limit and a limit on the bytes the thread allocates, a bounded interpreter stack, guarded builtins that
 * could build a huge value in one call ({@link ScriptGuards}), and out-of-memory or stack-overflow errors
 * of the script's thread turned into {@link ScriptFailure}. Scripts run on the calling thread. Thread-safe.
 *
 * <p>With a {@link ScriptStorage}, the script also sees the global {@code storage} object: the shared
 * storage through plain JS functions ({@link StorageBindings}).
 */
public final class ScriptSandbox {

    public static final long DEFAULT_TIME_LIMIT_MILLIS = 2_000;
    public static final long DEFAULT_MEMORY_LIMIT_BYTES = 64L << 20;
    public static final int DEFAULT_OUTPUT_LIMIT_BYTES = 1 << 20;

    private static final String SOURCE_NAME = "script";

    private final SandboxContextFactory contexts = new SandboxContextFactory();
    private final BoundedCache<String, Script> compiled = new BoundedCache<>(256);
    private final long timeLimitMillis;
    private final long memoryLimitBytes;
    private final int outputLimitBytes;

    public ScriptSandbox() {
        this(DEFAULT_TIME_LIMIT_MILLIS, DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_OUTPUT_LIMIT_BYTES);
    }

    public ScriptSandbox(long timeLimitMillis, long memoryLimitBytes, int outputLimitBytes) {
        if (timeLimitMillis <= 0 || memoryLimitBytes <= 0 || outputLimitBytes <= 0) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
        this.timeLimitMillis = timeLimitMillis;
        this.memoryLimitBytes = memoryLimitBytes;
        this.outputLimitBytes = outputLimitBytes;
    }

    /** Compiles without running: the syntax error with its line and column, or empty. */
    public Optional<String> syntaxError(String source) {
        try {
            compile(source);
            return Optional.empty();
        } catch (ScriptFailure e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Runs {@code source} with {@code $} a copy of {@code context} and returns the action's output.
     *
     * @throws ScriptFailure for a syntax error, an exception thrown by the script, a broken limit, or an
     *     output that is not JSON or is too large
     */
    public JsonObject run(String source, JsonObject context) {
        return run(source, context, null);
    }

    /**
     * Runs {@code source} as {@link #run(String, JsonObject)} does, with the global {@code storage} object
     * over {@code storage} ({@link StorageBindings}); without one (null) {@code storage} is not defined.
     */
    public JsonObject run(String source, JsonObject context, ScriptStorage storage) {
        Script script = compile(source);
        Context cx = contexts.enterContext();
        try {
            ScriptableObject scope = cx.initSafeStandardObjects();
            ScriptGuards.install(scope, memoryLimitBytes / 2, memoryLimitBytes / 16);
            if (storage != null) {
                StorageBindings.install(cx, scope, storage);
            }
            Scriptable dollar = copyOf(context, cx, scope);
            Map<String, Object> before = propertiesOf(dollar);
            scope.put("$", scope, dollar);
            // the limits count from here: copying a large context is not the script's doing
            ScriptBudget budget = new ScriptBudget(timeLimitMillis, memoryLimitBytes);
            cx.putThreadLocal(SandboxContextFactory.BUDGET, budget);
            script.exec(cx, scope);
            budget.check();
            return output(cx, scope, before);
        } catch (SandboxLimitExceeded e) {
            throw new ScriptFailure(e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new ScriptFailure(ScriptBudget.memoryMessage(memoryLimitBytes) + " (the server ran out of memory)");
        } catch (StackOverflowError e) {
            throw new ScriptFailure("script recursed too deeply");
        } catch (ScriptFailure e) {
            throw e;
        } catch (RhinoException e) {
            throw new ScriptFailure(describe(e), e);
        } catch (RuntimeException e) {
            // Rhino's own limits show as plain Java exceptions, e.g. a string longer than 2^31 characters
            throw new ScriptFailure("script failed inside the JavaScript engine: " + e, e);
        } finally {
            cx.removeThreadLocal(SandboxContextFactory.BUDGET);
            Context.exit();
        }
    }

    /** {@code context} as a plain JS object, parsed by Rhino's JSON inside the scope: no Java wrapper. */
    private static Scriptable copyOf(JsonObject context, Context cx, ScriptableObject scope) {
        try {
            return (Scriptable) new JsonParser(cx, scope).parseValue(JsonDocuments.print(context));
        } catch (JsonParser.ParseException e) {
            throw new IllegalArgumentException("the run's context is not JSON: " + e.getMessage(), e);
        }
    }

    private Script compile(String source) {
        if (source == null || source.isBlank()) {
            throw new ScriptFailure("the script is empty");
        }
        return compiled.get(source, text -> {
            Context cx = contexts.enterContext();
            try {
                return cx.compileString(text, SOURCE_NAME, 1, null);
            } catch (EvaluatorException e) {
                throw new ScriptFailure(
                        "syntax error at line " + e.lineNumber() + ", column " + e.columnNumber() + ": " + e.details());
            } catch (StackOverflowError e) {
                throw new ScriptFailure("the script is nested too deeply to compile");
            } finally {
                Context.exit();
            }
        });
    }

    private JsonObject output(Context cx, ScriptableObject scope, Map<String, Object> before) {
        if (!(scope.get("$", scope) instanceof Scriptable dollar)) {
            throw new ScriptFailure("the script replaced $ by something that is not an object");
        }
        JsonObjectBuilder output = JsonDocuments.builders().createObjectBuilder();
        long size = 2;
        for (Object id : dollar.getIds()) {
            String key = String.valueOf(id);
            Object value = property(dollar, id);
            if (key.equals("input") || (before.containsKey(key) && before.get(key) == value)) {
                continue; // never input; an original key only when it was reassigned (mutation is not output)
            }
            String json = json(cx, scope, key, value);
            if (json == null || (before.containsKey(key) && json.equals(json(cx, scope, key, before.get(key))))) {
                continue;
            }
            size += key.length() + json.getBytes(StandardCharsets.UTF_8).length + 4;
            if (size > outputLimitBytes) {
                throw new ScriptFailure("script output is larger than its limit of " + outputLimitBytes + " bytes");
            }
            output.add(key, JsonDocuments.parseStored(json));
        }
        return output.build();
    }

    /** The top-level values of {@code $} before the script, by key; compared by identity afterwards. */
    private static Map<String, Object> propertiesOf(Scriptable object) {
        Map<String, Object> properties = new HashMap<>();
        for (Object id : object.getIds()) {
            properties.put(String.valueOf(id), property(object, id));
        }
        return properties;
    }

    private static Object property(Scriptable object, Object id) {
        return id instanceof Integer index
                ? ScriptableObject.getProperty(object, index)
                : ScriptableObject.getProperty(object, String.valueOf(id));
    }

    /** {@code JSON.stringify(value)}, null for undefined; functions, cycles and the like fail. */
    private static String json(Context cx, ScriptableObject scope, String key, Object value) {
        Object json;
        try {
            json = NativeJSON.stringify(cx, scope, value, null, null);
        } catch (RhinoException e) {
            throw new ScriptFailure("output is not JSON-serialisable: $." + key + ": " + e.details());
        }
        if (json instanceof CharSequence text) {
            return text.toString();
        }
        if (Undefined.isUndefined(value)) {
            return null;
        }
        throw new ScriptFailure("output is not JSON-serialisable: $." + key + " is a " + ScriptRuntime.typeof(value));
    }

    private static String describe(RhinoException e) {
        String where = e.lineNumber() > 0 ? " (line " + e.lineNumber() + ")" : "";
        if (e instanceof EvaluatorException) {
            return "script failed: " + e.details() + where;
        }
        return "script threw " + e.details() + where;
    }
}
