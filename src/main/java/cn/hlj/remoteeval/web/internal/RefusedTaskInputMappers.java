package cn.hlj.remoteeval.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TaskInputRefused;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine REST API's answer when a task listener or delegate refused what a person entered: the
 * engine wraps the refusal (a {@link TaskInputRefused}, or an {@link ApiProblemException} from a
 * module) in its own exceptions, which Camunda answers with 500. Found anywhere in the cause chain,
 * the refusal answers 422 (or the problem's own status) with its Chinese message in Camunda's error
 * shape ({@code type}, {@code message}), which Tasklist shows next to the form. Anything else keeps
 * Camunda's own answer.
 */
final class RefusedTaskInputMappers {

    /** Ahead of Camunda's mappers for the same exception types, which carry the default priority. */
    private static final int AHEAD_OF_CAMUNDA = Priorities.USER - 1000;

    private RefusedTaskInputMappers() {
    }

    @Priority(AHEAD_OF_CAMUNDA)
    static class FromRestException implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            Response refusal = refusal(exception);
            return refusal != null ? refusal : new RestExceptionHandler().toResponse(exception);
        }
    }

    @Priority(AHEAD_OF_CAMUNDA)
    static class FromProcessEngineException implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response refusal = refusal(exception);
            return refusal != null ? refusal : new ProcessEngineExceptionHandler().toResponse(exception);
        }
    }

    /** A module's problem thrown by a delegate, which the engine passes on unwrapped. */
    @Priority(AHEAD_OF_CAMUNDA)
    static class FromApiProblem implements ExceptionMapper<ApiProblemException> {

        @Override
        public Response toResponse(ApiProblemException exception) {
            return refusal(exception);
        }
    }

    /**
     * Camunda finds a task id that names no task with a null check deep in its commands and answers
     * {@link NullValueException} (or, for the deployed form, a bare {@link NullPointerException}) with
     * 500; the caller named something that does not exist, which is 404. A bare
     * {@link NullPointerException} thrown by the REST layer itself is a request body that was missing or
     * {@code null} (Camunda's resources dereference the body without a check): 400.
     */
    @Priority(AHEAD_OF_CAMUNDA)
    static class FromNullPointer implements ExceptionMapper<NullPointerException> {

        @Override
        public Response toResponse(NullPointerException exception) {
            if (thrownWithin(exception, ".GetDeployedTaskFormCmd")) {
                return missingTask();
            }
            StackTraceElement[] frames = exception.getStackTrace();
            if (frames.length > 0 && frames[0].getClassName().startsWith("org.camunda.bpm.engine.rest.")) {
                return answer(400, "InvalidRequestException", "请求体不能为空，且必须是合法的 JSON 对象。");
            }
            return new ExceptionHandler().toResponse(exception);
        }
    }

    /**
     * A body Jackson refuses by its read constraints (a number of 5,000 digits, nesting thousands deep):
     * Camunda maps only parse and mapping errors to 400, the constraint errors fall through to 500.
     */
    @Priority(AHEAD_OF_CAMUNDA)
    static class FromJsonConstraints implements ExceptionMapper<StreamConstraintsException> {

        @Override
        public Response toResponse(StreamConstraintsException exception) {
            return answer(400, "InvalidRequestException", "请求体超出解析限制（数字或文本过长，或嵌套过深）。");
        }
    }

    /**
     * A variable whose value or type Camunda cannot build a typed value from (a type of "", a file
     * without a name): its DTO throws a bare runtime exception, which Camunda answers with 500. Any other
     * runtime exception keeps Camunda's own answer.
     */
    @Priority(AHEAD_OF_CAMUNDA)
    static class FromVariableConversion implements ExceptionMapper<RuntimeException> {

        @Override
        public Response toResponse(RuntimeException exception) {
            return thrownWithin(exception, "org.camunda.bpm.engine.rest.dto.")
                    ? answer(400, "InvalidRequestException", "变量的值与其类型不符，请检查 type、value 与 valueInfo。")
                    : new ExceptionHandler().toResponse(exception);
        }
    }

    /** Whether a frame of a class whose name contains {@code classNamePart} threw or called on to the throw. */
    private static boolean thrownWithin(Throwable exception, String classNamePart) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (frame.getClassName().contains(classNamePart)) {
                return true;
            }
        }
        return false;
    }

    /** The answer to the refusal in {@code exception}'s cause chain, or null when there is none. */
    static Response refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TaskInputRefused refused) {
                return answer(422, TaskInputRefused.class.getSimpleName(), refused.getMessage());
            }
            if (cause instanceof NullValueException missing && missing.getMessage() != null
                    && MISSING_TASK.matcher(missing.getMessage()).find()) {
                return missingTask();
            }
            // Two people finished parallel tasks of one process at the same moment (the last signatures of a
            // day, two centers' monthly reviews): the later commit lost; nothing of it was kept, and sending it
            // again succeeds. A conflict to resubmit, not a server error.
            if (cause instanceof OptimisticLockingException) {
                return answer(409, "OptimisticLockingException", "同一流程刚被他人同时办理，本次提交未保存，请重新提交。");
            }
            if (cause instanceof TaskAlreadyClaimedException) {
                return answer(409, "InvalidRequestException", "任务已被他人认领。");
            }
            if (cause.getClass() == ProcessEngineException.class && cause.getMessage() != null
                    && cause.getMessage().startsWith(TASK_OF_A_PROCESS)) {
                return answer(400, "InvalidRequestException", "流程中的任务不能删除，只能办理。");
            }
            // A variable of a type no serializer handles (e.g. "Xml" without a format): the request's fault.
            if (cause.getClass() == ProcessEngineException.class && cause.getMessage() != null
                    && cause.getMessage().startsWith("Cannot find serializer for value")) {
                return answer(400, "InvalidRequestException", "变量的类型无法保存，请检查变量的 type 和 valueInfo。");
            }
            // An escalation the task's model does not catch: the request asked for something the model cannot do.
            if (cause.getClass() == ProcessEngineException.class && cause.getMessage() != null
                    && cause.getMessage().startsWith(UNCAUGHT_ESCALATION)) {
                return answer(400, "InvalidRequestException", "该任务所在的流程没有处理这个升级事件（escalationCode）。");
            }
            // SQL state class 22 (data exception): a value longer or larger than its column, e.g. an identity link's
            // type of a thousand characters; the database refused it and the transaction rolled back.
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return answer(400, "InvalidRequestException", "请求中的某个值过长或超出范围。");
            }
            if (cause instanceof ApiProblemException problem) {
                String message = problem.violations().isEmpty() ? problem.getMessage()
                        : problem.violations().stream().map(FieldViolation::message).collect(Collectors.joining("；"));
                return answer(problem.status().value(), TaskInputRefused.class.getSimpleName(), message);
            }
        }
        return null;
    }

    /** Camunda's refusal to delete a task of a running process, which it answers with 500. */
    private static final String TASK_OF_A_PROCESS = "The task cannot be deleted because is part of a running process";

    /** Camunda's refusal of a task's escalation that no handler catches, which it answers with 500. */
    private static final String UNCAUGHT_ESCALATION = "ENGINE-02043";

    private static final Pattern MISSING_TASK = Pattern.compile("[Tt]ask .*(doesn't exist|is null)|Cannot find task");

    private static Response missingTask() {
        return answer(404, "InvalidRequestException", "任务不存在（可能已被办理或撤销）。");
    }

    private static Response answer(int status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("code", null);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
