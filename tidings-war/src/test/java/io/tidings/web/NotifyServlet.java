package io.tidings.web;

import io.tidings.api.Notification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test only, never in the shipped WAR: {@code POST /test/notify?user=x&title=t&body=b} fires a
 * notification to a user the way application code does (a CDI event, no transaction) and answers
 * its id, so a browser test can watch it arrive.
 */
@WebServlet("/test/notify")
public class NotifyServlet extends HttpServlet {

    @Inject
    Event<Notification> notifications;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        if (user == null || user.isBlank()) {
            response.sendError(400, "the 'user' parameter names who gets the notification");
            return;
        }
        Notification notification = Notification.toUser(user, "test.notice", request.getParameter("title"),
                request.getParameter("body"));
        notifications.fire(notification);
        response.setContentType("text/plain");
        response.getWriter().print(notification.id());
    }
}
