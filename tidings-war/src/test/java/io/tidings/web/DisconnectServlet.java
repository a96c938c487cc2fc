package io.tidings.web;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test only, never in the shipped WAR: {@code POST /test/disconnect?user=x} closes every connection
 * of a user from the server side (1012, service restart) and answers how many it closed, so a
 * browser test can drop a page's socket the way a server restart or a proxy would.
 */
@WebServlet("/test/disconnect")
public class DisconnectServlet extends HttpServlet {

    @Inject
    ConnectionRegistry connections;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        if (user == null || user.isBlank()) {
            response.sendError(400, "the 'user' parameter names whose connections to close");
            return;
        }
        int closed = 0;
        for (Connection connection : connections.all()) {
            if (connection.user().equals(user)) {
                connection.close(1012, "test: server-side disconnect");
                closed++;
            }
        }
        response.setContentType("text/plain");
        response.getWriter().print(closed);
    }
}
