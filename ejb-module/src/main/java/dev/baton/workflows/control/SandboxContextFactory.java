package dev.baton.workflows.control;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * Rhino contexts for {@link ScriptSandbox}: interpreted (so the instruction observer runs), newest
 * language version, no Java class visible, a bounded interpreter stack, and an observer that stops the
 * script once it is over the {@link ScriptBudget} the sandbox put in the context.
 */
final class SandboxContextFactory extends ContextFactory {

    static final String BUDGET = "baton.scriptBudget";

    /** Instructions between two budget checks (each check costs a clock and an allocation counter read). */
    private static final int OBSERVER_THRESHOLD = 1_000;

    private static final int MAX_STACK_DEPTH = 1_000;

    @Override
    protected Context makeContext() {
        Context cx = super.makeContext();
        cx.setInterpretedMode(true);
        cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
        cx.setInstructionObserverThreshold(OBSERVER_THRESHOLD);
        cx.setMaximumInterpreterStackDepth(MAX_STACK_DEPTH);
        cx.setClassShutter(className -> false);
        cx.setGeneratingDebug(false);
        return cx;
    }

    @Override
    protected boolean hasFeature(Context cx, int featureIndex) {
        if (featureIndex == Context.FEATURE_ENHANCED_JAVA_ACCESS) {
            return false;
        }
        return super.hasFeature(cx, featureIndex);
    }

    @Override
    protected void observeInstructionCount(Context cx, int instructionCount) {
        if (cx.getThreadLocal(BUDGET) instanceof ScriptBudget budget) {
            budget.check();
        }
    }
}
