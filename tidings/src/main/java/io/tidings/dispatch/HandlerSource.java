package io.tidings.dispatch;

import java.util.List;

/**
 * Frame handlers that are not beans of their own, such as the application's {@code @Handles}
 * methods: the dispatcher indexes what every source gives beside the {@link FrameHandler} beans.
 */
public interface HandlerSource {

    List<FrameHandler> handlers();
}
