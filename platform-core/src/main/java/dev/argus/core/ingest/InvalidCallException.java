package dev.argus.core.ingest;

import dev.argus.core.server.ApiException;
import io.helidon.http.Status;
import java.util.List;
import java.util.Map;

/** A batch with invalid calls: 400 naming every offending field (up to a limit) with its index. */
public final class InvalidCallException extends ApiException {

    /**
     * One problem.
     *
     * @param index   the call's index in the batch, or -1 for the batch itself
     * @param field   the JSON path of the field, e.g. {@code calls[3].usage.input_tokens}
     * @param message what is wrong
     */
    public record Problem(int index, String field, String message) {
    }

    public InvalidCallException(List<Problem> problems) {
        super(Status.BAD_REQUEST_400, "invalid_call", summary(problems), Map.of("errors", problems), Map.of());
    }

    private static String summary(List<Problem> problems) {
        Problem first = problems.getFirst();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "";
        return first.field() + ": " + first.message() + more + "; nothing was stored";
    }
}
