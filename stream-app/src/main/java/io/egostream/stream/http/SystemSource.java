package io.egostream.stream.http;

import io.egostream.stream.dashboard.SystemView;
import io.egostream.stream.dashboard.SystemWindow;
import io.vertx.core.Future;

/** Where the system panel's numbers come from. */
public interface SystemSource {

    /**
     * This instance's recent window.
     *
     * @return the window
     */
    SystemWindow local();

    /**
     * Every instance's windows added up.
     *
     * @return the view; instances that did not answer are listed in {@link SystemView#unreachable()}
     */
    Future<SystemView> cluster();
}
