package cn.hlj.remoteeval.security;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Form fields whose key starts with {@code sealed} followed by an upper-case letter (e.g.
 * {@code sealedClueDescription}) carry free text that may name a person or a sub-venue. Camunda
 * turns every submitted form field into a process variable; for sealed ones the engine writes no
 * history (variable instances, details, form properties), and the owning module's task listener
 * takes the value into its own table with {@link #take} in the same transaction, so the runtime
 * variable never reaches the database either.
 */
public final class SealedFormFields {

    public static final String PREFIX = "sealed";

    private SealedFormFields() {
    }

    public static boolean isSealed(String variableName) {
        return variableName != null && variableName.length() > PREFIX.length() && variableName.startsWith(PREFIX)
                && Character.isUpperCase(variableName.charAt(PREFIX.length()));
    }

    /**
     * The submitted value of a sealed field, removed from the process; null when it was not submitted.
     *
     * @throws IllegalArgumentException for a name that is not sealed: taking it would leave its history behind
     */
    public static Object take(VariableScope scope, String variableName) {
        if (!isSealed(variableName)) {
            throw new IllegalArgumentException(variableName + " is not a sealed form field");
        }
        Object value = scope.getVariable(variableName);
        scope.removeVariable(variableName);
        return value;
    }

    /** {@link #take} as trimmed text; null when absent or blank. */
    public static String takeText(VariableScope scope, String variableName) {
        Object value = take(scope, variableName);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
