package dev.baton.workflows.control;

import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * Wraps the builtins that build one huge string or array in a single call ({@code 'x'.repeat(1<<29)},
 * {@code new Array(1e9).join('x')}, {@code Array.from({length: 5e7})}, {@code a.concat(a)}), which the instruction observer cannot stop because they are one
 * instruction: the wrappers refuse results over the sandbox's bounds with a RangeError before the
 * builtin allocates. The originals are reachable only from Java.
 */
final class ScriptGuards {

    private interface TooBig {
        boolean test(Scriptable thisObj, Object[] args);
    }

    private ScriptGuards() {}

    static void install(ScriptableObject scope, long maxChars, long maxElements) {
        Scriptable strings = prototype(scope, "String");
        guard(scope, strings, "repeat", (s, args) -> (double) text(s).length() * number(args, 0) > maxChars);
        guard(scope, strings, "padStart", (s, args) -> number(args, 0) > maxChars);
        guard(scope, strings, "padEnd", (s, args) -> number(args, 0) > maxChars);
        Scriptable arrays = prototype(scope, "Array");
        guard(scope, arrays, "join", (a, args) -> {
            double length = length(a);
            double separator = args.length > 0 && !Undefined.isUndefined(args[0])
                    ? text(args[0]).length()
                    : 1;
            return length > maxElements || length * separator > maxChars;
        });
        guard(scope, arrays, "fill", (a, args) -> length(a) > maxElements);
        guard(scope, arrays, "concat", (a, args) -> {
            double length = length(a);
            for (Object arg : args) {
                length += arg instanceof NativeArray array ? length(array) : 1;
            }
            return length > maxElements;
        });
        // Array.from loops over an array-like's length inside Java: {length: 5e7} ran for minutes
        Scriptable arrayConstructor = (Scriptable) ScriptableObject.getProperty(scope, "Array");
        guard(scope, arrayConstructor, "from", (a, args) -> {
            Object source = args.length > 0 ? args[0] : Undefined.instance;
            if (source instanceof CharSequence text) {
                return text.length() > maxElements;
            }
            return source instanceof Scriptable object && length(object) > maxElements;
        });
    }

    private static void guard(ScriptableObject scope, Scriptable prototype, String name, TooBig tooBig) {
        Object original = ScriptableObject.getProperty(prototype, name);
        if (!(original instanceof Callable builtin)) {
            return;
        }
        int arity = original instanceof BaseFunction function ? function.getArity() : 1;
        LambdaFunction guarded = new LambdaFunction(scope, name, arity, (cx, sc, thisObj, args) -> {
            if (tooBig.test(thisObj, args)) {
                throw ScriptRuntime.rangeError(name + " would build a string or array over the sandbox's limit");
            }
            return builtin.call(cx, sc, thisObj, args);
        });
        ScriptableObject.defineProperty(prototype, name, guarded, ScriptableObject.DONTENUM);
    }

    private static Scriptable prototype(ScriptableObject scope, String constructor) {
        return ScriptableObject.getClassPrototype(scope, constructor);
    }

    private static String text(Object value) {
        return Context.toString(value);
    }

    private static double number(Object[] args, int index) {
        double n = args.length > index ? Context.toNumber(args[index]) : 0;
        return Double.isNaN(n) ? 0 : n;
    }

    private static double length(Scriptable array) {
        Object length = ScriptableObject.getProperty(array, "length");
        if (length == Scriptable.NOT_FOUND) {
            return 0;
        }
        double n = Context.toNumber(length);
        return Double.isNaN(n) ? 0 : n;
    }
}
