package io.egostream.stream.http;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.Task;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which events of a camera to return ({@code GET /api/cameras/{id}/events}).
 *
 * @param sinceMs only events emitted after this time, ms since the Unix epoch ({@code since}, default 0)
 * @param tasks only events of these tasks ({@code task}, comma-separated, default all)
 * @param limit at most this many, the newest ({@code limit}, 1..{@value #MAX_LIMIT}, default
 *     {@value #DEFAULT_LIMIT})
 */
public record EventQuery(long sinceMs, Set<Task> tasks, int limit) {

    /** Default {@code limit}. */
    public static final int DEFAULT_LIMIT = 200;
    /** Largest {@code limit}. */
    public static final int MAX_LIMIT = 1000;

    /** Validates and copies. */
    public EventQuery {
        if (sinceMs < 0) {
            throw new BadParameterException("since", "since must be >= 0 (ms since the Unix epoch), got " + sinceMs);
        }
        if (tasks == null || tasks.isEmpty()) {
            throw new BadParameterException("task", "task must name at least one task");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadParameterException("limit", "limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
        tasks = Set.copyOf(tasks);
    }

    /**
     * Every event, newest {@value #DEFAULT_LIMIT}.
     *
     * @return the query without filters
     */
    public static EventQuery all() {
        return new EventQuery(0, EnumSet.allOf(Task.class), DEFAULT_LIMIT);
    }

    /**
     * Reads the query parameters.
     *
     * @param param the request's parameters by name (null when absent)
     * @return the query
     * @throws BadParameterException naming the first bad parameter
     */
    public static EventQuery parse(final Function<String, String> param) {
        final String since = param.apply("since");
        final String limit = param.apply("limit");
        return new EventQuery(since == null ? 0 : parseLong("since", since, "ms since the Unix epoch"),
                parseTasks(param.apply("task")),
                limit == null ? DEFAULT_LIMIT : (int) Math.min(Integer.MAX_VALUE, parseLong("limit", limit,
                        "1.." + MAX_LIMIT)));
    }

    /**
     * Reads a {@code task} parameter.
     *
     * @param value comma-separated task names in any case, or null for every task
     * @return the tasks
     * @throws BadParameterException naming {@code task} and the unknown name
     */
    public static Set<Task> parseTasks(final String value) {
        if (value == null) {
            return EnumSet.allOf(Task.class);
        }
        final Set<Task> tasks = EnumSet.noneOf(Task.class);
        for (final String name : value.split(",", -1)) {
            try {
                tasks.add(Task.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("task", "task '" + name + "' is not a task; allowed: AR, OSCC, PNR,"
                        + " LTA, MQ (comma-separated)");
            }
        }
        return tasks;
    }

    /**
     * Whether an event passes the since and task filters.
     *
     * @param event the event
     * @return true when it was emitted after {@code since} and is of one of the tasks
     */
    public boolean accepts(final AnalyzerEvent event) {
        return event.emittedAtMs() > sinceMs && tasks.contains(event.task());
    }

    /**
     * The query as URL parameters, to pass on to another instance.
     *
     * @return e.g. {@code since=0&task=AR,MQ&limit=200}
     */
    public String toQueryString() {
        final StringBuilder names = new StringBuilder();
        for (final Task task : Task.values()) {
            if (tasks.contains(task)) {
                names.append(names.length() == 0 ? "" : ",").append(task.name());
            }
        }
        return "since=" + sinceMs + "&task=" + names + "&limit=" + limit;
    }

    private static long parseLong(final String name, final String value, final String allowed) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be an integer (" + allowed + "), got '" + value + "'");
        }
    }
}
