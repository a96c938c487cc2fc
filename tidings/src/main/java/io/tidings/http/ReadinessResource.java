package io.tidings.http;

import io.tidings.platform.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import io.tidings.workers.Worker;
import io.tidings.protocol.Json;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code /api/health/ready}: 200 when Tidings can serve (the datasource answers and every
 * {@link Worker} runs), 503 otherwise, with one entry per check. A cluster bus adds its check here
 * when there is one.
 */
@Path("health/ready")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ReadinessResource {

    private static final int TIMEOUT_SECONDS = 2;

    /** The datasource persistence.xml uses, looked up once. */
    DataSource dataSource = Platform.dataSource();

    @Inject
    @Any
    Instance<Worker> workers;

    @GET
    public Response ready() {
        String datasource = datasource();
        boolean up = "UP".equals(datasource);
        var checks = Json.createObjectBuilder().add("datasource", datasource);
        for (Worker worker : workers) {
            boolean running = worker.running();
            up &= running;
            checks.add(worker.workerName(), running ? "UP" : "DOWN: not running");
        }
        var body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", checks);
        return Response.status(up ? 200 : 503).entity(body.build().toString()).build();
    }

    private String datasource() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? "UP" : "DOWN: the connection is not valid";
        } catch (SQLException | RuntimeException e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
